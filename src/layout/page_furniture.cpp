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

void add_header_band(PageFrame& page, const Style& s, const FontSet& fonts, const FamilyFaces& faces,
                     const ClinicInfo& clinic, const std::optional<ImageInfo>& logo) {
  const double band = s.header_band;
  page.items.push_back(RectItem{0, 0, s.page_width, band, s.band_fill, {}, 0, 0});
  page.items.push_back(LineItem{0, band, s.page_width, band, s.primary, 2.5});
  double x = s.margin_left;
  if (logo && !clinic.logo_path.empty()) {
    const double max_h = band - 30, max_w = std::min(150.0, s.content_width() * 0.3);
    double h = max_h, w = h * logo->width / logo->height;
    if (w > max_w) w = max_w, h = w * logo->height / logo->width;
    page.items.push_back(ImageItem{x, (band - h) / 2, w, h, clinic.logo_path});
    x += w + 14;
  }
  // Right-hand column: phone and website, for a patient who wants to call.
  double right_w = 0;
  std::vector<TextItem> right;
  for (const auto& line : {clinic.phone, display_url(clinic.website)}) {
    if (line.empty()) continue;
    right.push_back(set_text(line, s.header_contact, fonts, 0, 0));
    right_w = std::max(right_w, right.back().width);
  }
  // Centre the lines in the band: baselines sit a third of the size below each line's middle.
  const double lh = s.header_contact.line_height;
  double ry = band / 2 - right.size() * lh / 2 + lh / 2 + s.header_contact.size * 0.35;
  for (auto& t : right) t.baseline = ry, ry += lh;
  for (auto& t : right) {
    t.x = s.page_width - s.margin_right - t.width;
    page.items.push_back(t);
    if (t.text == display_url(clinic.website)) add_link_over(page, t, fonts, web_uri(clinic.website));
  }
  // Name and tagline, centred vertically in the band.
  const double name_w = s.page_width - s.margin_right - x - right_w - 16;
  InlineStyles name_styles = inline_styles(s.header_name, faces, s.link);
  name_styles.regular.font = s.header_name.font;
  Diagnostics ignored;  // characters were already checked when the body was set
  Span name;
  name.text = clinic.name;
  auto name_lines = set_paragraph({name}, name_styles, name_w, fonts, "", {}, ignored);
  std::string tagline = clinic.tagline.empty() ? "" : fit_text(clinic.tagline, s.header_tagline, fonts, name_w);
  const double block = name_lines.size() * s.header_name.line_height +
                       (tagline.empty() ? 0 : s.header_tagline.line_height);
  double y = (band - block) / 2;
  for (const auto& line : name_lines) {
    for (auto run : line.runs) {
      run.x += x;
      run.baseline = y + s.header_name.size * 0.95;
      page.items.push_back(run);
    }
    y += s.header_name.line_height;
  }
  if (!tagline.empty()) page.items.push_back(set_text(tagline, s.header_tagline, fonts, x, y + s.header_tagline.size * 1.05));
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

void add_footer(PageFrame& page, const Style& s, const FontSet& fonts, const ClinicInfo& clinic,
                const std::string& note, const std::string& page_label) {
  const double rule_y = s.page_height - s.margin_bottom + 14;
  page.items.push_back(LineItem{s.margin_left, rule_y, s.page_width - s.margin_right, rule_y, s.rule, 0.6});
  double baseline = rule_y + s.footer.line_height + 1;
  if (!note.empty()) {
    page.items.push_back(set_text(fit_text(note, s.footer_note, fonts, s.content_width()), s.footer_note, fonts,
                                  s.margin_left, baseline));
    baseline += s.footer.line_height;
  }
  auto label = set_text(page_label, s.footer, fonts, 0, baseline);
  label.x = s.page_width - s.margin_right - label.width;
  // The contact line: phone · email · website, each part clickable where it can be.
  double x = s.margin_left;
  const std::string dot = "  \u00B7  ";
  bool first = true;
  struct Part {
    std::string text, uri;
  };
  for (const auto& part : {Part{clinic.phone, ""}, Part{clinic.email, "mailto:" + clinic.email},
                           Part{display_url(clinic.website), web_uri(clinic.website)}}) {
    if (part.text.empty()) continue;
    if (!first) {
      auto sep = set_text(dot, s.footer, fonts, x, baseline);
      x += sep.width;
      page.items.push_back(sep);
    }
    first = false;
    auto t = set_text(part.text, s.footer, fonts, x, baseline);
    if (x + t.width > label.x - 12) break;  // never run into the page label
    if (!part.uri.empty()) add_link_over(page, t, fonts, part.uri);
    x += t.width;
    page.items.push_back(t);
  }
  page.items.push_back(label);
}

}  // namespace handout
