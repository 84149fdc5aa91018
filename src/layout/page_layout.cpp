#include "layout/page_layout.h"

#include <algorithm>

#include "layout/compose.h"
#include "layout/document_meta.h"
#include "layout/handout_flow.h"
#include "layout/handout_sections.h"
#include "layout/layout_stats.h"
#include "layout/page_furniture.h"
#include "layout/paginate.h"
#include "layout/placement_check.h"
#include "util/text.h"

namespace handout {
namespace {

// The title block spans all columns, so it is its own one-box flow.
Flow build_title_flow(const HandoutInput& in, const Style& style, const FontSet& fonts, Diagnostics& diags,
                      Structure& tree) {
  FlowBuilder b(style, fonts, in.article_file, diags, style.content_width(), nullptr);
  b.set_punctuation(handout_punctuation(*in.strings));
  b.set_structure(&tree);
  const auto& strings = *in.strings;
  TitleText text{in.meta->title, in.meta->summary, "", in.notices, {strings.get("online_copy"), in.online_url}};
  if (!in.meta->reviewed.empty())
    text.meta = fill_template(strings.get("reviewed"), {{"date", strings.format_date(in.meta->reviewed)}});
  add_title_block(b, text);
  return b.take();
}

// Vertical limits of the body: page 1 starts below the title block, later pages below the
// running header; every page ends above the footer (or the bottom margin, if that is higher).
struct BodyLimits {
  double first_top = 0, top = 0, bottom = 0;
};

// Where body frame i (a column of a page) sits.
FrameArea frame_area(const Style& s, int i, const BodyLimits& b) {
  const int page = i / s.columns, col = i % s.columns;
  const double top = page == 0 ? b.first_top : b.top;
  return {page, s.margin_left + col * (s.column_width() + s.column_gap), top, s.column_width(), b.bottom - top};
}

// Re-cuts the last page's boxes into columns of equal height: the smallest height at which
// they still fit in the page's columns.
void balance_last_page(const Flow& flow, const Style& s, const BodyLimits& limits,
                       std::vector<std::vector<PlacedBox>>& frames) {
  if (s.columns < 2 || frames.empty()) return;
  const std::size_t first_frame = (frames.size() - 1) / s.columns * s.columns;
  const auto& opening = frames[first_frame];
  // A page that continues a table starts with its header row drawn again: the re-cut keeps it
  // at the top, as box 0 of the tail, and the rows that repeat it point there.
  const bool repeats = !opening.empty() && opening.front().repeated;
  const std::size_t header = repeats ? opening.front().box : 0;
  const std::size_t first_box = opening[repeats && opening.size() > 1 ? 1 : 0].box;
  std::vector<FlowBox> tail;
  if (repeats) tail.push_back(flow.boxes[header]), tail.back().break_after = false;
  const std::size_t offset = tail.size();
  for (std::size_t b = first_box; b < flow.boxes.size(); ++b) {
    FlowBox box = flow.boxes[b];
    if (box.repeat >= 0 && static_cast<std::size_t>(box.repeat) >= first_box)
      box.repeat -= static_cast<int>(first_box - offset);
    else if (box.repeat >= 0)  // the table's header is above the tail: its copy at the top stands in
      box.repeat = repeats && static_cast<std::size_t>(box.repeat) == header ? 0 : -1;
    tail.push_back(std::move(box));
  }
  auto balanced = balance_columns(tail, s.columns, frame_area(s, static_cast<int>(first_frame), limits).h);
  if (balanced.pages.empty()) return;
  frames.resize(first_frame);
  for (auto& column : balanced.pages) {
    for (auto& p : column) {
      if (repeats && p.box == 0) p = PlacedBox{header, p.y, true};
      else p.box = p.box - offset + first_box;
    }
    frames.push_back(std::move(column));
  }
}

// How far down a box its content shows: its lowest baseline, where a reader sees the text end
// (not the leading below it), or its height when it holds no text.
double shown_depth(const FlowBox& box) {
  double depth = -1;
  for (const auto& item : box.items)
    if (const auto* t = std::get_if<TextItem>(&item)) depth = std::max(depth, t->baseline);
  return depth < 0 ? box.height : depth;
}

// How much of its body height the last page's content fills: its tallest column's share.
double last_page_fill(const Flow& flow, const std::vector<std::vector<PlacedBox>>& frames, const Style& s,
                      const BodyLimits& limits) {
  if (frames.empty()) return 0;
  const std::size_t first = (frames.size() - 1) / s.columns * s.columns;
  double fill = 0;
  for (std::size_t i = first; i < frames.size(); ++i) {
    if (frames[i].empty()) continue;
    const PlacedBox& last = frames[i].back();
    fill = std::max(fill, (last.y + shown_depth(flow.boxes[last.box])) / frame_area(s, static_cast<int>(i), limits).h);
  }
  return fill;
}

// Moves the end of the page before the last one back, box by box, until the last page holds
// at least FurnitureStyle::last_page_min of its height, when that keeps the page count.
void refill_last_page(const Flow& flow, const Style& s, const BodyLimits& limits, Pagination& pagination) {
  const double least = s.furniture.last_page_min;
  auto& frames = pagination.pages;
  const std::size_t columns = static_cast<std::size_t>(s.columns);
  const auto pages = [&](const Pagination& p) { return (p.pages.size() + columns - 1) / columns; };
  if (frames.size() <= columns || last_page_fill(flow, frames, s, limits) >= least) return;
  const std::size_t last_first = (frames.size() - 1) / columns * columns;
  const int target = static_cast<int>(last_first) - 1;  // the previous page's last column
  const auto& before = frames[static_cast<std::size_t>(target)];
  const auto height = [&](int i) { return frame_area(s, i, limits).h; };
  for (std::size_t k = before.size(); k-- > 1;) {
    const std::size_t limit = before[k - 1].box;  // the page may end after this box at the latest
    if (before[k - 1].repeated) break;
    auto p = paginate(flow.boxes, height, [&](int frame, std::size_t box) { return frame != target || box <= limit; },
                      s.furniture.gap_shrink);
    if (pages(p) != pages(pagination) || p.forced_breaks > pagination.forced_breaks) continue;
    balance_last_page(flow, s, limits, p.pages);
    if (last_page_fill(flow, p.pages, s, limits) < least) continue;
    pagination = std::move(p);
    return;
  }
}

}  // namespace

PagedDocument layout_pages(const HandoutInput& in, const Style& style, const FontSet& fonts, Diagnostics& diags,
                           LayoutStats& stats) {
  Structure tree;  // reading order: the logo, the title block, the body
  const PrintedClinic& clinic = *in.clinic;
  // Set once, copied onto pages; they grow with long names and notes, so the body's room is
  // known only once they are set.
  SetFurniture band = set_header_band(style, fonts, clinic, in.logo);
  tag_logo(band.frame.items, logo_description(*in.strings, clinic), tree);
  const Flow title = build_title_flow(in, style, fonts, diags, tree);
  const SetFurniture footer =
      set_footer(style, fonts, clinic, fill_template(in.strings->get("page_of"), {{"n", "88"}, {"total", "88"}}));
  const SetFurniture running = set_running_header(style, fonts, clinic, in.meta->title);
  const FurnitureStyle& f = style.furniture;
  const double title_top = band.edge + f.title_below_band;
  BodyLimits limits;
  limits.first_top = title_top + title.boxes.front().height + style.title_block_after;
  limits.top = running.edge;
  limits.bottom = std::min(style.page_height - style.margin_bottom, footer.edge - f.body_above_footer);
  const std::string end_note = footer.note_left_out ? clinic.footer_note : "";
  const Structure tree_before = tree;
  const Diagnostics diags_before = diags;
  Flow flow = build_handout_flow(in, style, fonts, diags, ContactBlock::InFlow, &tree, end_note);
  const auto frame_height = [&](int i) { return frame_area(style, i, limits).h; };
  const double shrink = style.furniture.gap_shrink;
  Pagination pagination = paginate(flow.boxes, frame_height, nullptr, shrink);
  balance_last_page(flow, style, limits, pagination.pages);

  // A handout that runs a little onto a last page: the language-assistance notice in a compact
  // form (two columns, then smaller type) when that saves the sheet.
  const auto page_count = [&](const Pagination& p) { return (p.pages.size() + style.columns - 1) / style.columns; };
  TextStyle smaller = style.assistance;
  smaller.size = std::max({style.assistance.size * f.notice_compact_scale, style.min_text_size, f.notice_min_size});
  smaller.line_height = style.assistance.line_height * smaller.size / style.assistance.size;
  std::vector<NoticeForm> forms{{2, nullptr}};
  if (smaller.size < style.assistance.size) forms.push_back({1, &smaller}), forms.push_back({2, &smaller});
  if (!in.taglines.empty() && page_count(pagination) > 1 &&
      last_page_fill(flow, pagination.pages, style, limits) < f.notice_compact_below) {
    for (const NoticeForm& form : forms) {
      Structure trial_tree = tree_before;
      Diagnostics trial_diags;
      Flow trial = build_handout_flow(in, style, fonts, trial_diags, ContactBlock::InFlow, &trial_tree, end_note, form);
      Pagination p = paginate(trial.boxes, frame_height, nullptr, shrink);
      if (page_count(p) >= page_count(pagination)) continue;
      balance_last_page(trial, style, limits, p.pages);
      tree = std::move(trial_tree);
      diags = diags_before;
      diags.append(trial_diags);
      flow = std::move(trial), pagination = std::move(p);
      break;
    }
  }
  // Never a last page with a few lines on it: the page before ends earlier, as late as it can
  // while the last page holds at least a quarter of its height.
  refill_last_page(flow, style, limits, pagination);
  if (pagination.forced_breaks > 0)
    diags.warning(in.article_file, 0, 0, "a block is taller than a page and was cut where no break is allowed");
  auto& frames = pagination.pages;
  labels_head_pages_only(flow.boxes, style.columns, frames);

  PagedDocument doc;
  doc.width = style.page_width;
  doc.height = style.page_height;
  doc.info = document_info(in);
  const int total = std::max<int>(1, static_cast<int>((frames.size() + style.columns - 1) / style.columns));
  doc.pages.resize(total);
  std::vector<FrameArea> areas;
  for (std::size_t f = 0; f < frames.size(); ++f) areas.push_back(frame_area(style, static_cast<int>(f), limits));
  check_frames(flow, frames, areas, in.article_file, diags);
  stats.pages = total;
  stats.forced_breaks = pagination.forced_breaks;
  count_stats(flow, frames, style.min_lines, stats);
  if (style.justify) warn_loose_lines(flow, frames, areas, in.article_file, diags);
  // The boxes' items move to the pages: the flow is not used after this loop.
  std::vector<int> uses_left = box_uses(flow, frames);
  for (int p = 0; p < total; ++p) {
    PageFrame& page = doc.pages[p];
    add_furniture(page, p == 0 ? band : running);
    if (p == 0) offset_items(title.boxes.front().items, style.margin_left, title_top, page.items);
    for (std::size_t f = 0; f < frames.size(); ++f) {
      if (areas[f].page != p) continue;
      collect_outline(flow, frames[f], areas[f], doc.outline);
      place_frame(page, flow, frames[f], areas[f], uses_left);
    }
    const auto label = fill_template(in.strings->get("page_of"),
                                     {{"n", std::to_string(p + 1)}, {"total", std::to_string(total)}});
    add_furniture(page, footer);
    add_page_label(page, style, fonts, label);
    if (style.script.rtl) mirror_page(page, doc.width);
  }
  normalise_outline(doc.outline);
  doc.structure = tree.take();
  return doc;
}

}  // namespace handout
