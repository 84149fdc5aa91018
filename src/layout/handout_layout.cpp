#include "layout/handout_layout.h"

#include <algorithm>

#include "text/bidi.h"
#include "layout/block_flow.h"
#include "layout/compose.h"
#include "layout/document_meta.h"
#include "layout/layout_stats.h"
#include "layout/handout_sections.h"
#include "layout/page_furniture.h"
#include "layout/paginate.h"
#include "layout/placement_check.h"
#include "layout/trifold_layout.h"
#include "text/scripts.h"
#include "util/text.h"

namespace handout {

PlacementBox largest_logo(const LayoutConfig& layout) {
  // Pages: the band's widest logo and the band's height; tri-fold cover: a panel wide.
  const FurnitureStyle f;
  return {std::max(f.band_logo_max_width, layout.page_width / 3), std::max(layout.header_band, f.cover_logo_height)};
}

PlacementBox largest_figure(const LayoutConfig& layout) {
  return {layout.page_width - layout.margin_left - layout.margin_right,
          layout.page_height - layout.margin_top - layout.margin_bottom};
}

namespace {

// The strings' punctuation, ": " and "; " where a language sets none.
FlowBuilder::Punctuation punctuation(const Strings& strings) {
  FlowBuilder::Punctuation p;
  if (const auto& l = strings.get("label_separator"); !l.empty()) p.label = l;
  if (const auto& l = strings.get("list_separator"); !l.empty()) p.list = l;
  return p;
}

}  // namespace

Flow build_handout_flow(const HandoutInput& in, const Style& style, const FontSet& fonts, Diagnostics& diags,
                        ContactBlock contact, Structure* tree) {
  FlowBuilder b(style, fonts, in.article_file, diags, style.column_width(), in.hyphenator);
  b.set_punctuation(punctuation(*in.strings));
  if (tree) b.set_structure(tree);
  const auto& strings = *in.strings;
  b.set_images(&in.images);
  if (in.personal) add_personal_block(b, *in.personal);
  b.blocks(in.body->blocks);
  // In a handout whose title is in another script, names in Latin letters are in the language
  // the article was written in (English unless its front matter says otherwise).
  const std::string names_lang =
      written_in_latin(in.meta->title) ? "" : in.meta->source_language.empty() ? "en" : in.meta->source_language;
  add_resources_box(b, strings.get("helpful_resources"), in.intro, in.resources, strings, names_lang);
  if (contact == ContactBlock::InFlow) add_contact_block(b, strings.get("contact_us"), *in.clinic, strings);
  add_assistance_block(b, strings.get("language_assistance_title"), in.taglines);
  return b.take();
}

FlowBox build_contact_box(const HandoutInput& in, const Style& style, const FontSet& fonts, Diagnostics& diags,
                          Structure& tree) {
  FlowBuilder b(style, fonts, in.article_file, diags, style.column_width(), nullptr);
  b.set_punctuation(punctuation(*in.strings));
  b.set_structure(&tree);
  add_contact_block(b, in.strings->get("contact_us"), *in.clinic, *in.strings,
                    {in.strings->get("online_copy"), in.online_url});
  return b.take().boxes.back();
}

namespace {

// The title block spans all columns, so it is its own one-box flow.
Flow build_title_flow(const HandoutInput& in, const Style& style, const FontSet& fonts, Diagnostics& diags,
                      Structure& tree) {
  FlowBuilder b(style, fonts, in.article_file, diags, style.content_width(), nullptr);
  b.set_punctuation(punctuation(*in.strings));
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

PagedDocument layout_pages(const HandoutInput& in, const Style& style, const FontSet& fonts, Diagnostics& diags,
                           LayoutStats& stats) {
  Structure tree;  // reading order: the logo, the title block, the body
  const PrintedClinic& clinic = *in.clinic;
  // Set once, copied onto pages; they grow with long names and notes, so the body's room is
  // known only once they are set.
  SetFurniture band = set_header_band(style, fonts, clinic, in.logo);
  tag_logo(band.frame.items, logo_description(*in.strings, clinic), tree);
  const Flow title = build_title_flow(in, style, fonts, diags, tree);
  const Flow flow = build_handout_flow(in, style, fonts, diags, ContactBlock::InFlow, &tree);
  const SetFurniture running = set_running_header(style, fonts, clinic, in.meta->title);
  const SetFurniture footer =
      set_footer(style, fonts, clinic, fill_template(in.strings->get("page_of"), {{"n", "88"}, {"total", "88"}}));
  const FurnitureStyle& f = style.furniture;
  const double title_top = band.edge + f.title_below_band;
  BodyLimits limits;
  limits.first_top = title_top + title.boxes.front().height + style.title_block_after;
  limits.top = running.edge;
  limits.bottom = std::min(style.page_height - style.margin_bottom, footer.edge - f.body_above_footer);
  auto pagination = paginate(flow.boxes, [&](int i) { return frame_area(style, i, limits).h; });
  if (pagination.forced_breaks > 0)
    diags.warning(in.article_file, 0, 0, "a block is taller than a page and was cut where no break is allowed");
  auto& frames = pagination.pages;
  balance_last_page(flow, style, limits, frames);

  PagedDocument doc;
  doc.width = style.page_width;
  doc.height = style.page_height;
  doc.info = document_info(in);
  const int total = std::max<int>(1, static_cast<int>((frames.size() + style.columns - 1) / style.columns));
  doc.pages.resize(total);
  std::vector<FrameArea> areas;
  for (std::size_t f = 0; f < frames.size(); ++f) areas.push_back(frame_area(style, static_cast<int>(f), limits));
  check_frames(flow, frames, areas, in.article_file, diags);
  for (int p = 0; p < total; ++p) {
    PageFrame& page = doc.pages[p];
    add_furniture(page, p == 0 ? band : running);
    if (p == 0) offset_items(title.boxes.front().items, style.margin_left, title_top, page.items);
    for (std::size_t f = 0; f < frames.size(); ++f) {
      if (areas[f].page != p) continue;
      place_frame(page, flow, frames[f], areas[f]);
      collect_outline(flow, frames[f], areas[f], doc.outline);
    }
    const auto label = fill_template(in.strings->get("page_of"),
                                     {{"n", std::to_string(p + 1)}, {"total", std::to_string(total)}});
    add_furniture(page, footer);
    add_page_label(page, style, fonts, label);
    if (style.script.rtl) mirror_page(page, doc.width);
  }
  normalise_outline(doc.outline);
  doc.structure = tree.take();
  stats.pages = total;
  stats.forced_breaks = pagination.forced_breaks;
  count_stats(flow, frames, style.min_lines, stats);
  if (style.justify) warn_loose_lines(flow, frames, areas, in.article_file, diags);
  return doc;
}

}  // namespace

PagedDocument layout_handout(const HandoutInput& in, const Style& style, const FontSet& fonts, Diagnostics& diags,
                             LayoutStats* stats) {
  LayoutStats local;
  PagedDocument doc = in.layout->trifold ? layout_trifold(in, style, fonts, diags, local)
                                         : layout_pages(in, style, fonts, diags, local);
  check_inside_pages(doc, in.article_file, diags);
  check_no_boxes(doc, in.article_file, in.clinic->missing_glyphs_allowed, in.personal != nullptr, diags);
  if (stats) *stats = local;
  return doc;
}

}  // namespace handout
