// Paragraph quality: total fit against first fit, hyphenation per language and its limits.
#include <doctest/doctest.h>

#include "text/hyphenation.h"
#include "layout/inline_text.h"
#include "layout/line_breaker.h"
#include "test_support.h"
#include "util/text.h"
#include "util/utf8.h"

using namespace handout;

namespace {

std::string hyphenated(const Hyphenator& h, const std::string& word) {
  const auto w = utf8_decode(word);
  std::string out;
  std::size_t prev = 0;
  for (auto p : h.points(w)) out += utf8_encode(w.substr(prev, p - prev)) + "-", prev = p;
  return out + utf8_encode(w.substr(prev));
}

// The article's body paragraphs as plain text.
std::vector<std::string> article_paragraphs() {
  std::string text;
  REQUIRE(read_file(test::source_dir() + "/content/en/vaginismus.md", text));
  Diagnostics d;
  auto doc = parse_markdown(split_front_matter(text).body, "v.md", d);
  std::vector<std::string> out;
  for (const auto& b : doc.blocks)
    if (b.kind == BlockKind::Paragraph) out.push_back(plain_text(b.spans));
  return out;
}

std::vector<SetLine> set(const std::string& text, double width, const ParagraphOptions& o) {
  const auto& f = test::fonts();
  TextStyle st{f.body.regular, 12, 17, Color{}};
  Span s;
  s.text = text;
  Diagnostics d;
  return set_paragraph({s}, inline_styles(st, f.body, Color{}), width, *f.set, "en", {}, d, o);
}

}  // namespace

TEST_CASE("hyphenation follows each language's patterns") {
  struct Case {
    const char* lang;
    const char* word;
    const char* expected;
  };
  for (const Case& c : {Case{"en", "vestibulodynia", "vestibu-lo-dy-nia"}, Case{"en", "involuntarily", "in-vol-un-tar-ily"},
                        Case{"en-US", "perfectionism", "per-fec-tion-ism"}, Case{"es", "penetración", "pe-ne-tra-ción"},
                        Case{"fr", "pénétration", "pé-né-tra-tion"}, Case{"de", "Beckenbodentherapie", "Be-cken-bo-den-the-ra-pie"},
                        Case{"pt-BR", "penetração", "pe-ne-tra-ção"}, Case{"ru", "проникновение", "проник-нове-ние"}}) {
    CAPTURE(c.lang);
    auto h = Hyphenator::for_language(c.lang);
    REQUIRE(h);
    CHECK(hyphenated(*h, c.word) == c.expected);
    CHECK(hyphenated(*h, c.word) == c.expected);  // the 8-bit converter is kept and reused
  }
}

TEST_CASE("hyphenation never splits short words, numbers, addresses or phone numbers") {
  auto h = Hyphenator::for_language("en");
  REQUIRE(h);
  for (const char* word : {"pelvic", "pain", "12345678", "555-0142", "care@clinic.example", "www.isswsh.org",
                           "https://nva.org", "COVID19vaccine"})
    CHECK(h->points(utf8_decode(word)).empty());
  CHECK_FALSE(h->points(utf8_decode("muscles")).empty());  // seven letters: may be split
}

TEST_CASE("languages without patterns are not hyphenated") {
  CHECK(Hyphenator::for_language("zh-Hans") == nullptr);
  CHECK(Hyphenator::for_language("xx") == nullptr);
  CHECK(Hyphenator::for_language("") == nullptr);
}

TEST_CASE("total fit sets fewer very loose justified lines than first fit") {
  // "Very loose": word spaces stretched past 1.5 times their width (TeX's very loose class).
  auto h = Hyphenator::for_language("en");
  ParagraphOptions first, total, total_hyphenated;
  first.justify = total.justify = total_hyphenated.justify = true;
  first.total_fit = false;
  total_hyphenated.hyphenator = h.get();
  int first_loose = 0, total_loose = 0, hyphenated_loose = 0, lines = 0;
  auto loose = [](const SetLine& l) { return l.space_ratio > 1.5 || l.loose; };
  for (const auto& p : article_paragraphs()) {
    for (double width : {260.0, 330.0, 420.0}) {
      for (const auto& l : set(p, width, first)) first_loose += loose(l);
      for (const auto& l : set(p, width, total_hyphenated)) hyphenated_loose += loose(l);
      for (const auto& l : set(p, width, total)) {
        total_loose += loose(l);
        ++lines;
        CHECK(l.width <= width + 1e-6);
      }
    }
  }
  MESSAGE("very loose lines of " << lines << ": first fit " << first_loose << ", total fit " << total_loose
                                 << ", total fit with hyphenation " << hyphenated_loose);
  CHECK(total_loose < first_loose * 0.8);
  CHECK(hyphenated_loose < total_loose * 0.7);
}

TEST_CASE("justified lines fill the column; the last line and lines before hard breaks do not stretch") {
  ParagraphOptions o;
  o.justify = true;
  auto lines = set(article_paragraphs()[2], 300, o);
  REQUIRE(lines.size() >= 3);
  for (std::size_t i = 0; i + 1 < lines.size(); ++i)
    if (!lines[i].loose) CHECK(lines[i].width == doctest::Approx(300).epsilon(0.001));
  CHECK(lines.back().width < 300);
  CHECK(lines.back().space_ratio == 1);
  for (const auto& l : lines) CHECK(l.space_ratio <= kMaxSpaceRatio + 1e-9);
}

TEST_CASE("at most two hyphenated lines in a row, and hyphens only where patterns allow") {
  auto h = Hyphenator::for_language("en");
  ParagraphOptions o;
  o.justify = true;
  o.hyphenator = h.get();
  int hyphens = 0;
  for (const auto& p : article_paragraphs()) {
    for (double width : {150.0, 200.0, 250.0}) {
      int run = 0;
      for (const auto& l : set(p, width, o)) {
        run = l.hyphenated ? run + 1 : 0;
        hyphens += l.hyphenated;
        CHECK(run <= 2);
        if (l.hyphenated) {
          REQUIRE(!l.runs.empty());
          CHECK(l.runs.back().text.ends_with("\u2010"));  // U+2010, told apart from the word's own hyphens
        }
      }
    }
  }
  CHECK(hyphens > 20);  // narrow columns did hyphenate
}

TEST_CASE("the total-fit breaker on a hand-made paragraph") {
  // Ten words of width 40 with spaces of 10, a 135 pt line: three words and two spaces (140) are
  // too wide, so lines carry two words; total fit evens them out instead of leaving a stub.
  std::vector<BreakItem> items(10, BreakItem{40, 10, BreakKind::Space, 0});
  items.back().after = BreakKind::Forced;
  TotalFitParams p;
  p.width = 135;
  auto breaks = break_total_fit(items, p);
  REQUIRE(breaks.size() == 5);
  for (std::size_t i = 0; i < breaks.size(); ++i) CHECK(breaks[i].end == 2 * (i + 1));
  // A hyphenation point is used only when it pays off, and adds its hyphen's width.
  std::vector<BreakItem> hy{{60, 10, BreakKind::Space, 0}, {30, 0, BreakKind::Hyphen, 5}, {30, 0, BreakKind::Forced, 0}};
  p.width = 110;
  auto hb = break_total_fit(hy, p);
  REQUIRE(hb.size() == 2);
  CHECK(hb[0].end == 2);
  CHECK(hb[0].hyphenated);
}
