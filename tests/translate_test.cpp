// Translation units: block hashes and their alignment, inline Markdown as numbered codes and
// back, the codes a translation must keep, the Markdown written back, pseudo-translation.
#include <doctest/doctest.h>

#include <cctype>

#include "content/markdown.h"
#include "translate/align.h"
#include "translate/rebuild.h"
#include "translate/units.h"
#include "util/utf8.h"

using namespace handout;
using namespace handout::translate;

namespace {

std::vector<Unit> units_of(const std::string& md) {
  Diagnostics d;
  ArticleMeta meta;
  meta.title = "T";
  return article_units(meta, parse_markdown(md, "t.md", d), {});
}

std::vector<std::string> hashes(const std::vector<Unit>& units) {
  std::vector<std::string> out;
  for (const auto& u : units) out.push_back(u.hash());
  return out;
}

// What a translator does to a unit in these tests: upper-cases its text, keeps its codes.
std::string upper_outside_codes(const std::string& tagged) {
  std::string out;
  for (const auto& p : split_tagged(tagged)) {
    const std::string id = std::to_string(p.id);
    switch (p.type) {
      case TaggedPiece::Type::Text:
        for (char c : p.text) out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        break;
      case TaggedPiece::Type::Open: out += "<" + id + ">"; break;
      case TaggedPiece::Type::Close: out += "</" + id + ">"; break;
      case TaggedPiece::Type::Standalone: out += "<" + id + "/>"; break;
    }
  }
  return out;
}

}  // namespace

TEST_CASE("an article's units: title, then every text block in reading order") {
  const auto u = units_of("## Head\n\nPara one.\n\n- item *a*\n- item b\n\n| x | y |\n|---|---|\n| 1 | 2 |\n\n```\ncode\n```\n");
  REQUIRE(u.size() == 9);
  CHECK(u[0].id == "title");
  CHECK(u[1].id == "b1");
  CHECK(u[1].kind == UnitKind::Heading);
  CHECK(u[3].kind == UnitKind::ListItem);
  CHECK(u[3].text == "item <1>a</1>");
  CHECK(u[5].kind == UnitKind::TableCell);
  CHECK(u[8].text == "2");  // the code block is no unit
}

TEST_CASE("block hashes: short, YAML-safe, and they change with the text or a link target") {
  const auto a = units_of("See [us](https://a.org) now.\n");
  const auto b = units_of("See [us](https://b.org) now.\n");
  const auto c = units_of("See [us](https://a.org) now.\n");
  CHECK(a[1].text == b[1].text);
  CHECK(a[1].hash() != b[1].hash());
  CHECK(a[1].hash() == c[1].hash());
  const std::string h = a[1].hash();
  CHECK(h.size() == 8);
  CHECK(h[0] >= 'a');
  CHECK(h[0] <= 'z');
  CHECK(h.find_first_not_of("abcdefghijklmnopqrstuvwxyz234567") == std::string::npos);
}

TEST_CASE("alignment: an inserted paragraph is one new block, not every block after it") {
  const auto before = hashes(units_of("One.\n\nTwo.\n\nThree.\n\nFour.\n"));
  const auto after = hashes(units_of("One.\n\nTwo.\n\nNew.\n\nThree.\n\nFour.\n"));
  const Alignment a = align(before, after);
  CHECK(a.same == std::vector<int>{0, 1, 2, -1, 3, 4});
  CHECK(a.previous[3] == -1);
  CHECK(a.removed.empty());
  CHECK_FALSE(a.unchanged());
}

TEST_CASE("alignment: a changed paragraph replaces the old one at its place; removals are counted") {
  const auto before = hashes(units_of("One.\n\nTwo.\n\nThree.\n\nFour.\n"));
  const auto changed = hashes(units_of("One.\n\nTwo, changed.\n\nThree.\n\nFour.\n"));
  Alignment a = align(before, changed);
  CHECK(a.same == std::vector<int>{0, 1, -1, 3, 4});
  CHECK(a.previous[2] == 2);
  const auto removed = hashes(units_of("One.\n\nThree.\n\nFour.\n"));
  a = align(before, removed);
  CHECK(a.removed == std::vector<int>{2});
  CHECK(align(before, before).unchanged());
}

TEST_CASE("inline Markdown becomes numbered codes, nested and in order") {
  const auto u = units_of("A **bold *both*** and [a *link*](https://x.org), `code`.  \nNext.\n");
  CHECK(u[1].text == "A <1>bold <2>both</2></1> and <3>a <4>link</4></3>, <5/>.<6/>Next.");
  REQUIRE(u[1].codes.size() == 6);
  CHECK(u[1].codes[2].kind == InlineCode::Kind::Link);
  CHECK(u[1].codes[2].value == "https://x.org");
  CHECK(u[1].codes[4].value == "code");
}

TEST_CASE("tagged text back to Markdown parses to the same spans") {
  const std::string md = "A **bold *both*** and [a *link*](https://x.org), `code`, ~~gone~~.\n";
  const auto u = units_of(md);
  const std::string back = tagged_to_markdown(u[1].text, u[1].codes);
  CHECK(back == "A **bold *both*** and [a *link*](https://x.org), `code`, ~~gone~~.");
  // a translator's spaces inside a pair move outside it; Markdown characters stay text
  CHECK(tagged_to_markdown("<1> B </1>*_[x]", {{InlineCode::Kind::Strong, 1, ""}}) == "**B** \\*\\_\\[x\\]");
  CHECK(tagged_to_markdown("# not a heading", {}) == "\\# not a heading");
  CHECK(tagged_to_markdown("1. not a list", {}) == "1\\. not a list");
  Diagnostics d;
  const auto doc = parse_markdown(tagged_to_markdown("<3>L <4>I</4></3> <1>B</1>", u[1].codes) + "\n", "t.md", d);
  CHECK(describe(doc) == describe(parse_markdown("[L *I*](https://x.org) **B**\n", "t.md", d)));
}

TEST_CASE("a translation's codes: moved is fine, lost, added, crossed or unclosed is not") {
  const std::string src = "A <1>b</1> <2>c</2> <3/>";
  CHECK(code_problem(src, "<2>C</2> <1>B</1> a <3/>") == "");
  CHECK(code_problem(src, "<2><1>B</1> C</2> <3/>") == "");  // nesting differently is a translator's choice
  CHECK(code_problem(src, "B <2>C</2> <3/>") == "inline code <1> is missing");
  CHECK(code_problem(src, "<1>B</1> <2>C</2>") == "inline code <3/> is missing");
  CHECK(code_problem(src, "<1>B</1> <2>C</2> <3/> <4/>") == "inline code 4 is not in the source");
  CHECK(code_problem(src, "<1>B <2>C</1></2> <3/>") == "inline code </1> closes inside <2> (codes cross)");
  CHECK(code_problem(src, "</1>B<1> <2>C</2> <3/>") == "inline code </1> closes before it opens");
  CHECK(code_problem(src, "<1>B <2>C</2> <3/>") == "inline code <1> is never closed");
  CHECK(code_problem(src, "<1/>B <2>C</2> <3/>") == "inline code <1> is written as <1/>");
  CHECK(split_tagged("a <b> <12x> 3 < 4").size() == 1);  // only <N>, </N>, <N/> are codes
}

TEST_CASE("the Markdown written back keeps the source's structure") {
  const std::string md = "## Head\n\nPara with [link](https://x.org).\n\n1. one\n2. two\n\n- [ ] task\n\n"
                         "> quoted\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n\n![alt text](pic.png)\n";
  Diagnostics d;
  const Document doc = parse_markdown(md, "t.md", d);
  ArticleMeta meta;
  meta.title = "T";
  const auto units = article_units(meta, doc, {});
  Translations t;
  for (const auto& u : units) t[u.id] = upper_outside_codes(u.text);
  TranslationHeader h;
  h.source_language = "en";
  h.source = {"x", "en", {"aaaaaaaa"}, {}};
  const std::string out = article_markdown(doc, units, t, h);
  const std::string body = out.substr(out.find("---\n\n") + 5);
  const Document again = parse_markdown(body, "t.md", d);
  CHECK(describe(again) == describe(parse_markdown(
                               "## HEAD\n\nPARA WITH [LINK](https://x.org).\n\n1. ONE\n2. TWO\n\n- [ ] TASK\n\n"
                               "> QUOTED\n\n| A | B |\n|:--|--:|\n| 1 | 2 |\n\n![ALT TEXT](pic.png)\n", "t.md", d)));
  CHECK(out.find("source:\n  article: x\n  language: en\n  blocks: [aaaaaaaa]") != std::string::npos);
}

TEST_CASE("with_source replaces a recorded source in the front matter") {
  const std::string text = "---\ntitle: X\nsource:\n  article: a\n  language: en\n  blocks: [bbbbbbbb]\nkeywords: []\n---\nBody\n";
  const std::string out = with_source(text, {"a", "en", {"cccccccc", "dddddddd"}, {}});
  CHECK(out == "---\ntitle: X\nkeywords: []\nsource:\n  article: a\n  language: en\n  blocks: [cccccccc, dddddddd]\n---\nBody\n");
}

TEST_CASE("pseudo-translation: accented, 35-40% longer, codes kept") {
  const std::string src = "Call <1>your clinic</1> today about the appointment<2/>";
  const std::string p = pseudo_text(src);
  CHECK(code_problem(src, p) == "");
  CHECK(p.find("Çáļļ") == 0);
  std::size_t before = 0, after = 0;
  for (const auto& piece : split_tagged(src)) before += utf8_decode(piece.text).size();
  for (const auto& piece : split_tagged(p)) after += utf8_decode(piece.text).size();
  const double growth = double(after) / double(before) - 1;
  CHECK(growth >= 0.35);
  CHECK(growth <= 0.40);
  // whatever its length, a pseudo text never ends in a space (a config text would keep it)
  for (std::string s = "a"; s.size() < 120; s += "b") CHECK(pseudo_text(s).back() != ' ');
}
