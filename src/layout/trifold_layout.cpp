#include "layout/trifold_layout.h"

#include <cmath>
#include <cstdio>

#include "layout/block_flow.h"
#include "layout/compose.h"
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

// Lines of plain text centred on `centre`; returns the y below them.
double centred(PageFrame& page, const std::string& text, const TextStyle& st, const FamilyFaces& faces,
               const FontSet& fonts, double centre, double width, double y, const Script& script) {
  Span span;
  span.text = text;
  InlineStyles styles = inline_styles(st, faces, st.color);
  styles.regular.font = st.font;
  Diagnostics ignored;  // the same text is checked where it is set in the body
  const auto& face = fonts.face(st.font);
  const double baseline = st.line_height / 2 + (face.ascender() - face.descender()) / 2 * st.size;
  ParagraphOptions options;
  options.rtl = script.rtl;
  for (const auto& line : set_paragraph({span}, styles, width, fonts, script.lang, {}, ignored, options)) {
    for (auto run : line.runs) {
      run.x += centre - line.width / 2;
      run.baseline = y + baseline;
      page.items.push_back(run);
    }
    y += st.line_height;
  }
  return y;
}

void add_cover(PageFrame& page, const Style& s, const HandoutFonts& fonts, const HandoutInput& in) {
  const FrameArea a = panel_area(s, kCover);
  const double pw = s.page_width / 3, left = 2 * pw, centre = left + pw / 2;
  const auto& clinic = in.config->clinic;
  const auto& set = *fonts.set;
  page.items.push_back(RectItem{left, 0, pw, s.page_height * 0.36, s.band_fill, {}, 0, 0});
  page.items.push_back(LineItem{left, s.page_height * 0.36, left + pw, s.page_height * 0.36, s.primary, 2.5});
  double y = a.y + 10;
  if (in.logo && !clinic.logo_path.empty()) {
    const double h = 72, w = std::min(a.w, h * in.logo->width / in.logo->height);
    page.items.push_back(ImageItem{centre - w / 2, y, w, w * in.logo->height / in.logo->width, clinic.logo_path});
    y += w * in.logo->height / in.logo->width + 10;
  }
  y = centred(page, clinic.name, s.header_name, fonts.headings, set, centre, a.w, y, s.script);
  if (!clinic.tagline.empty()) y = centred(page, clinic.tagline, s.header_tagline, fonts.body, set, centre, a.w, y + 2, s.script);
  y = std::max(y, s.page_height * 0.36) + 30;
  y = centred(page, in.meta->title, s.title, fonts.headings, set, centre, a.w, y, s.script);
  if (!in.meta->summary.empty()) y = centred(page, in.meta->summary, s.summary, fonts.body, set, centre, a.w, y + 10, s.script);
  if (!in.meta->reviewed.empty()) {
    const auto& strings = *in.strings;
    const auto meta = fill_template(strings.get("reviewed"), {{"date", strings.format_date(in.meta->reviewed)}});
    y = centred(page, meta, s.meta, fonts.body, set, centre, a.w, y + 8, s.script);
  }
  for (const auto& notice : in.notices) y = centred(page, notice, s.footer_note, fonts.body, set, centre, a.w, y + 4, s.script);
  double by = a.y + a.h - s.header_contact.line_height * 2;  // phone and website at the foot of the cover
  for (const auto& line : {clinic.phone, display_url(clinic.website)})
    if (!line.empty()) by = centred(page, line, s.header_contact, fonts.body, set, centre, a.w, by, s.script);
}

// Light tick marks at the folds, in the top and bottom margins only, so they never touch text.
void add_fold_guides(PageFrame& page, const Style& s) {
  const Color guide{0xB8, 0xBE, 0xC2};
  for (int k = 1; k <= 2; ++k) {
    const double x = s.page_width * k / 3;
    page.items.push_back(LineItem{x, 0, x, 12, guide, 0.5});
    page.items.push_back(LineItem{x, s.page_height - 12, x, s.page_height, guide, 0.5});
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

PagedDocument layout_trifold(const HandoutInput& in, const Style& style, const HandoutFonts& fonts, Diagnostics& diags,
                             LayoutStats& stats) {
  Style panel = style;  // flows are set at the width of one panel
  panel.page_width = style.page_width / 3;
  Flow flow = build_handout_flow(in, panel, fonts, diags);
  // The contact details close the back panel: take them out of the flow and pin them there.
  FlowBox contact = flow.boxes.back();
  flow.boxes.pop_back();
  std::vector<SetLine> note;  // the footer note, wrapped under the contact details
  if (!in.config->footer_note.empty()) {
    Span span;
    span.text = in.config->footer_note;
    InlineStyles st = inline_styles(style.footer_note, fonts.body, style.link);
    st.regular.font = style.footer_note.font;
    ParagraphOptions options;
    options.rtl = style.script.rtl;
    note = set_paragraph({span}, st, panel.content_width(), *fonts.set, in.lang, {in.article_file, 0}, diags, options);
  }
  const double note_h = note.empty() ? 0 : note.size() * style.footer_note.line_height + 8;
  const double contact_h = contact.height + note_h + style.paragraph_gap * 2;
  std::vector<FrameArea> areas;
  for (const auto& p : kFlowPanels) areas.push_back(panel_area(style, p));
  // Panel F (inside right) is followed by the flap A, on the other side of the sheet: a
  // paragraph never runs from one to the other, so nobody turns the page mid-sentence.
  auto paragraph_ends = [&](int frame, std::size_t box) {
    if (frame != 2 || flow.boxes[box].paragraph < 0) return true;
    for (std::size_t k = box + 1; k < flow.boxes.size(); ++k)
      if (!flow.boxes[k].is_gap) return flow.boxes[k].paragraph != flow.boxes[box].paragraph;
    return true;
  };
  auto pagination = paginate(
      flow.boxes,
      [&](int i) {
        if (i >= kFlowFrames) return areas[0].h;
        return i == kFlowFrames - 1 ? areas[i].h - contact_h : areas[i].h;
      },
      paragraph_ends);
  auto& frames = pagination.pages;
  if (frames.size() > kFlowFrames) {
    double over = 0;
    for (std::size_t f = kFlowFrames; f < frames.size(); ++f)
      for (const auto& p : frames[f]) over += flow.boxes[p.box].height;
    stats.overflow = over;
    diags.error(in.article_file, 0, 0, overflow_message(over, areas[0].h));
    frames.resize(kFlowFrames);
  } else {
    std::vector<FrameArea> room = areas;  // the back panel ends above the contact details
    room[kFlowFrames - 1].h -= contact_h;
    check_frames(flow, frames, room, in.article_file, diags);
  }

  PagedDocument doc;
  doc.width = style.page_width;
  doc.height = style.page_height;
  doc.info = document_info(in);
  doc.pages.resize(2);
  for (std::size_t f = 0; f < frames.size(); ++f) {
    place_frame(doc.pages[areas[f].page], flow, frames[f], areas[f]);
    collect_outline(flow, frames[f], areas[f], doc.outline);
  }
  // Outline in reading order: inside panels first, then the flap and back.
  std::stable_sort(doc.outline.begin(), doc.outline.end(),
                   [](const OutlineEntry& a, const OutlineEntry& b) { return a.page > b.page; });
  const FrameArea back = areas[kFlowFrames - 1];
  const double contact_y = back.y + back.h - contact.height - note_h;
  offset_items(contact.items, back.x, contact_y, doc.pages[0].items);
  if (contact.bookmark) doc.outline.push_back({0, contact.bookmark->title, 0, contact_y});
  double note_y = back.y + back.h - note_h + 8 + style.footer_note.size;
  for (const auto& line : note) {
    for (auto run : line.runs) {
      run.x += back.x, run.baseline = note_y;
      doc.pages[0].items.push_back(run);
    }
    note_y += style.footer_note.line_height;
  }
  add_cover(doc.pages[0], style, fonts, in);
  for (auto& page : doc.pages) {
    add_fold_guides(page, style);
    if (style.script.rtl) mirror_page(page, doc.width);  // an RTL brochure folds the other way
  }
  normalise_outline(doc.outline);
  stats.pages = 2;
  stats.forced_breaks = pagination.forced_breaks;
  count_stats(flow, frames, style.min_lines, stats);
  return doc;
}

}  // namespace handout
