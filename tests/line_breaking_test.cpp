// Line breaking: first-fit on known widths, and set paragraphs never overflow their column.
#include <doctest/doctest.h>

#include "layout/flat_text.h"
#include "layout/inline_text.h"
#include "layout/line_breaker.h"
#include "text/line_breaks.h"
#include "util/utf8.h"
#include "test_support.h"

using namespace handout;

namespace {

std::vector<SetLine> set(const std::string& text, double width, Diagnostics& d) {
  const auto& f = test::fonts();
  TextStyle st{f.body.regular, 12, 18, Color{}};
  Span s;
  s.text = text;
  return set_paragraph({s}, inline_styles(st, f.body, Color{}), width, *f.set, "en", {"t.md", 1}, d);
}

std::string line_text(const SetLine& l) {
  std::string out;
  for (const auto& r : l.runs) out += r.text;
  return out;
}

}  // namespace

TEST_CASE("first-fit fills each line as far as it can") {
  // Words of width 30 with spaces of 5: three fit in 100 (30+5+30+5+30 = 100), a fourth does not.
  std::vector<BreakItem> items(7, BreakItem{30, 5, BreakKind::Space, 0});
  CHECK(break_first_fit(items, 100) == std::vector<std::size_t>{3, 6, 7});
  CHECK(break_first_fit(items, 99) == std::vector<std::size_t>{2, 4, 6, 7});
  items[0].after = BreakKind::Forced;
  CHECK(break_first_fit(items, 100) == std::vector<std::size_t>{1, 4, 7});
  items[0].after = BreakKind::None;  // items 0 and 1 cannot be separated
  CHECK(break_first_fit(items, 100) == std::vector<std::size_t>{3, 6, 7});
  CHECK(break_first_fit(items, 65) == std::vector<std::size_t>{2, 4, 6, 7});
  CHECK(break_first_fit({}, 100).empty());
}

TEST_CASE("a paragraph breaks at spaces and each line fits its column") {
  Diagnostics d;
  const std::string text =
      "Vaginismus happens when the muscles of the pelvic floor tighten involuntarily in response to "
      "attempted penetration. This can make sex, tampon use, pelvic exams, or even the idea of penetration "
      "feel painful, difficult, or sometimes impossible.";
  for (double width : {120.0, 200.0, 333.0, 480.0}) {
    auto lines = set(text, width, d);
    std::string joined;
    for (const auto& l : lines) {
      CHECK(l.width <= width + 1e-6);
      joined += (joined.empty() ? "" : " ") + line_text(l);
    }
    CHECK(joined == text);  // nothing lost, nothing doubled
  }
  CHECK(d.items().empty());
}

TEST_CASE("an unbreakable URL is split, after a slash when it can be") {
  Diagnostics d;
  auto lines = set("See https://www.example.org/patients/resources/pelvic-floor-physical-therapy-directory today", 150, d);
  REQUIRE(lines.size() >= 3);
  for (const auto& l : lines) CHECK(l.width <= 150 + 1e-6);
  bool cut_after_punctuation = false;
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
    auto t = line_text(lines[i]);
    if (t.back() == '/' || t.back() == '-' || t.back() == '.') cut_after_punctuation = true;
  }
  CHECK(cut_after_punctuation);
  // A word wider than a very narrow column still never overflows.
  for (const auto& l : set("Supercalifragilisticexpialidocious", 40, d)) CHECK(l.width <= 40 + 1e-6);
}

TEST_CASE("hard breaks end a line") {
  const auto& f = test::fonts();
  TextStyle st{f.body.regular, 12, 18, Color{}};
  Span a, br, b;
  a.text = "first";
  br.hard_break = true;
  b.text = "second";
  Diagnostics d;
  auto lines = set_paragraph({a, br, b}, inline_styles(st, f.body, Color{}), 400, *f.set, "en", {}, d);
  REQUIRE(lines.size() == 2);
  CHECK(line_text(lines[0]) == "first");
  CHECK(line_text(lines[1]) == "second");
}

TEST_CASE("styled spans become separate runs; links get clickable areas") {
  const auto& f = test::fonts();
  TextStyle st{f.body.regular, 12, 18, Color{}};
  Span a, b, c;
  a.text = "Call ";
  b.text = "us";
  b.strong = true;
  c.text = " at clinic.example";
  c.link = "https://clinic.example";
  Diagnostics d;
  auto lines = set_paragraph({a, b, c}, inline_styles(st, f.body, Color{1, 2, 3}), 400, *f.set, "en", {}, d);
  REQUIRE(lines.size() == 1);
  REQUIRE(lines[0].runs.size() == 3);
  CHECK(lines[0].runs[1].font == f.body.bold);
  CHECK(lines[0].runs[2].color == Color{1, 2, 3});
  REQUIRE(lines[0].links.size() == 1);
  CHECK(lines[0].links[0].uri == "https://clinic.example");
  CHECK(lines[0].links[0].x == doctest::Approx(lines[0].runs[2].x));
}

TEST_CASE("a character no font covers is reported with its code point") {
  Diagnostics d;
  set("Chinese \u4E2D text", 300, d);
  REQUIRE(d.items().size() == 1);
  CHECK(format_diagnostic(d.items()[0]) == "t.md:1: warning: no font covers character U+4E2D '\u4E2D'");
}

TEST_CASE("a paragraph that fits whole on its line is one piece, its break opportunities not looked up") {
  const auto& f = test::fonts();
  TextStyle st{f.body.regular, 12, 18, Color{}};
  const InlineStyles styles = inline_styles(st, f.body, Color{});
  Diagnostics d;
  Span s;
  s.text = "Call us today";
  using namespace paragraph;
  const FlatText flat = flatten({s}, styles, *f.set, false, "en", {}, d);
  CHECK(find_pieces(flat, "en").size() == 3);       // a break opportunity after each space
  CHECK(find_pieces(flat, "en", 400).size() == 1);  // it fits: the whole text
  CHECK(find_pieces(flat, "en", 40).size() == 3);   // it does not
  s.text = "Call us\u2028today";  // a line separator always breaks: its opportunities are looked up
  const FlatText separated = flatten({s}, styles, *f.set, false, "en", {}, d);
  CHECK(find_pieces(separated, "en", 400).size() == 3);
  CHECK(find_pieces(separated, "en", 400)[1].after == BreakKind::Forced);
}

TEST_CASE("no line ends inside a number, time, range or phone number") {
  auto breaks_in = [](const std::u32string& text, const std::string& lang) {  // "|" where a line may end
    const auto b = line_breaks(text, lang);
    std::u32string out;
    for (std::size_t i = 0; i < text.size(); ++i)
      out += text[i], out += b[i] == BreakAfter::Allowed && i + 1 < text.size() ? U"|" : U"";
    return utf8_encode(out);
  };
  // Without the rule, UAX #14 allows a break after the dash: "8:00–" / "18:00;".
  CHECK(breaks_in(U"Monday 8:00\u201318:00; Friday 8:00\u201314:00", "en") ==
        "Monday |8:00\u201318:00; |Friday |8:00\u201314:00");
  CHECK(breaks_in(U"call 555-0142 or 503/555-0100", "en") == "call |555-0142 |or |503/555-0100");
  CHECK(breaks_in(U"\u0645\u0646 8:00\u201318:00\u061B", "ar") == "\u0645\u0646 |8:00\u201318:00\u061B");
  // Words with dashes still break after them.
  CHECK(breaks_in(U"long-term pain", "en") == "long-|term |pain");
  // An address breaks only after its slashes, never at a hyphen inside it; the Chinese around
  // an address still breaks where it did.
  CHECK(breaks_in(U"see example.org/handouts/zh-Hans/a.pdf now", "en") ==
        "see |example.org/|handouts/|zh-Hans/|a.pdf |now");
  CHECK(breaks_in(U"\u8BF7\u770Bexample.org/zh-Hans\u3002", "zh-Hans").find("example.org/|zh-Hans") != std::string::npos);
}
