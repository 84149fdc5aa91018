// Paragraph quality: total fit against first fit, hyphenation per language and its limits.
#include <doctest/doctest.h>

#include "text/hyphenation.h"
#include "layout/inline_text.h"
#include "layout/line_breaker.h"
#include "test_support.h"
#include "util/text.h"
#include "util/utf8.h"

#include <algorithm>

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
  // At least three letters stay on the line and three go to the next: "in-voluntarily",
  // "pe-netración" and "Be-ckenboden" are not used, though the patterns allow them.
  for (const Case& c : {Case{"en", "vestibulodynia", "vestibu-lo-dy-nia"}, Case{"en", "involuntarily", "invol-un-tar-ily"},
                        Case{"en-US", "perfectionism", "per-fec-tion-ism"}, Case{"es", "penetración", "pene-tra-ción"},
                        Case{"fr", "pénétration", "péné-tra-tion"}, Case{"de", "Beckenbodentherapie", "Becken-bo-den-the-ra-pie"},
                        Case{"pt-BR", "penetração", "pene-tra-ção"}, Case{"ru", "проникновение", "проник-нове-ние"}}) {
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

TEST_CASE("hyphenation: words under seven letters are never split, though the patterns would") {
  // Six-letter words the English patterns split ("doc-tor", "mus-cle", "sim-ple"): moving three
  // letters to the next line rarely helps a line, and short words read worse split.
  auto h = Hyphenator::for_language("en");
  REQUIRE(h);
  CHECK(Hyphenator::kMinWord == 7);
  CHECK(Hyphenator::kMinBefore == 3);
  CHECK(Hyphenator::kMinAfter == 3);
  for (const char* word : {"doctor", "muscle", "simple", "person", "sexual"}) {
    CAPTURE(word);
    CHECK(h->points(utf8_decode(word)).empty());
    CHECK_FALSE(h->points(utf8_decode(std::string(word) + "ity")).empty());  // the patterns do split them
  }
}

TEST_CASE("hyphenation never splits a word of the title, headings or keywords, anywhere") {
  auto en = Hyphenator::for_language("en");
  REQUIRE(en);
  const auto vaginismus = utf8_decode("Vaginismus"), penetration = utf8_decode("penetration");
  REQUIRE_FALSE(en->points(vaginismus).empty());  // "Vagin-ismus" for the language itself
  REQUIRE_FALSE(en->points(penetration).empty());
  const auto kept = en->keeping_whole({"Vaginismus: Why Penetration Can Hurt", "Pelvic Floor Physiotherapy"});
  CHECK(kept->points(vaginismus).empty());
  CHECK(kept->points(utf8_decode("VAGINISMUS")).empty());
  CHECK(kept->points(penetration).empty());
  CHECK(kept->points(utf8_decode("physiotherapy")).empty());
  CHECK(kept->points(utf8_decode("vestibulodynia")) == en->points(utf8_decode("vestibulodynia")));  // others as before
  // Inside a compound the term stays whole; the compound may still break after it.
  auto de = Hyphenator::for_language("de");
  REQUIRE(de);
  const auto compound = utf8_decode("Beckenbodentherapie");
  const auto kept_de = de->keeping_whole({"Der Beckenboden"});
  const auto points = kept_de->points(compound);
  for (auto k : points) CHECK(k >= 11);  // "Beckenboden" is 11 letters
  CHECK(std::find(points.begin(), points.end(), std::size_t(11)) != points.end());
  CHECK(de->points(compound).front() < 11);
}

TEST_CASE("at most two lines in a row end in a hyphen, the word's own ones included") {
  // Compounds written with hyphens break after them for free (no hyphen is added), which once
  // let a narrow column end four lines in a row with "-" (Russian "Кто-/то").
  auto h = Hyphenator::for_language("en");
  ParagraphOptions o;
  o.hyphenator = h.get();
  const std::string text =
      "Self-care, well-being, follow-up, long-term and low-dose self-help plans: pain-free sex, "
      "self-esteem and re-entry after a drop-in check-up, a one-on-one walk-through, step-by-step "
      "and hands-on, co-ordinated with a non-judgmental, trauma-informed, sex-positive team.";
  int longest = 0, own = 0;
  for (double width : {70.0, 90.0, 110.0, 130.0, 150.0}) {
    for (bool justify : {false, true}) {
      o.justify = justify;
      int run = 0;
      for (const auto& l : set(text, width, o)) {
        REQUIRE(!l.runs.empty());
        const std::string& last = l.runs.back().text;
        const bool ends_in_hyphen = l.hyphenated || last.ends_with("-");
        own += !l.hyphenated && last.ends_with("-");
        run = ends_in_hyphen ? run + 1 : 0;
        longest = std::max(longest, run);
        CHECK(run <= 2);
      }
    }
  }
  MESSAGE("lines ending in the word's own hyphen: " << own << ", longest run " << longest);
  CHECK(own > 10);  // the text did break at its own hyphens
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
