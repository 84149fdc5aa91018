#include "layout/page_furniture.h"

#include <algorithm>

#include "layout/inline_text.h"
#include "util/text.h"
#include "util/utf8.h"

namespace handout {
namespace {

// Wraps plain text in one style to `width`; the lines' runs are relative to x = 0, baseline 0.
std::vector<SetLine> wrap(const std::string& text, const TextStyle& st, const Style& s, const FontSet& fonts,
                          double width, bool balance = false) {
  Span span;
  span.text = text;
  const InlineStyles styles = s.inline_styles(st);
  const Script& script = s.script;
  ParagraphOptions options;
  options.rtl = script.rtl;
  options.balance = balance;
  Diagnostics ignored;  // characters are checked where the same text is set in the body
  return set_paragraph({span}, styles, width, fonts, script.lang, {}, ignored, options);
}

// Emits wrapped lines with their first baseline at `baseline`; returns the next baseline.
double emit(PageFrame& page, const std::vector<SetLine>& lines, const TextStyle& st, double x, double baseline) {
  for (const auto& line : lines) {
    place_line(line, x, baseline, page.items);
    baseline += st.line_height;
  }
  return baseline;
}

}  // namespace

std::string fit_text(const std::string& text, const TextStyle& style, const FontSet& fonts, double width,
                     const Script& script) {
  if (set_label(text, style, fonts, script).width <= width) return text;
  const std::u32string chars = utf8_decode(text);
  const std::string ellipsis = "\u2026";
  auto shortened = [&](std::size_t n) {
    std::u32string kept = chars.substr(0, n);
    while (!kept.empty() && kept.back() == U' ') kept.pop_back();
    return utf8_encode(kept) + ellipsis;
  };
  // The longest start that fits with its ellipsis, by halving: a title of thousands of letters
  // costs a dozen trial settings, not one per letter.
  std::size_t fits = 0, too_long = chars.size();
  while (too_long - fits > 1) {
    const std::size_t mid = (fits + too_long) / 2;
    (set_label(shortened(mid), style, fonts, script).width <= width ? fits : too_long) = mid;
  }
  // Cut where a word ends when the kept part has a space ("Why Penetration…", not "… Ca…");
  // text written without spaces (Chinese, Japanese, Thai) is cut where it fits.
  std::size_t word_end = fits;
  while (word_end > 0 && fits < chars.size() && chars[fits] != U' ' && chars[word_end - 1] != U' ') --word_end;
  if (word_end > fits / 2) fits = word_end;
  return fits == 0 ? ellipsis : shortened(fits);
}

SetFurniture set_header_band(const Style& s, const FontSet& fonts, const PrintedClinic& clinic,
                             const std::optional<ImageInfo>& logo) {
  const FurnitureStyle& f = s.furniture;
  SetFurniture out;
  PageFrame& page = out.frame;
  // Right-hand column: phone and website, for a patient who wants to call. Furniture is an
  // artifact of the tagged PDF, so it holds no links: the contact block has them.
  std::vector<SetLine> right;
  double right_w = 0;
  for (const auto& text : {clinic.info.phone, display_url(clinic.info.website)})
    if (!text.empty()) right.push_back(set_label(text, s.header_contact, fonts, s.script));
  for (const auto& line : right) right_w = std::max(right_w, line.width);
  double logo_w = 0, logo_h = 0;
  if (logo && !clinic.info.logo_path.empty()) {
    logo_h = s.header_band - 2 * f.band_logo_inset;
    logo_w = std::min(logo_h * logo->width / logo->height,
                      std::min(f.band_logo_max_width, s.content_width() * f.band_logo_max_share));
    logo_h = logo_w * logo->height / logo->width;
  }
  const double x = s.margin_left + (logo_w > 0 ? logo_w + f.band_logo_gap : 0);
  double name_w = s.page_width - s.margin_right - x - right_w - f.band_contact_gap;
  auto name = wrap(clinic.info.name, s.header_name, s, fonts, name_w, true);
  // The name is what identifies the handout: when it would wrap beside the phone and website,
  // it gets their room (the footer and the contact section give them on every handout).
  if (name.size() > 1 && !right.empty()) {
    right.clear();
    name_w = s.page_width - s.margin_right - x;
    name = wrap(clinic.info.name, s.header_name, s, fonts, name_w, true);
  }
  const auto tagline = clinic.tagline.empty() ? std::vector<SetLine>{}
                                              : wrap(clinic.tagline, s.header_tagline, s, fonts, name_w, true);
  const double block = name.size() * s.header_name.line_height + tagline.size() * s.header_tagline.line_height;
  const double band = std::max({s.header_band, block + 2 * f.band_text_inset, logo_h + 2 * f.band_logo_inset});

  page.items.push_back(RectItem{0, 0, s.page_width, band, s.band_fill, {}, 0, 0, {}});
  page.items.push_back(LineItem{0, band, s.page_width, band, s.primary, f.band_rule_width, {}});
  if (logo_w > 0)
    page.items.push_back(ImageItem{s.margin_left, (band - logo_h) / 2, logo_w, logo_h, clinic.info.logo_path, {}});
  // Baselines sit at a share of the font size below a line's centre, so text looks centred.
  const double lh = s.header_contact.line_height;
  double ry = band / 2 - right.size() * lh / 2 + lh / 2 + s.header_contact.size * 0.35;
  for (const auto& line : right) {
    // Right-aligned (left-aligned once an RTL page is mirrored).
    const double rx = s.page_width - s.margin_right - line.width;
    place_line(line, rx, ry, page.items);
    ry += lh;
  }
  // Name and tagline, centred vertically in the band.
  double y = (band - block) / 2 + s.header_name.size * 0.95;
  y = emit(page, name, s.header_name, x, y);
  emit(page, tagline, s.header_tagline, x,
       y - s.header_name.line_height + s.header_name.size * 0.3 + s.header_tagline.line_height);
  out.edge = band;
  Structure::artifact(page.items, Artifact::Pagination);
  return out;
}

SetFurniture set_running_header(const Style& s, const FontSet& fonts, const PrintedClinic& clinic,
                                const std::string& title) {
  const FurnitureStyle& f = s.furniture;
  SetFurniture out;
  auto& items = out.frame.items;
  const double baseline = s.margin_top - f.running_baseline;
  TextStyle name_style = s.running;
  name_style.color = s.link;
  const auto name = set_label(clinic.info.name, name_style, fonts, s.script);
  place_line(name, s.margin_left, baseline, items);
  const double room = s.content_width() - name.width - f.running_title_gap;
  const auto t = set_label(fit_text(title, s.running, fonts, room, s.script), s.running, fonts, s.script);
  place_line(t, s.page_width - s.margin_right - t.width, baseline, items);
  const double rule_y = s.margin_top - f.running_rule;
  items.push_back(LineItem{s.margin_left, rule_y, s.page_width - s.margin_right, rule_y, s.rule, f.rule_width, {}});
  out.edge = s.margin_top + f.body_below_running;
  Structure::artifact(items, Artifact::Pagination);
  return out;
}

namespace {

// The footer's last baseline: the page label's and the contact line's.
double footer_baseline(const Style& s) {
  const FurnitureStyle& f = s.furniture;
  return s.page_height - std::max(f.footer_baseline_min, s.margin_bottom * f.footer_baseline_share);
}

}  // namespace

SetFurniture set_footer(const Style& s, const FontSet& fonts, const PrintedClinic& clinic,
                        const std::string& widest_label) {
  const FurnitureStyle& f = s.furniture;
  SetFurniture out;
  PageFrame& page = out.frame;
  const double lh = s.footer.line_height;
  const double label_w = set_label(widest_label, s.footer, fonts, s.script).width;
  // The contact line: phone · email · website, wrapped between parts when it does not fit
  // beside the page label.
  struct Placed {
    SetLine line;
    double x;
  };
  std::vector<std::vector<Placed>> rows(1);
  const double limit = s.content_width() - label_w - f.footer_label_gap;
  // The separator is a middle dot with a little air either side (labels drop edge spaces).
  const double air = s.footer.size * f.footer_dot_air;
  SetLine dot = set_label("\u00B7", s.footer, fonts, s.script);
  for (auto& run : dot.runs) run.x += air;
  dot.width += 2 * air;
  double x = 0;
  bool first = true;
  for (const auto& text : {clinic.info.phone, clinic.info.email, display_url(clinic.info.website)}) {
    if (text.empty()) continue;
    auto part = set_label(text, s.footer, fonts, s.script);
    const bool fits = x + (rows.back().empty() ? 0 : dot.width) + part.width <= limit;
    if (!fits && !first) {
      if (rows.size() >= static_cast<std::size_t>(f.footer_lines)) continue;  // left to the contact section
      rows.emplace_back(), x = 0;
    }
    first = false;
    if (!rows.back().empty()) {
      rows.back().push_back({dot, x});
      x += dot.width;
    }
    rows.back().push_back({part, x});
    x += part.width;
  }
  auto note_lines = clinic.footer_note.empty() ? std::vector<SetLine>{}
                                               : wrap(clinic.footer_note, s.footer_note, s, fonts, s.content_width());
  if (rows.size() + note_lines.size() > static_cast<std::size_t>(f.footer_lines)) {
    note_lines.clear();
    out.note_left_out = true;
  }
  // Bottom-up: the last row's baseline sits a fixed distance above the page edge.
  double baseline = footer_baseline(s);
  for (std::size_t r = rows.size(); r-- > 0;) {
    for (const auto& p : rows[r]) {
      place_line(p.line, s.margin_left + p.x, baseline, page.items);
    }
    baseline -= lh;
  }
  baseline -= (note_lines.size() > 0 ? note_lines.size() - 1 : 0) * s.footer_note.line_height;
  if (!note_lines.empty()) emit(page, note_lines, s.footer_note, s.margin_left, baseline);
  const double rule_y = baseline - (note_lines.empty() ? 0 : s.footer_note.line_height) - s.footer.size * f.footer_rule_gap;
  page.items.push_back(LineItem{s.margin_left, rule_y, s.page_width - s.margin_right, rule_y, s.rule, f.rule_width, {}});
  out.edge = rule_y;
  Structure::artifact(page.items, Artifact::Pagination);
  return out;
}

void add_page_label(PageFrame& page, const Style& s, const FontSet& fonts, const std::string& label) {
  const auto line = set_label(label, s.footer, fonts, s.script);
  std::vector<Item> items;
  place_line(line, s.page_width - s.margin_right - line.width, footer_baseline(s), items);
  Structure::artifact(items, Artifact::Pagination);
  page.items.insert(page.items.end(), items.begin(), items.end());
}

void tag_logo(std::vector<Item>& items, const std::string& alt, Structure& tree) {
  for (auto& item : items)
    if (auto* image = std::get_if<ImageItem>(&item)) {
      const int figure = tree.add(tree.current(), "Figure");
      tree.at(figure).alt = alt;
      image->tag.element = figure;
    }
}

std::string logo_description(const Strings& strings, const PrintedClinic& clinic) {
  const std::string& pattern = strings.get("logo_alt");
  return pattern.empty() ? clinic.info.name : fill_template(pattern, {{"clinic", clinic.info.name}});
}

void add_furniture(PageFrame& page, const SetFurniture& furniture) {
  page.items.insert(page.items.end(), furniture.frame.items.begin(), furniture.frame.items.end());
}

}  // namespace handout
