#include "layout/page_furniture.h"

#include <algorithm>

#include "layout/inline_text.h"
#include "util/text.h"
#include "util/utf8.h"

namespace handout {
namespace {

void add_link_over(PageFrame& page, const TextItem& t, const FontSet& fonts, const std::string& uri) {
  const auto& face = fonts.face(t.font);
  page.items.push_back(LinkItem{t.x, t.baseline - face.ascender() * t.size * 0.92, t.width,
                                (face.ascender() * 0.92 + face.descender()) * t.size, uri});
}

// Wraps plain text in one style to `width`; the lines' runs are relative to x = 0, baseline 0.
std::vector<SetLine> wrap(const std::string& text, const TextStyle& st, const FamilyFaces& faces, const FontSet& fonts,
                          double width) {
  Span span;
  span.text = text;
  InlineStyles styles = inline_styles(st, faces, st.color);
  styles.regular.font = st.font;
  Diagnostics ignored;  // characters are checked where the same text is set in the body
  return set_paragraph({span}, styles, width, fonts, "", {}, ignored);
}

// Emits wrapped lines with their first baseline at `baseline`; returns the next baseline.
double emit(PageFrame& page, const std::vector<SetLine>& lines, const TextStyle& st, double x, double baseline) {
  for (const auto& line : lines) {
    for (auto run : line.runs) {
      run.x += x, run.baseline = baseline;
      page.items.push_back(run);
    }
    baseline += st.line_height;
  }
  return baseline;
}

}  // namespace

std::string fit_text(const std::string& text, const TextStyle& style, const FontSet& fonts, double width) {
  const auto& face = fonts.face(style.font);
  if (face.text_width(text, style.size) <= width) return text;
  std::u32string chars = utf8_decode(text);
  const std::string ellipsis = "\u2026";
  while (!chars.empty()) {
    chars.pop_back();
    while (!chars.empty() && chars.back() == U' ') chars.pop_back();
    auto candidate = utf8_encode(chars) + ellipsis;
    if (face.text_width(candidate, style.size) <= width) return candidate;
  }
  return ellipsis;
}

double add_header_band(PageFrame& page, const Style& s, const FontSet& fonts, const FamilyFaces& faces,
                       const ClinicInfo& clinic, const std::optional<ImageInfo>& logo) {
  // Right-hand column: phone and website, for a patient who wants to call.
  std::vector<TextItem> right;
  double right_w = 0;
  for (const auto& line : {clinic.phone, display_url(clinic.website)}) {
    if (line.empty()) continue;
    right.push_back(set_text(line, s.header_contact, fonts, 0, 0));
    right_w = std::max(right_w, right.back().width);
  }
  double logo_w = 0, logo_h = 0;
  if (logo && !clinic.logo_path.empty()) {
    logo_h = s.header_band - 30;
    logo_w = std::min(logo_h * logo->width / logo->height, std::min(150.0, s.content_width() * 0.3));
    logo_h = logo_w * logo->height / logo->width;
  }
  const double x = s.margin_left + (logo_w > 0 ? logo_w + 14 : 0);
  const double name_w = s.page_width - s.margin_right - x - right_w - 16;
  const auto name = wrap(clinic.name, s.header_name, faces, fonts, name_w);
  const auto tagline = clinic.tagline.empty() ? std::vector<SetLine>{}
                                              : wrap(clinic.tagline, s.header_tagline, faces, fonts, name_w);
  const double block = name.size() * s.header_name.line_height + tagline.size() * s.header_tagline.line_height;
  const double band = std::max({s.header_band, block + 28, logo_h + 30});

  page.items.push_back(RectItem{0, 0, s.page_width, band, s.band_fill, {}, 0, 0});
  page.items.push_back(LineItem{0, band, s.page_width, band, s.primary, 2.5});
  if (logo_w > 0) page.items.push_back(ImageItem{s.margin_left, (band - logo_h) / 2, logo_w, logo_h, clinic.logo_path});
  const double lh = s.header_contact.line_height;
  double ry = band / 2 - right.size() * lh / 2 + lh / 2 + s.header_contact.size * 0.35;
  for (auto& t : right) {
    t.baseline = ry, ry += lh;
    t.x = s.page_width - s.margin_right - t.width;
    page.items.push_back(t);
    if (t.text == display_url(clinic.website)) add_link_over(page, t, fonts, web_uri(clinic.website));
  }
  // Name and tagline, centred vertically in the band.
  double y = (band - block) / 2 + s.header_name.size * 0.95;
  y = emit(page, name, s.header_name, x, y);
  emit(page, tagline, s.header_tagline, x, y - s.header_name.line_height + s.header_name.size * 0.3 +
                                                s.header_tagline.line_height);
  return band;
}

void add_running_header(PageFrame& page, const Style& s, const FontSet& fonts, const ClinicInfo& clinic,
                        const std::string& title) {
  const double baseline = s.margin_top - 16;
  TextStyle name_style = s.running;
  name_style.color = s.link;
  auto name = set_text(clinic.name, name_style, fonts, s.margin_left, baseline);
  page.items.push_back(name);
  const double room = s.content_width() - name.width - 24;
  auto t = set_text(fit_text(title, s.running, fonts, room), s.running, fonts, 0, baseline);
  t.x = s.page_width - s.margin_right - t.width;
  page.items.push_back(t);
  page.items.push_back(LineItem{s.margin_left, s.margin_top - 8, s.page_width - s.margin_right, s.margin_top - 8, s.rule, 0.6});
}

double add_footer(PageFrame& page, const Style& s, const FontSet& fonts, const FamilyFaces& faces,
                  const ClinicInfo& clinic, const std::string& note, const std::string& page_label) {
  const double lh = s.footer.line_height;
  auto label = set_text(page_label, s.footer, fonts, 0, 0);
  label.x = s.page_width - s.margin_right - label.width;
  // The contact line: phone · email · website, wrapped between parts when it does not fit
  // beside the page label.
  struct Part {
    std::string text, uri;
  };
  std::vector<std::vector<TextItem>> rows(1);
  std::vector<std::vector<std::string>> uris(1);
  const double limit = label.x - 12 - s.margin_left;
  double x = 0;
  const std::string dot = "  \u00B7  ";
  const double dot_w = fonts.face(s.footer.font).text_width(dot, s.footer.size);
  for (const auto& part : {Part{clinic.phone, ""}, Part{clinic.email, "mailto:" + clinic.email},
                           Part{display_url(clinic.website), web_uri(clinic.website)}}) {
    if (part.text.empty()) continue;
    auto t = set_text(part.text, s.footer, fonts, 0, 0);
    if (!rows.back().empty() && x + dot_w + t.width > limit) rows.emplace_back(), uris.emplace_back(), x = 0;
    if (!rows.back().empty()) {
      rows.back().push_back(set_text(dot, s.footer, fonts, x, 0));
      uris.back().push_back("");
      x += dot_w;
    }
    t.x = x;
    x += t.width;
    rows.back().push_back(t);
    uris.back().push_back(part.uri);
  }
  const auto note_lines = note.empty() ? std::vector<SetLine>{} : wrap(note, s.footer_note, faces, fonts, s.content_width());
  // Bottom-up: the last row's baseline sits a fixed distance above the page edge.
  double baseline = s.page_height - std::max(22.0, s.margin_bottom * 0.4);
  for (std::size_t r = rows.size(); r-- > 0;) {
    for (std::size_t k = 0; k < rows[r].size(); ++k) {
      auto t = rows[r][k];
      t.x += s.margin_left, t.baseline = baseline;
      if (!uris[r][k].empty()) add_link_over(page, t, fonts, uris[r][k]);
      page.items.push_back(t);
    }
    if (r + 1 == rows.size()) label.baseline = baseline;
    baseline -= lh;
  }
  page.items.push_back(label);
  baseline -= (note_lines.size() > 0 ? note_lines.size() - 1 : 0) * s.footer_note.line_height;
  if (!note_lines.empty()) emit(page, note_lines, s.footer_note, s.margin_left, baseline);
  const double rule_y = baseline - (note_lines.empty() ? 0 : s.footer_note.line_height) - s.footer.size * 0.5;
  page.items.push_back(LineItem{s.margin_left, rule_y, s.page_width - s.margin_right, rule_y, s.rule, 0.6});
  return rule_y;
}

}  // namespace handout
