#include "layout/trifold_layout.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>
#include <cstdlib>

#include "layout/block_flow.h"
#include "layout/compose.h"
#include "layout/document_meta.h"
#include "layout/handout_flow.h"
#include "layout/handout_sections.h"
#include "layout/inline_text.h"
#include "layout/layout_stats.h"
#include "layout/page_furniture.h"
#include "layout/placement_check.h"
#include "text/hyphenation.h"
#include "text/line_breaks.h"
#include "util/text.h"
#include "util/utf8.h"

namespace handout {
namespace {

constexpr int kFlowFrames = 4;   // D, E, F, A: the article and its resources
constexpr int kInsideRight = 2;  // F, the last inside panel: the flap A follows on the other side

// The six panels, left to right before an RTL brochure is mirrored: side 1 (outside, page 0)
// A B C, side 2 (inside, page 1) D E F.
enum class PanelId { A, B, C, D, E, F };
constexpr PanelId kFlowPanels[kFlowFrames] = {PanelId::D, PanelId::E, PanelId::F, PanelId::A};

// Where a panel lies on its side of the sheet. The sheet turns over on its short edge, so what
// lies behind x on one side is at page_width - x on the other: F behind A, E behind B, D behind
// C. The tuck-in panel (A outside, F inside) is the narrow one.
struct PanelBox {
  int page = 0;
  double x = 0, w = 0;
};

PanelBox panel_box(const Style& s, PanelId id) {
  const double narrower = s.furniture.tuck_in_narrower;
  const double full = (s.page_width + narrower) / 3, narrow = full - narrower;
  switch (id) {
    case PanelId::A: return {0, 0, narrow};
    case PanelId::B: return {0, narrow, full};
    case PanelId::C: return {0, narrow + full, full};
    case PanelId::D: return {1, 0, full};
    case PanelId::E: return {1, full, full};
    case PanelId::F: return {1, 2 * full, narrow};
  }
  return {};
}

// The height of every panel's text area.
double panel_height(const Style& s) { return s.page_height - s.margin_top - s.margin_bottom; }

// A panel's text area inside its margins; `width` (when given) is centred in it: the flow is
// set at the narrow panel's width so that it fits whichever panel it lands on.
FrameArea panel_area(const Style& s, PanelId id, double width = 0) {
  const PanelBox p = panel_box(s, id);
  const double room = p.w - s.margin_left - s.margin_right;
  if (width <= 0 || width > room) width = room;
  return {p.page, p.x + s.margin_left + (room - width) / 2, s.margin_top, width, panel_height(s)};
}

// `s` for text set one panel wide: the flow (the narrow panel's width) or the back panel.
Style panel_style(const Style& s, PanelId id) {
  Style out = s;
  out.page_width = panel_box(s, id).w;
  return out;
}

// The title's phrases: a colon ends one ("Vaginismus Explained:" / "Why Penetration ..."),
// so a line never runs on across the pause.
std::vector<std::string> title_phrases(const std::string& title) {
  std::vector<std::string> out;
  std::size_t start = 0;
  auto push = [&](std::size_t end) {
    const std::string phrase = collapse_spaces(title.substr(start, end - start));
    if (!phrase.empty() && phrase != " ") out.push_back(phrase);
    start = end;
  };
  for (std::size_t i = 0; i < title.size(); ++i) {
    if (title.compare(i, 2, ": ") == 0) push(i + 1);
    else if (title.compare(i, 3, "\xEF\xBC\x9A") == 0) push(i + 3);  // U+FF1A fullwidth colon
  }
  push(title.size());
  return out;
}

// The cover panel's lines, centred and balanced (whole words, no word alone on a last line);
// each is content of a new structure element, or (role null) an artifact like the header band
// it stands for.
class CoverText {
 public:
  CoverText(PageFrame& page, const Style& s, const FontSet& fonts, Structure& tree, double centre, double width)
      : page_(page), s_(s), fonts_(fonts), tree_(tree), centre_(centre), width_(width) {}

  // The height `text` takes when set.
  double height(const std::string& text, const TextStyle& st) const {
    Span span;
    span.text = text;
    Diagnostics ignored;
    return set_paragraph({span}, s_.inline_styles(st), width_, fonts_, s_.script.lang, {}, ignored, options()).size() *
           st.line_height;
  }

  // Sets `text` from `y` down; returns the y below it.
  double add(const char* role, const std::string& text, const TextStyle& st, double y, const std::string& lang = "") {
    return add(role, std::vector<std::string>{text}, st, y, lang);
  }

  // Sets the pieces of one element (a title's phrases), each on lines of its own.
  double add(const char* role, const std::vector<std::string>& pieces, const TextStyle& st, double y,
             const std::string& lang = "") {
    Diagnostics ignored;  // the same text is checked where it is set in the body
    const auto& face = fonts_.face(st.font);
    const double baseline = st.line_height / 2 + (face.ascender() - face.descender()) / 2 * st.size;
    std::vector<Item> items;
    for (const auto& piece : pieces) {
      Span span;
      span.text = piece;
      for (const auto& line :
           set_paragraph({span}, s_.inline_styles(st), width_, fonts_, s_.script.lang, {}, ignored, options())) {
        for (auto run : line.runs) {
          run.x += centre_ - line.width / 2;
          run.baseline = y + baseline;
          items.push_back(run);
        }
        y += st.line_height;
      }
    }
    if (role) {
      const int element = tree_.add(tree_.current(), role);
      tree_.at(element).lang = lang;
      tree_.tag(items, element);
    } else {
      Structure::artifact(items, Artifact::Pagination);
    }
    page_.items.insert(page_.items.end(), items.begin(), items.end());
    return y;
  }

 private:
  ParagraphOptions options() const {
    ParagraphOptions o;
    o.rtl = s_.script.rtl;
    o.balance = true;
    return o;
  }

  PageFrame& page_;
  const Style& s_;
  const FontSet& fonts_;
  Structure& tree_;
  double centre_, width_;
};

// The cover: the clinic (an artifact, as a page's header band) with its logo (a Figure), then
// the title block, first in reading order.
void add_cover(PageFrame& page, const Style& s, const FontSet& set, const HandoutInput& in, Structure& tree) {
  const FrameArea a = panel_area(s, PanelId::C);
  const PanelBox p = panel_box(s, PanelId::C);
  const double centre = p.x + p.w / 2;
  const PrintedClinic& clinic = *in.clinic;
  const FurnitureStyle& f = s.furniture;
  const double band = s.page_height * f.cover_band_share;
  page.items.push_back(RectItem{p.x, 0, p.w, band, s.band_fill, {}, 0, 0, {}});
  page.items.push_back(LineItem{p.x, band, p.x + p.w, band, s.primary, f.band_rule_width, {}});
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
  y = text.add("H1", title_phrases(in.meta->title), s.title, y);
  if (!in.meta->summary.empty()) y = text.add("P", in.meta->summary, s.summary, y + f.cover_summary_gap);
  if (!in.meta->reviewed.empty()) {
    const auto& strings = *in.strings;
    const auto meta = fill_template(strings.get("reviewed"), {{"date", strings.format_date(in.meta->reviewed)}});
    y = text.add("P", meta, s.meta, y + f.cover_meta_gap);
  }
  for (const auto& notice : in.notices)
    y = text.add("P", notice.text, s.footer_note, y + f.cover_notice_gap, notice.lang);
  // At the cover's foot: the footer note, then the phone and website.
  double by = a.y + a.h - s.header_contact.line_height * 2;
  if (!in.clinic->footer_note.empty()) {
    const double note = text.height(in.clinic->footer_note, s.footer_note);
    text.add("P", in.clinic->footer_note, s.footer_note, by - note - f.cover_note_gap);
  }
  for (const auto& line : {clinic.info.phone, display_url(clinic.info.website)})
    if (!line.empty()) by = text.add(nullptr, line, s.header_contact, by);
}

// Short ticks at the folds, from the sheet's edge into the top and bottom margins only: inside
// the 0.25 in no text comes near, so they never touch it.
void add_fold_guides(PageFrame& page, const Style& s, int side) {
  const FurnitureStyle& f = s.furniture;
  const PanelId middle = side == 0 ? PanelId::B : PanelId::E, right = side == 0 ? PanelId::C : PanelId::F;
  for (const PanelId id : {middle, right}) {
    const double x = panel_box(s, id).x;
    page.items.push_back(LineItem{x, 0, x, f.fold_tick, f.fold_tick_color, f.fold_tick_width, {}});
    page.items.push_back(
        LineItem{x, s.page_height - f.fold_tick, x, s.page_height, f.fold_tick_color, f.fold_tick_width, {}});
  }
}

// About how many words `text` holds, counted where ICU's word boundaries start a word: Chinese,
// Japanese and Thai words count as words too, not as characters.
int count_words(const std::string& text, const std::string& lang) {
  const std::u32string t = utf8_decode(text);
  const auto breaks = line_breaks(t, lang, true);
  int n = 0;
  for (std::size_t i = 0; i < t.size(); ++i)
    if (is_letter(t[i]) && (i == 0 || !is_letter(t[i - 1]) || breaks[i - 1] != BreakAfter::None)) ++n;
  return n;
}

// The text of a box's runs, a space between runs.
void append_text(const FlowBox& box, std::string& out) {
  for (const auto& item : box.items)
    if (const auto* t = std::get_if<TextItem>(&item)) out += t->text + " ";
}

// How the flow was cut into the panels D, E, F and A.
struct Cut {
  Pagination pagination;
  bool fits = false;      // everything is on the four panels
  double overflow = 0;    // points of the flow past the flap
  int overflow_words = 0;
  bool flap_mid_section = false;  // no section starts where F must end
};

// White space or a box's top padding: nothing a reader sees.
bool blank(const FlowBox& box) { return box.is_gap || box.items.empty(); }

// True when the first box from `from` a reader sees starts a section (a heading, the
// resources box), or there is none.
bool section_starts(const Flow& flow, std::size_t from) {
  for (std::size_t k = from; k < flow.boxes.size(); ++k)
    if (!blank(flow.boxes[k])) return flow.boxes[k].bookmark.has_value() || flow.boxes[k].opens_part;
  return true;
}

// Cuts the flow into the four panels. The inside right panel F ends where a section ends, so
// the flap A, the first panel seen on opening the cover, opens on a section (and nobody turns
// the sheet mid-sentence).
Cut cut_into_panels(const Flow& flow, double height, const std::string& lang) {
  auto may_end = [&](int frame, std::size_t box) { return frame != kInsideRight || section_starts(flow, box + 1); };
  Cut cut;
  cut.pagination = paginate(flow.boxes, [&](int) { return height; }, may_end);
  const auto& frames = cut.pagination.pages;
  std::string text;
  for (std::size_t f = kFlowFrames; f < frames.size(); ++f)
    for (const auto& p : frames[f]) {
      cut.overflow += flow.boxes[p.box].height;
      append_text(flow.boxes[p.box], text);
    }
  cut.overflow_words = count_words(text, lang);
  // The flap must open on a section, not on the rest of one cut by a forced break.
  const bool flap_ok = frames.size() <= kInsideRight + 1 || frames[kInsideRight + 1].empty() ||
                       (!frames[kInsideRight + 1].front().repeated &&
                        section_starts(flow, frames[kInsideRight + 1].front().box));
  cut.flap_mid_section = !flap_ok;
  cut.fits = frames.size() <= kFlowFrames && flap_ok;
  return cut;
}

// The height of a flow's boxes stacked, without the white space before the first.
double stacked_height(const Flow& flow) {
  double h = 0;
  bool started = false;
  for (const auto& box : flow.boxes) {
    started |= !box.is_gap;
    if (started) h += box.height;
  }
  return h;
}

// The language-assistance notice for the back panel, its taglines at `size` points.
Flow tagline_flow(const HandoutInput& in, const Style& back, double size, const FontSet& fonts, Diagnostics& diags,
                  Structure* tree) {
  Style s = back;
  s.assistance.size = size;
  s.assistance.line_height = size * s.furniture.back_tagline_leading;
  s.assistance_gap = s.furniture.back_tagline_gap;
  FlowBuilder b(s, fonts, in.article_file, diags, s.content_width(), nullptr);
  if (tree) b.set_structure(tree);
  add_assistance_block(b, in.strings->get("language_assistance_title"), in.taglines);
  return b.take();
}

// The largest tagline size, from the style's down to the smallest readable one, at which the
// notice and the foot share the back panel; none when even that is too large.
std::optional<double> fit_taglines(const HandoutInput& in, const Style& back, const FontSet& fonts) {
  if (in.taglines.empty()) return back.assistance.size;
  Diagnostics scratch;
  Structure tree;
  const double room =
      panel_height(back) - build_contact_box(in, back, fonts, scratch, tree).height - back.furniture.back_gap;
  const double largest = std::min(back.assistance.size, back.body.size);
  for (double size = largest; size >= back.furniture.back_tagline_min - 1e-9; size -= kBodySizeStep)
    if (stacked_height(tagline_flow(in, back, size, fonts, scratch, nullptr)) <= room + 1e-6) return size;
  return std::nullopt;
}

// The sizes the tri-fold is set at: the largest body that fits, then the largest taglines.
struct Fit {
  bool fits = false, taglines_fit = true;
  double body = 0, tagline = 0;
  Cut last;  // the cut at the smallest size, when nothing fits
};

Fit choose_sizes(const HandoutInput& in, const Style& style, const FontSet& fonts) {
  HandoutInput article = in;  // the taglines go on the back panel, not into the flow
  article.taglines.clear();
  Fit fit;
  bool article_fits = false;  // at some size, but with the notice too large for the back panel
  const double height = panel_height(style);
  auto cut_at = [&](double size) {
    const Style s = with_body_size(style, *in.layout, size);
    Diagnostics scratch;
    const Flow flow = build_handout_flow(article, panel_style(s, PanelId::A), fonts, scratch, ContactBlock::Separate,
                                         nullptr, "", {}, BoxLabel::Always);
    return cut_into_panels(flow, height, s.script.lang);
  };
  const auto sizes = body_sizes(*in.layout);
  fit.body = sizes.back();
  fit.last = cut_at(sizes.back());  // an article too long at the smallest size fails at once
  if (!fit.last.fits) return fit;
  for (const double size : sizes) {
    const Style s = with_body_size(style, *in.layout, size);
    fit.body = size;
    if (size != sizes.back() && !cut_at(size).fits) continue;
    article_fits = true;
    const auto tagline = fit_taglines(in, panel_style(s, PanelId::B), fonts);
    if (!tagline) continue;
    fit.fits = true;
    fit.tagline = *tagline;
    return fit;
  }
  fit.taglines_fit = !article_fits;
  return fit;
}

std::string overflow_message(const Fit& fit, const Style& s) {
  char buf[300];
  if (!fit.taglines_fit) {
    std::snprintf(buf, sizeof buf,
                  "the language-assistance notice does not fit the tri-fold's back panel beside the contact details, "
                  "even at %g pt; print fewer taglines (assistance_taglines in the layout) or use another layout",
                  s.furniture.back_tagline_min);
    return buf;
  }
  if (fit.last.overflow <= 0 && fit.last.flap_mid_section) {
    std::snprintf(buf, sizeof buf,
                  "the article fits the tri-fold's panels at %g pt only if the flap opens mid-section; start a "
                  "section (a heading) where the inside panels end, shorten the article or use another layout",
                  fit.body);
    return buf;
  }
  const int words = fit.last.overflow_words;
  const int rounded = words >= 50 ? (words + 5) / 10 * 10 : std::max(1, words);
  std::snprintf(buf, sizeof buf,
                "the article is about %d words too long for the tri-fold at %g pt, its smallest body size (%.0f pt "
                "of text past the last panel); shorten it or use another layout",
                rounded, fit.body, fit.last.overflow);
  return buf;
}

// The back panel: the notice from the top, the contact details at the foot.
void place_back_panel(PageFrame& page, const Flow& taglines, const FlowBox& contact, const FrameArea& back,
                      std::vector<OutlineEntry>& outline) {
  std::vector<PlacedBox> placed;
  double y = 0;
  for (std::size_t i = 0; i < taglines.boxes.size(); ++i) {
    if (placed.empty() && taglines.boxes[i].is_gap) continue;
    placed.push_back({i, y});
    y += taglines.boxes[i].height;
  }
  place_frame(page, taglines, placed, back);
  const double contact_y = back.y + back.h - contact.height;
  offset_items(contact.items, back.x, contact_y, page.items);
  if (contact.bookmark) outline.push_back({0, contact.bookmark->title, 0, contact_y});
}

}  // namespace

const char* trifold_panel_name(int frame) {
  static const char* kNames[kFlowFrames + 1] = {"D", "E", "F", "A", "B"};
  return frame >= 0 && frame <= kFlowFrames ? kNames[frame] : "?";
}

PagedDocument layout_trifold(const HandoutInput& in, const Style& style, const FontSet& fonts, Diagnostics& diags,
                             LayoutStats& stats) {
  const Fit fit = choose_sizes(in, style, fonts);
  const Style s = with_body_size(style, *in.layout, fit.body);
  const Style flow_style = panel_style(s, PanelId::A), back_style = panel_style(s, PanelId::B);
  PagedDocument doc;
  doc.pages.resize(2);
  doc.width = s.page_width;
  doc.height = s.page_height;
  doc.info = document_info(in);
  Structure tree;  // reading order: the cover, the panels' flow, the notice, the contact details
  add_cover(doc.pages[0], s, fonts, in, tree);
  HandoutInput article = in;
  article.taglines.clear();
  const Flow flow =
      build_handout_flow(article, flow_style, fonts, diags, ContactBlock::Separate, &tree, "", {}, BoxLabel::Always);
  std::vector<FrameArea> areas;
  for (const PanelId id : kFlowPanels) areas.push_back(panel_area(s, id, flow_style.content_width()));
  Cut cut = cut_into_panels(flow, areas[0].h, s.script.lang);
  auto& frames = cut.pagination.pages;
  if (!fit.fits) {
    stats.overflow = fit.last.overflow;
    diags.error(in.article_file, 0, 0, overflow_message(fit, s));
    if (frames.size() > kFlowFrames) frames.resize(kFlowFrames);
  } else {
    check_frames(flow, frames, areas, in.article_file, diags);
  }
  for (std::size_t f = 0; f < frames.size(); ++f) {
    place_frame(doc.pages[areas[f].page], flow, frames[f], areas[f]);
    collect_outline(flow, frames[f], areas[f], doc.outline);
  }
  // Outline in reading order: inside panels first, then the flap and back.
  std::stable_sort(doc.outline.begin(), doc.outline.end(),
                   [](const OutlineEntry& a, const OutlineEntry& b) { return a.page > b.page; });
  const Flow notice = tagline_flow(in, back_style, fit.tagline, fonts, diags, &tree);
  const FlowBox contact = build_contact_box(in, back_style, fonts, diags, tree);
  place_back_panel(doc.pages[0], notice, contact, panel_area(s, PanelId::B), doc.outline);
  for (int side = 0; side < 2; ++side) {
    add_fold_guides(doc.pages[side], s, side);
    if (s.script.rtl) mirror_page(doc.pages[side], doc.width);  // an RTL brochure folds the other way
  }
  normalise_outline(doc.outline);
  doc.structure = tree.take();
  stats.pages = 2;
  stats.forced_breaks = cut.pagination.forced_breaks;
  count_stats(flow, frames, s.min_lines, stats);
  return doc;
}

}  // namespace handout
