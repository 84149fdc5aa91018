// WCAG 2.1 AA contrast of every text colour against what it is drawn on, read from the laid-out
// pages (not from the style): each text run's background is the last filled rectangle painted
// under it, or the white page. 4.5:1, or 3:1 for large text (18 pt, or 14 pt bold).
#include <doctest/doctest.h>

#include <cmath>
#include <fstream>
#include <sstream>

#include "test_support.h"

namespace handout {
namespace {

// WCAG 2.1 relative luminance of an sRGB colour.
double relative_luminance(Color c) {
  auto channel = [](std::uint8_t v) {
    const double s = v / 255.0;
    return s <= 0.04045 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

double contrast(Color a, Color b) {
  const double la = relative_luminance(a), lb = relative_luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

// The colour painted under a point before item `index`: the last filled rectangle there.
Color background(const PageFrame& page, std::size_t index, double x, double y) {
  Color under{0xFF, 0xFF, 0xFF};
  for (std::size_t i = 0; i < index; ++i)
    if (const auto* r = std::get_if<RectItem>(&page.items[i]); r && r->fill)
      if (x >= r->x && x <= r->x + r->w && y >= r->y && y <= r->y + r->h) under = *r->fill;
  return under;
}

std::string hex(Color c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%02X%02X%02X", c.r, c.g, c.b);
  return buf;
}

// Every text run below its contrast threshold, as "text: #fg on #bg = ratio".
std::vector<std::string> low_contrast(const PagedDocument& doc) {
  std::vector<std::string> out;
  const FontSet& fonts = *test::fonts().set;
  for (const auto& page : doc.pages)
    for (std::size_t i = 0; i < page.items.size(); ++i) {
      const auto* t = std::get_if<TextItem>(&page.items[i]);
      if (!t || t->glyphs.empty()) continue;
      const bool bold = fonts.face(t->font).path().find("Bold") != std::string::npos;
      const bool large = t->size >= 18 || (bold && t->size >= 14);
      const Color bg = background(page, i, t->x + t->width / 2, t->baseline - t->size * 0.3);
      const double ratio = contrast(t->color, bg);
      if (ratio < (large ? 3.0 : 4.5))
        out.push_back(t->text + ": " + hex(t->color) + " on " + hex(bg) + " = " + std::to_string(ratio));
    }
  return out;
}

TEST_CASE("the contrast oracle knows WCAG's figures") {
  CHECK(contrast(Color{0, 0, 0}, Color{0xFF, 0xFF, 0xFF}) == doctest::Approx(21.0));
  CHECK(contrast(Color{0x77, 0x77, 0x77}, Color{0xFF, 0xFF, 0xFF}) == doctest::Approx(4.48).epsilon(0.01));
}

TEST_CASE("every text colour reaches WCAG AA on its background, in every layout and for any brand") {
  std::ifstream in(test::source_dir() + "/tests/golden/constructs.md");
  std::stringstream md;
  md << in.rdbuf();
  // The shipped teal, and brand colours a clinic might pick that are hard to read as text.
  const std::pair<Color, Color> brands[] = {{{0x2F, 0x6B, 0x6F}, {0x8F, 0xB8, 0xA8}},
                                            {{0xF2, 0xC9, 0x4C}, {0xFF, 0xE0, 0x82}},
                                            {{0xE5, 0x39, 0x35}, {0xFF, 0x8A, 0x80}},
                                            {{0x88, 0x88, 0x88}, {0xBB, 0xBB, 0xBB}},
                                            {{0xFF, 0xFF, 0xFF}, {0xFF, 0xFF, 0xFF}},
                                            {{0x1A, 0x23, 0x7E}, {0x30, 0x3F, 0x9F}}};
  for (const char* name : {"letter", "a4", "large-print", "two-column", "trifold"}) {
    for (const auto& brand : brands) {
      const Color primary = brand.first, accent = brand.second;  // (clang 14: no bindings in INFO's lambda)
      test::Fixture f;
      Diagnostics d;
      REQUIRE(load_layout({test::source_dir()}, name, {}, f.layout, d));
      f.config.brand.primary = primary;
      f.config.brand.accent = accent;
      f.resources = {Resource{"A group", "What it offers", "https://group.example", "https://group.example", "555-0100", {}}};
      f.intro = "Some trusted resources include:";
      const auto doc = f.lay_out(md.str(), d);
      const auto low = low_contrast(doc);
      INFO(std::string(name), " with primary ", hex(primary), ": ", low.empty() ? "" : low.front());
      CHECK(low.empty());
    }
  }
}

}  // namespace
}  // namespace handout
