// Word's bullets pasted into an article become a Markdown list (content/pasted_text).
#include <doctest/doctest.h>

#include "content/markdown.h"
#include "content/pasted_text.h"

using namespace handout;

namespace {

struct Normalised {
  std::string text;
  std::string messages;
};

Normalised normalised(const std::string& body) {
  Diagnostics d;
  Normalised out{normalise_pasted_bullets(body, "a.md", d), d.to_string()};
  CHECK(d.error_count() == 0);
  return out;
}

const std::string kNote = " are read as a bulleted list (pasted from a word processor?)\n";

}  // namespace

TEST_CASE("Word's bullets become list items, line for line, with one warning at the first") {
  const auto n = normalised("\n\n\n\nUse your inhaler:\n•\tShake it.\n•\tBreathe out.\n\nThen rinse.\n");
  CHECK(n.text == "\n\n\n\nUse your inhaler:\n-   Shake it.\n-   Breathe out.\n\nThen rinse.\n");
  CHECK(n.messages == "a.md:6:1: note: lines starting with '•'" + kNote);
  // What the parser makes of it: a paragraph, then a list that interrupts it, at the file's lines.
  Diagnostics d;
  const Document doc = parse_markdown(n.text, "a.md", d);
  CHECK(describe(doc) == "para Use your inhaler:\nlist bullet\n  item\n    para Shake it.\n  item\n    para Breathe "
                         "out.\npara Then rinse.\n");
  REQUIRE(doc.blocks.size() == 3);
  REQUIRE(doc.blocks[1].children.size() == 2);
  CHECK(doc.blocks[1].children[0].line == 6);
  CHECK(doc.blocks[1].children[1].line == 7);
}

TEST_CASE("each bullet a word processor pastes, followed by a space or a tab") {
  CHECK(normalised("• a\n").text == "-   a\n");       // U+2022, 3 bytes and a space: the text keeps its column
  CHECK(normalised("· a\n").text == "-  a\n");        // U+00B7, 2 bytes
  CHECK(normalised("▪\ta\n").text == "-   a\n");      // U+25AA
  CHECK(normalised("◦ a\n").text == "-   a\n");       // U+25E6
  CHECK(normalised("– a\n").text == "-   a\n");       // U+2013 en dash
  CHECK(normalised("\xEF\x82\xB7\ta\n").text == "-   a\n");  // Word's Symbol-font bullet, U+F0B7
  CHECK(normalised("\xEF\x82\xB7\ta\n").messages ==
        "a.md:1:1: note: lines starting with U+F0B7 (Word's Symbol bullet)" + kNote);
  // Mixed: one warning, at the first, naming each kind once, in the order met.
  const auto mixed = normalised("Intro.\n– one\n•\ttwo\n– three\n· four\n");
  CHECK(mixed.text == "Intro.\n-   one\n-   two\n-   three\n-  four\n");
  CHECK(mixed.messages == "a.md:2:1: note: lines starting with '–', '•' or '·'" + kNote);
  CHECK(normalised("•\ta\n–\tb\n").messages == "a.md:1:1: note: lines starting with '•' or '–'" + kNote);
}

TEST_CASE("indentation, blanks and line ends around a pasted bullet") {
  // Up to three spaces before it are kept; the warning's column is the bullet's.
  const auto indented = normalised("Text.\n   • a\n");
  CHECK(indented.text == "Text.\n   -   a\n");
  CHECK(indented.messages == "a.md:2:4: note: lines starting with '•'" + kNote);
  // Blanks after it: at most four spaces, or the item's text would be code.
  CHECK(normalised("•\t\t\ta\n").text == "-    a\n");
  CHECK(normalised("•  a\n").text == "-    a\n");
  CHECK(normalised("·\t \ta\n").text == "-    a\n");
  // Windows line ends stay; the last line needs no line end.
  CHECK(normalised("•\tOne\r\n•\tTwo\r\n").text == "-   One\r\n-   Two\r\n");
  CHECK(normalised("• last").text == "-   last");
  CHECK(normalised("").text == "");
}

TEST_CASE("what is not a pasted bullet is left exactly as it was, without a word") {
  for (const std::string body :
       {"•no blank after it\n", "•\n", "• \n", "•\t\r\n", "•\t \n", "A • in a line\n", "Take 4 – 5 days\n",
        "- a Markdown list\n* another\n", "— an em dash\n", "    •\tindented code\n", "\t• indented code\n",
        "Text.\n    • four spaces in: a paragraph's next line\n", "> • in a quote\n", "1.\tnumbered\n",
        "Ordinary text.\n\nMore.\n"}) {
    CAPTURE(body);
    const auto n = normalised(body);
    CHECK(n.text == body);
    CHECK(n.messages == "");
  }
}

TEST_CASE("fenced code is left as it is") {
  const std::string body = "```\n• in code\n```\n• a list\n~~~ text\n– in code\n```\n• still code\n~~~\n"
                           "````\n```\n• code: three backticks do not close four\n````\n"
                           "  ```\n  • code in an indented fence\n  ```\n";
  const auto n = normalised(body);
  std::string expected = body;
  expected.replace(expected.find("• a list"), std::string("• a").size(), "-   a");
  CHECK(n.text == expected);
  CHECK(n.messages == "a.md:4:1: note: lines starting with '•'" + kNote);
  // "```" with a backtick after it is inline code, not a fence: the next line is text.
  CHECK(normalised("``` a ` b\n• x\n").text == "``` a ` b\n-   x\n");
  // A fence never closed runs to the end.
  CHECK(normalised("```\n• x\n").text == "```\n• x\n");
}

TEST_CASE("normalising twice changes nothing more") {
  const std::string body = "Intro:\n•\tOne\n· Two\n\n```\n• code\n```\n";
  const auto once = normalised(body);
  const auto twice = normalised(once.text);
  CHECK(twice.text == once.text);
  CHECK(twice.messages == "");
}

TEST_CASE("text straight under a pasted list is said to join its last item") {
  Diagnostics d;
  normalise_pasted_bullets("\xE2\x80\xA2\tOne\n\xE2\x80\xA2\tTwo\nA new paragraph?\n\nAfter a blank line.\n", "a.md", d);
  CHECK(d.to_string() ==
        "a.md:3:1: warning: this line is read as part of the list item above it; leave an empty line after the list "
        "to start a new paragraph\n"
        "a.md:1:1: note: lines starting with '\xE2\x80\xA2' are read as a bulleted list (pasted from a word processor?)\n");
}
