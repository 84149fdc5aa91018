#include "layout/trifold_layout.h"

#include <cmath>
#include <cstdio>

#include "layout/block_flow.h"
#include "layout/compose.h"
#include "layout/document_meta.h"
#include "layout/layout_stats.h"
#include "layout/inline_text.h"
#include "layout/page_furniture.h"
#include "layout/placement_check.h"
#include "util/text.h"

namespace handout {
namespace {

constexpr int kFlowFrames = 5;  // D, E, F, A, B

struct Panel {
  int page;    // 0: outside, 1: inside
  int column;  // 0..2, left to right
};

// Flow order of the panels: inside D, E, F, then the flap A, then the back B.
constexpr Panel kFlowPanels[kFlowFrames] = {{1, 0}, {1, 1}, {1, 2}, {0, 0}, {0, 1}};
constexpr Panel kCover{0, 2};

FrameArea panel_area(const Style& s, Panel p) {
  const double pw = s.page_width / 3;
  return {p.page, p.column * pw + s.margin_left, s.margin_top, pw - s.margin_left - s.margin_right,
          s.page_height - s.margin_top - s.margin_bottom};
}

// The cover panel's lines, centred; each is content of a new structure element, or (role
// null) an artifact like the header band it stands for.
class CoverText {
 public:
  CoverText(PageFrame& page, const Style& s, const FontSet& fonts, Structure& tree, double centre, double width)
      : page_(page), s_(s), fonts_(fonts), tree_(tree), centre_(centre), width_(width) {}

  // Sets `text` from `y` down; returns the y below it.
  double add(const char* role, const std::string& text, const TextStyle& st, double y, const std::string& lang = "") {
    Span span;
    span.text = text;
    Diagnostics ignored;  // the same text is checked where it is set in the body
    const auto& face = fonts_.face(st.font);
    const double baseline = st.line_height / 2 + (face.ascender() - face.descender()) / 2 * st.size;
    ParagraphOptions options;
    options.rtl = s_.script.rtl;
    std::vector<Item> items;
    for (const auto& line :
         set_paragraph({span}, s_.inline_styles(st), width_, fonts_, s_.script.lang, {}, ignored, options)) {
      for (auto run : line.runs) {
        run.x += centre_ - line.width / 2;
        run.baseline = y + baseline;
        items.push_back(run);
      }
      y += st.line_height;
    }
    if (role) {
      const int element = tree_.add(tree_.current(), role);
      tree_.at(element).lang = lang;
      tree_.tag(items, element);
    }
    else
      Structure::artifact(items, Artifact::Pagination);
    page_.items.insert(page_.items.end(), items.begin(), items.end());
    return y;
  }

 private:
  PageFrame& page_;
  const Style& s_;
  const FontSet& fonts_;
  Structure& tree_;
  double centre_, width_;
};

// The cover: the clinic (an artifact, as a page's header band) with its logo (a Figure), then
// the title block, first in reading order.
void add_cover(PageFrame& page, const Style& s, const FontSet& set, const HandoutInput& in, Structure& tree) {
  const FrameArea a = panel_area(s, kCover);
  const double pw = s.page_width / 3, left = 2 * pw, centre = left + pw / 2;
  const PrintedClinic& clinic = *in.clinic;
  const FurnitureStyle& f = s.furniture;
  const double band = s.page_height * f.cover_band_share;
  page.items.push_back(RectItem{left, 0, pw, band, s.band_fill, {}, 0, 0, {}});
  page.items.push_back(LineItem{left, band, left + pw, band, s.primary, f.band_rule_width, {}});
  double y = a.y + f.cover_top;
  if (in.logo && !clinic.info.logo_path.empty()) {
    const double w = std::min(a.w, f.cover_logo_height * in.logo->width / in.logo->height);
    std::vector<Item> logo{ImageItem{centre - w / 2, y, w, w * in.logo->height / in.logo->width, clinic.info.logo_path, {}}};
    tag_logo(logo, logo_description(*in.strings, clinic), tree);
    page.items.push_back(logo.front());
    y += w * in.logo->height / in.logo->width + f.cover_logo_gap;
  }
  CoverText text(page, s, set, tree, centre, a.w);
  y = text.add(nullptr, clinic.info.name, s.header_name, y);
  if (!clinic.tagline.empty()) y = text.add(nullptr, clinic.tagline, s.header_tagline, y + f.cover_tagline_gap);
  y = std::max(y, band) + f.cover_title_gap;
  y = text.add("H1", in.meta->title, s.title, y);
  if (!in.meta->summary.empty()) y = text.add("P", in.meta->summary, s.summary, y + f.cover_summary_gap);
  if (!in.meta->reviewed.empty()) {
    const auto& strings = *in.strings;
    const auto meta = fill_template(strings.get("reviewed"), {{"date", strings.format_date(in.meta->reviewed)}});
    y = text.add("P", meta, s.meta, y + f.cover_meta_gap);
  }
  for (const auto& notice : in.notices)
    y = text.add("P", notice.text, s.footer_note, y + f.cover_notice_gap, notice.lang);
  double by = a.y + a.h - s.header_contact.line_height * 2;  // phone and website at the foot of the cover
  for (const auto& line : {clinic.info.phone, display_url(clinic.info.website)})
    if (!line.empty()) by = text.add(nullptr, line, s.header_contact, by);
}

// Light tick marks at the folds, in the top and bottom margins only, so they never touch text.
void add_fold_guides(PageFrame& page, const Style& s) {
  const FurnitureStyle& f = s.furniture;
  for (int k = 1; k <= 2; ++k) {
    const double x = s.page_width * k / 3;
    page.items.push_back(LineItem{x, 0, x, f.fold_tick, f.fold_tick_color, f.fold_tick_width, {}});
    page.items.push_back(
        LineItem{x, s.page_height - f.fold_tick, x, s.page_height, f.fold_tick_color, f.fold_tick_width, {}});
  }
}

std::string overflow_message(double over, double panel_height) {
  char buf[200];
  std::snprintf(buf, sizeof buf,
                "the article does not fit the tri-fold: %.0f pt of content (about %.1f panels) more than the "
                "panels hold; shorten the article or use a page layout",
                over, over / panel_height);
  return buf;
}

}  // namespace

const char* trifold_panel_name(int frame) {
  static const char* kNames[kFlowFrames] = {"D", "E", "F", "A", "B"};
  return frame >= 0 && frame < kFlowFrames ? kNames[frame] : "?";
}

namespace {

// The back panel's foot: the clinic's contact details, then the footer note wrapped under them.
struct BackPanelFoot {
  FlowBox contact;
  std::vector<SetLine> note;
  double note_height = 0;
  double height(const Style& s) const { return contact.height + note_height + s.paragraph_gap * 2; }
};

BackPanelFoot back_panel_foot(const HandoutInput& in, const Style& panel, const FontSet& fonts, Diagnostics& diags,
                              Structure& tree) {
  BackPanelFoot foot;
  foot.contact = build_contact_box(in, panel, fonts, diags, tree);
  if (!in.clinic->footer_note.empty()) {
    Span span;
    span.text = in.clinic->footer_note;
    ParagraphOptions options;
    options.rtl = panel.script.rtl;
    foot.note = set_paragraph({span}, panel.inline_styles(panel.footer_note), panel.content_width(), fonts,
                              panel.script.lang, {in.article_file, 0}, diags, options);
    foot.note_height = foot.note.size() * panel.footer_note.line_height + panel.furniture.back_note_gap;
  }
  return foot;
}

void place_back_panel_foot(PageFrame& page, const BackPanelFoot& foot, const FrameArea& back, const Style& s,
                           std::vector<OutlineEntry>& outline) {
  const double contact_y = back.y + back.h - foot.contact.height - foot.note_height;
  offset_items(foot.contact.items, back.x, contact_y, page.items);
  if (foot.contact.bookmark) outline.push_back({0, foot.contact.bookmark->title, 0, contact_y});
  double note_y = back.y + back.h - foot.note_height + s.furniture.back_note_gap + s.footer_note.size;
  for (const auto& line : foot.note) {
    for (auto run : line.runs) {
      run.x += back.x, run.baseline = note_y;
      page.items.push_back(run);
    }
    note_y += s.footer_note.line_height;
  }
}

// Cuts the flow into the five panels; content past them is an error saying by how much.
Pagination cut_into_panels(const Flow& flow, const std::vector<FrameArea>& areas, double foot_height,
                           const std::string& file, Diagnostics& diags, LayoutStats& stats) {
  // Panel F (inside right) is followed by the flap A, on the other side of the sheet: a
  // paragraph never runs from one to the other, so nobody turns the page mid-sentence.
  auto paragraph_ends = [&](int frame, std::size_t box) {
    if (frame != 2 || flow.boxes[box].paragraph < 0) return true;
    for (std::size_t k = box + 1; k < flow.boxes.size(); ++k)
      if (!flow.boxes[k].is_gap) return flow.boxes[k].paragraph != flow.boxes[box].paragraph;
    return true;
  };
  std::vector<FrameArea> room = areas;  // the back panel ends above the contact details
  room[kFlowFrames - 1].h -= foot_height;
  auto pagination = paginate(
      flow.boxes, [&](int i) { return i >= kFlowFrames ? areas[0].h : room[i].h; }, paragraph_ends);
  auto& frames = pagination.pages;
  if (frames.size() > kFlowFrames) {
    double over = 0;
    for (std::size_t f = kFlowFrames; f < frames.size(); ++f)
      for (const auto& p : frames[f]) over += flow.boxes[p.box].height;
    stats.overflow = over;
    diags.error(file, 0, 0, overflow_message(over, areas[0].h));
    frames.resize(kFlowFrames);
  } else {
    check_frames(flow, frames, room, file, diags);
  }
  return pagination;
}

}  // namespace

PagedDocument layout_trifold(const HandoutInput& in, const Style& style, const FontSet& fonts, Diagnostics& diags,
                             LayoutStats& stats) {
  Style panel = style;  // flows are set at the width of one panel
  panel.page_width = style.page_width / 3;
  PagedDocument doc;
  doc.pages.resize(2);
  Structure tree;  // reading order: the cover, the panels' flow, the contact details
  add_cover(doc.pages[0], style, fonts, in, tree);
  const Flow flow = build_handout_flow(in, panel, fonts, diags, ContactBlock::Separate, &tree);
  const BackPanelFoot foot = back_panel_foot(in, panel, fonts, diags, tree);
  std::vector<FrameArea> areas;
  for (const auto& p : kFlowPanels) areas.push_back(panel_area(style, p));
  const auto pagination = cut_into_panels(flow, areas, foot.height(style), in.article_file, diags, stats);
  const auto& frames = pagination.pages;

  doc.width = style.page_width;
  doc.height = style.page_height;
  doc.info = document_info(in);
  for (std::size_t f = 0; f < frames.size(); ++f) {
    place_frame(doc.pages[areas[f].page], flow, frames[f], areas[f]);
    collect_outline(flow, frames[f], areas[f], doc.outline);
  }
  // Outline in reading order: inside panels first, then the flap and back.
  std::stable_sort(doc.outline.begin(), doc.outline.end(),
                   [](const OutlineEntry& a, const OutlineEntry& b) { return a.page > b.page; });
  place_back_panel_foot(doc.pages[0], foot, areas[kFlowFrames - 1], style, doc.outline);
  for (auto& page : doc.pages) {
    add_fold_guides(page, style);
    if (style.script.rtl) mirror_page(page, doc.width);  // an RTL brochure folds the other way
  }
  normalise_outline(doc.outline);
  doc.structure = tree.take();
  stats.pages = 2;
  stats.forced_breaks = pagination.forced_breaks;
  count_stats(flow, frames, style.min_lines, stats);
  return doc;
}

}  // namespace handout
