// The logical structure layout builds for tagged PDF, checked on the layout's plain data: the
// tree's shape in reading order, and every page item tagged as content or furniture.
#include <doctest/doctest.h>

#include <functional>
#include <set>

#include "test_support.h"

namespace handout {
namespace {

// The tree as one line: "Document(H1 P(Link) ...)"; each element's role, its language in
// brackets, its children in parentheses.
std::string outline(const std::vector<StructElement>& tree, int at = 0) {
  const StructElement& e = tree[at];
  std::string out = e.role + (e.lang.empty() ? "" : "[" + e.lang + "]");
  if (e.kids.empty()) return out;
  out += "(";
  for (std::size_t i = 0; i < e.kids.size(); ++i) out += (i ? " " : "") + outline(tree, e.kids[i]);
  return out + ")";
}

// The text of each element's runs, in the order they were set.
std::map<int, std::string> text_by_element(const PagedDocument& doc) {
  std::map<int, std::string> out;
  for (const auto& page : doc.pages)
    for (const auto& item : page.items)
      if (const auto* t = std::get_if<TextItem>(&item); t && t->tag.element >= 0) out[t->tag.element] += t->text;
  return out;
}

TEST_CASE("the structure tree follows the article: title H1, headings from H2 without gaps, lists, links") {
  test::Fixture f;
  Diagnostics d;
  const auto doc = f.lay_out("#### Deep first\n\nA [link](https://x.org) in text.\n\n- one\n- two\n\n"
                             "> quoted\n\n###### Deeper\n\n```\ncode\n```\n",
                             d);
  // The article's first heading is level 4 and its next is 6: tagged H2 and H3 (no skipped level).
  CHECK(outline(doc.structure) ==
        "Document(H1 P P H2 P(Link) L(LI(Lbl LBody(P)) LI(Lbl LBody(P))) BlockQuote(P) H3 Code "
        "Sect(H2 P P P P P(Link) P(Link)))");
  auto text = text_by_element(doc);
  auto first = [&](const std::string& role) {
    for (std::size_t i = 0; i < doc.structure.size(); ++i)
      if (doc.structure[i].role == role) return static_cast<int>(i);
    return -1;
  };
  CHECK(text[first("H1")] == "A Test Article");
  CHECK(text[first("Link")] == "link (x.org)");  // the link's text and its printed address: one Link
  CHECK(text[first("Lbl")] == "\u2022");
  CHECK(text[first("Code")] == "code");
}

TEST_CASE("every text run is content or furniture; furniture is a Pagination artifact") {
  test::Fixture f;
  Diagnostics d;
  std::string md;
  for (int i = 0; i < 40; ++i) md += "Paragraph " + std::to_string(i) + " with enough words to fill some lines.\n\n";
  const auto doc = f.lay_out(md, d);
  REQUIRE(doc.pages.size() >= 2);
  std::set<std::string> furniture, content;
  for (const auto& page : doc.pages)
    for (const auto& item : page.items)
      if (const auto* t = std::get_if<TextItem>(&item)) {
        if (t->tag.element >= 0) {
          content.insert(t->text);
          CHECK(t->tag.element < static_cast<int>(doc.structure.size()));
        } else {
          CHECK(t->tag.artifact == Artifact::Pagination);
          furniture.insert(t->text);
        }
      }
  CHECK(furniture.count("Page 2 of " + std::to_string(doc.pages.size())));
  CHECK(furniture.count("Test Clinic"));     // header band and running header
  CHECK(content.count("Test Clinic"));       // the contact block
  CHECK_FALSE(content.count("Page 1 of " + std::to_string(doc.pages.size())));
  // Links are annotations of content only: none in the header or footer.
  for (const auto& page : doc.pages)
    for (const auto& item : page.items)
      if (const auto* l = std::get_if<LinkItem>(&item)) CHECK(l->tag.element >= 0);
}

TEST_CASE("an image without a description is decoration, with a warning; with one it is a Figure") {
  test::Fixture f;
  ImageInfo info;
  info.width = 100, info.height = 50;
  f.images["pic.png"] = ArticleImage{"pic.png", info};
  Diagnostics d;
  auto doc = f.lay_out("![](pic.png)\n", d);
  CHECK(d.to_string().find("test.md:1:1: warning: image 'pic.png' has no description") != std::string::npos);
  CHECK(outline(doc.structure).find("Figure") == std::string::npos);
  Diagnostics d2;
  doc = f.lay_out("![The pelvic floor](pic.png)\n", d2);
  bool found = false;
  for (const auto& e : doc.structure)
    if (e.role == "Figure") {
      found = true;
      CHECK(e.alt == "The pelvic floor");
    }
  CHECK(found);
  CHECK(outline(doc.structure).find("Figure(Caption)") != std::string::npos);
}

TEST_CASE("the resources box closes a last section of running text; else it is a section of its own") {
  test::Fixture f;
  Resource society;
  society.name = "A Society";
  society.description = "What it does";
  f.resources = {society};
  f.intro = "Some places to start:";
  Diagnostics d;
  // The last heading is followed by paragraphs only: the box is part of that section, with no
  // label (no H2, no bookmark) and its intro as the first thing in it.
  auto doc = f.lay_out("## Care\n\nText.\n\n## Where to Learn More\n\nRead at your own pace.\n\nAsk us too.\n", d);
  CHECK(outline(doc.structure).find("H2 P P Div(P L(") != std::string::npos);
  auto text = text_by_element(doc);
  bool label = false;
  for (const auto& [element, t] : text) label |= t == "Helpful resources";
  CHECK_FALSE(label);
  bool bookmark = false;
  for (const auto& entry : doc.outline) bookmark |= entry.title == "Helpful resources";
  CHECK_FALSE(bookmark);
  // The last section holds a list, or there is no intro: the box is its own labelled section.
  for (const auto& example : {std::pair<std::string, std::string>{"## Care\n\n- one\n- two\n\nText.\n", f.intro},
                               {"## Care\n\nText.\n", ""}}) {
    const std::string& markdown = example.first;  // not a structured binding: clang 14 cannot CAPTURE one
    f.intro = example.second;
    doc = f.lay_out(markdown, d);
    CAPTURE(markdown);
    CHECK(outline(doc.structure).find("Sect(H2 ") != std::string::npos);
    text = text_by_element(doc);
    label = false;
    for (const auto& [element, t] : text) label |= t == "Helpful resources";
    CHECK(label);
  }
}

}  // namespace
}  // namespace handout
