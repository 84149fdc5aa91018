#include "style/style.h"

#include <algorithm>
#include <cmath>

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

// WCAG 2.1 relative luminance of an sRGB colour.
double relative_luminance(Color c) {
  auto channel = [](std::uint8_t v) {
    const double s = v / 255.0;
    return s <= 0.04045 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

// `c`, darkened step by step until it reaches `ratio` against every background it is set on.
Color readable(Color c, std::initializer_list<Color> backgrounds, double ratio) {
  for (int step = 0; step < 60; ++step) {
    bool ok = true;
    for (Color bg : backgrounds) ok = ok && contrast_ratio(c, bg) >= ratio;
    if (ok) break;
    c = shade(c, 0.1);
  }
  return c;
}

}  // namespace

double contrast_ratio(Color a, Color b) {
  const double la = relative_luminance(a), lb = relative_luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

InlineStyles inline_styles(const TextStyle& base, const FamilyFaces& faces, Color link_color) {
  InlineStyles out;
  out.regular = out.bold = out.italic = out.bold_italic = base;
  out.bold.font = faces.bold;
  out.italic.font = faces.italic;
  out.bold_italic.font = faces.bold_italic;
  out.link_color = link_color;
  return out;
}

InlineStyles Style::inline_styles(const TextStyle& base) const {
  const bool heading_family = base.font == heading_faces.regular || base.font == heading_faces.bold;
  InlineStyles out = handout::inline_styles(base, heading_family ? heading_faces : body_faces, link);
  out.code_fill = code_span_fill;
  return out;
}

namespace {

// Low-vision guidance (large print): emphasis in bold, never italic.
FamilyFaces without_italics(FamilyFaces f) {
  f.italic = f.bold_italic = f.bold;
  return f;
}

// Colours: brand colours as they are for fills and tints, darkened where they are text.
void set_colours(Style& s, const LayoutConfig& l, const Brand& brand) {
  s.primary = brand.primary;
  s.accent = brand.accent;
  if (l.high_contrast) {
    // Large-print guidance: black text; brand colours only where they stay dark.
    s.text = Color{0, 0, 0};
    s.muted = Color{0x26, 0x26, 0x26};
  }
  s.band_fill = tint(brand.primary, 0.07);
  s.box_fill = tint(brand.accent, 0.14);
  s.box_stroke = tint(brand.accent, 0.75);
  s.quote_fill = tint(brand.accent, 0.12);
  s.quote_bar = brand.accent;
  s.code_fill = Color{0xF1, 0xF3, 0xF4};
  s.rule = tint(brand.accent, 0.8);
  s.table.header_fill = tint(brand.accent, 0.14);
  s.table.header_rule = s.rule;
  s.table.rule = tint(brand.accent, 0.4);
  // Text reaches WCAG AA contrast (4.5:1; large print 10:1, past AAA) on every tint it may sit on:
  // a light brand colour is darkened for headings and links.
  const Color white{0xFF, 0xFF, 0xFF};
  const double ratio = l.high_contrast ? 10.0 : 4.5;
  const auto backgrounds = {white,       s.band_fill,      s.box_fill,          s.quote_fill,
                             s.code_fill, s.code_span_fill, s.table.header_fill};
  s.link = readable(brand.primary, backgrounds, ratio);
  s.text = readable(s.text, backgrounds, ratio);
  s.muted = readable(s.muted, backgrounds, ratio);
}

// Spacing follows the body size, so a large-print layout opens up in proportion.
void set_spacing(Style& s, const LayoutConfig& l) {
  const double b = l.body_size, gap = l.paragraph_gap;
  s.paragraph_gap = gap;
  s.heading_space_before = b * 1.35;
  s.heading_space_after = b * 0.35;
  s.list_indent = b * 1.6;
  s.list_item_gap = b * 0.25;
  s.list_marker_gap = b * 0.45;
  s.title_summary_gap = gap * 0.75;
  s.title_block_after = gap * 1.5;
  s.quote_space_before = gap * 1.5;
  s.quote_space_after = gap * 0.5;
  s.quote_padding = b * 0.8;
  s.quote_text_left = s.quote_bar_width + s.quote_padding * 1.3;
  s.quote_text_right = s.quote_padding;
  s.code_padding = b * 0.6;
  s.figure_space_before = gap * 1.5;
  s.table.pad_x = b * 0.5;
  s.table.pad_y = b * 0.3;
  s.table.space_before = gap * 1.25;
  s.table.stacked_gap = gap * 0.75;
  s.box_padding = b;
  s.box_text_inset = b * 1.25;
  s.box_label_after = gap * 0.5;
  s.contact_column_min = b * 16;
  s.box_space_before = gap * 2.5;
  s.resource_gap = gap * 1.25;
  s.header_band = l.header_band;
}

// A floor for every size (large print: nothing smaller than the layout allows).
void apply_min_size(Style& s, double min_size) {
  for (TextStyle* t : {&s.body, &s.body_italic, &s.code, &s.title, &s.summary, &s.meta, &s.header_name,
                       &s.header_tagline, &s.header_contact, &s.running, &s.footer, &s.footer_note, &s.box_label,
                       &s.resource_name, &s.assistance, &s.headings[0], &s.headings[1], &s.headings[2], &s.headings[3],
                       &s.headings[4], &s.headings[5]}) {
    if (t->size < min_size) {
      t->line_height *= min_size / t->size;
      t->size = min_size;
    }
  }
}

// Every text style and spacing that follows from the layout's sizes; colours and faces are set.
void set_sizes(Style& s, const LayoutConfig& l) {
  const Color ink = s.link;
  const FamilyFaces& body = s.body_faces;
  const FamilyFaces& head = s.heading_faces;
  const double b = l.body_size, lead = l.body_leading;
  // Low-vision guidance: secondary text upright rather than in bold.
  const FontId italic = l.avoid_italics ? body.regular : body.italic;
  s.body = text_style(body.regular, b, lead, s.text);
  s.body_italic = text_style(body.italic, b, lead, s.text);
  s.code = text_style(body.regular, b * 0.92, 1.35, s.text);
  s.title = text_style(head.bold, l.title_size, 1.18, ink);
  s.summary = text_style(body.regular, l.summary_size, 1.42, s.muted);
  s.meta = text_style(body.regular, std::max(9.0, b * 0.78), 1.3, s.muted);
  // Section headings (#, ##) in the brand colour; sub-headings (### and below) in the text's
  // colour, so a long article's hierarchy shows at a glance and not only by a size step.
  for (int i = 0; i < 6; ++i) s.headings[i] = text_style(head.bold, l.heading_sizes[i], 1.25, i < 2 ? ink : s.text);
  s.header_name = text_style(head.bold, std::clamp(l.title_size * 0.75, 15.0, 24.0), 1.15, ink);
  s.header_tagline = text_style(italic, std::max(9.5, b * 0.85), 1.3, s.muted);
  s.header_contact = text_style(body.regular, std::max(8.5, b * 0.72), 1.35, s.muted);
  s.running = text_style(body.regular, std::max(8.5, b * 0.72), 1.2, s.muted);
  s.footer = text_style(body.regular, l.footer_size, 1.3, s.muted);
  s.footer_note = text_style(italic, l.footer_size, 1.3, s.muted);
  s.box_label = text_style(head.bold, l.heading_sizes[1], 1.25, ink);
  s.resource_name = text_style(body.bold, b, lead, ink);
  s.assistance = text_style(body.regular, std::max(9.0, b * 0.82), 1.35, s.text);

  set_spacing(s, l);
  apply_min_size(s, l.min_text_size);
  s.min_text_size = l.min_text_size;
  s.list_marker = s.body;
  s.list_marker.color = ink;
  s.caption = s.notice = s.meta;
  s.caption.font = s.notice.font = s.footer_note.font;  // italic (upright in large print)
}

}  // namespace

Style make_style(const LayoutConfig& l, const Brand& brand, const FamilyFaces& body_family,
                 const FamilyFaces& heading_family, const Script& script) {
  Style s;
  s.script = script;
  s.page_width = l.page_width, s.page_height = l.page_height;
  s.margin_top = l.margin_top, s.margin_bottom = l.margin_bottom;
  s.margin_left = l.margin_left, s.margin_right = l.margin_right;
  set_colours(s, l, brand);
  s.body_faces = l.avoid_italics ? without_italics(body_family) : body_family;
  s.heading_faces = l.avoid_italics ? without_italics(heading_family) : heading_family;
  set_sizes(s, l);
  s.min_lines = l.min_lines;
  s.justify = l.justify;
  s.qr.resources = l.qr_resources;
  s.qr.online = l.qr_online;
  s.hyphenate = l.hyphenate;
  s.total_fit = l.total_fit;
  s.columns = l.columns;
  s.column_gap = l.column_gap;
  return s;
}

std::vector<double> body_sizes(const LayoutConfig& l) {
  std::vector<double> sizes{l.body_size};
  const double floor = l.min_body_size > 0 ? l.min_body_size : l.body_size;
  for (double b = l.body_size - kBodySizeStep; b >= floor - 1e-9; b -= kBodySizeStep) sizes.push_back(b);
  return sizes;
}

Style with_body_size(const Style& base, const LayoutConfig& l, double body_size) {
  LayoutConfig scaled = l;
  const double k = body_size / l.body_size;
  scaled.body_size = body_size;
  for (auto& h : scaled.heading_sizes) h *= k;
  scaled.paragraph_gap *= k;
  Style s = base;
  set_sizes(s, scaled);
  return s;
}

}  // namespace handout
