#include "style/style.h"

#include <algorithm>

namespace handout {

Color tint(Color c, double amount) {
  auto mix = [&](std::uint8_t v) { return static_cast<std::uint8_t>(255 - (255 - v) * amount + 0.5); };
  return {mix(c.r), mix(c.g), mix(c.b)};
}

Color shade(Color c, double amount) {
  auto mix = [&](std::uint8_t v) { return static_cast<std::uint8_t>(v * (1 - amount) + 0.5); };
  return {mix(c.r), mix(c.g), mix(c.b)};
}

namespace {

TextStyle text_style(FontId font, double size, double leading, Color color) {
  return {font, size, size * leading, color};
}

// Relative luminance, to keep brand colours used as text readable on white.
double luminance(Color c) { return (0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b) / 255.0; }

}  // namespace

Style make_style(const LayoutConfig& l, const Brand& brand, const FamilyFaces& body,
                 const FamilyFaces& head) {
  Style s;
  s.page_width = l.page_width, s.page_height = l.page_height;
  s.margin_top = l.margin_top, s.margin_bottom = l.margin_bottom;
  s.margin_left = l.margin_left, s.margin_right = l.margin_right;
  s.primary = brand.primary;
  s.accent = brand.accent;
  // A light brand colour would be hard to read as text: darken it for headings and links.
  if (l.high_contrast) {
    // Large-print guidance: black text; brand colours only where they stay dark.
    s.text = Color{0, 0, 0};
    s.muted = Color{0x26, 0x26, 0x26};
  }
  const double max_luminance = l.high_contrast ? 0.2 : 0.45;
  Color ink = brand.primary;
  while (luminance(ink) > max_luminance) ink = shade(ink, 0.2);
  s.link = ink;
  s.band_fill = tint(brand.primary, 0.07);
  s.box_fill = tint(brand.accent, 0.14);
  s.box_stroke = tint(brand.accent, 0.75);
  s.quote_fill = tint(brand.accent, 0.12);
  s.quote_bar = brand.accent;
  s.code_fill = Color{0xF1, 0xF3, 0xF4};
  s.rule = tint(brand.accent, 0.8);

  const double b = l.body_size, lead = l.body_leading;
  // Low-vision guidance: no italics; secondary text upright.
  const FontId italic = l.avoid_italics ? body.regular : body.italic;
  s.body = text_style(body.regular, b, lead, s.text);
  s.body_italic = text_style(l.avoid_italics ? body.bold : body.italic, b, lead, s.text);
  s.title = text_style(head.bold, l.title_size, 1.18, ink);
  s.summary = text_style(body.regular, l.summary_size, 1.42, s.muted);
  s.meta = text_style(body.regular, std::max(9.0, b * 0.78), 1.3, s.muted);
  for (int i = 0; i < 6; ++i) s.headings[i] = text_style(head.bold, l.heading_sizes[i], 1.25, ink);
  s.header_name = text_style(head.bold, std::clamp(l.title_size * 0.75, 15.0, 24.0), 1.15, ink);
  s.header_tagline = text_style(italic, std::max(9.5, b * 0.85), 1.3, s.muted);
  s.header_contact = text_style(body.regular, std::max(8.5, b * 0.72), 1.35, s.muted);
  s.running = text_style(body.regular, std::max(8.5, b * 0.72), 1.2, s.muted);
  s.footer = text_style(body.regular, l.footer_size, 1.3, s.muted);
  s.footer_note = text_style(italic, l.footer_size, 1.3, s.muted);
  s.box_label = text_style(head.bold, l.heading_sizes[1], 1.25, ink);
  s.resource_name = text_style(body.bold, b, lead, ink);

  s.paragraph_gap = l.paragraph_gap;
  s.heading_space_before = b * 1.35;
  s.heading_space_after = b * 0.35;
  s.list_indent = b * 1.6;
  s.list_item_gap = b * 0.25;
  s.box_padding = b;
  s.header_band = l.header_band;
  s.footer_height = l.footer_size * 4.2;
  s.min_lines = l.min_lines;
  s.justify = l.justify;
  s.hyphenate = l.hyphenate;
  s.total_fit = l.total_fit;
  s.columns = l.columns;
  s.column_gap = l.column_gap;
  // A floor for every size (large print: nothing smaller than the layout allows).
  for (TextStyle* t : {&s.body, &s.body_italic, &s.title, &s.summary, &s.meta,
                       &s.header_name, &s.header_tagline, &s.header_contact, &s.running, &s.footer, &s.footer_note,
                       &s.box_label, &s.resource_name, &s.headings[0], &s.headings[1], &s.headings[2],
                       &s.headings[3], &s.headings[4], &s.headings[5]}) {
    if (t->size < l.min_text_size) {
      t->line_height *= l.min_text_size / t->size;
      t->size = l.min_text_size;
    }
  }
  return s;
}

}  // namespace handout
