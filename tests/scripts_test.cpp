// Scripts: bidi order, Arabic shaping, font fallback, and UAX #14 line breaking for CJK and Korean.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "text/bidi.h"
#include "layout/inline_text.h"
#include "test_support.h"
#include "util/utf8.h"

using namespace handout;

namespace {

// Noto Sans with the shipped fallback chain (Arabic, Hebrew, CJK, Korean).
const HandoutFonts& chain() {
  static FontSet set;
  static HandoutFonts faces = [] {
    std::vector<int> fallbacks = test::load_families(
        set, {"Noto Sans", "Noto Sans Arabic", "Noto Sans Hebrew", "Droid Sans Fallback", "Nanum Gothic"});
    const int main = fallbacks.front();
    fallbacks.erase(fallbacks.begin());
    set.set_fallbacks(fallbacks);
    FamilyFaces ff{set.face_id(main, FaceStyle::Regular), set.face_id(main, FaceStyle::Bold),
                   set.face_id(main, FaceStyle::Italic), set.face_id(main, FaceStyle::BoldItalic)};
    return HandoutFonts{&set, ff, ff};
  }();
  return faces;
}

std::vector<SetLine> set(const std::string& text, double width, const std::string& lang, bool rtl, Diagnostics& d) {
  const auto& f = chain();
  TextStyle st{f.body.regular, 12, 17, Color{}};
  Span s;
  s.text = text;
  ParagraphOptions o;
  o.rtl = rtl;
  return set_paragraph({s}, inline_styles(st, f.body, Color{}), width, *f.set, lang, {"t.md", 3}, d, o);
}

// The line's text as drawn, left to right (runs sorted by position).
std::string visual(const SetLine& line) {
  auto runs = line.runs;
  std::sort(runs.begin(), runs.end(), [](const TextItem& a, const TextItem& b) { return a.x < b.x; });
  std::string out;
  for (const auto& r : runs) out += r.text;
  return out;
}

std::u32string u32(const std::string& s) { return utf8_decode(s); }

}  // namespace

TEST_CASE("right-to-left languages by their BCP 47 tag") {
  for (const char* l : {"ar", "fa", "he", "ur", "ar-EG"}) CHECK(is_rtl_language(l));
  for (const char* l : {"en", "es", "zh-Hans", "ko", "ru", "arn"}) CHECK_FALSE(is_rtl_language(l));
}

TEST_CASE("bidi: a paragraph's direction comes from its first strong letter, the page's breaks ties") {
  CHECK_FALSE(analyse_bidi(u32("National Vulvodynia Association (NVA)"), true).rtl_base);
  CHECK(analyse_bidi(u32("مرحبا Hello"), false).rtl_base);
  CHECK(analyse_bidi(u32("(503) 555-0142"), true).rtl_base);
  CHECK(analyse_bidi(u32("clinic.example الهاتف: 555-0148"), true).rtl_base);  // Arabic in it: stays RTL
  CHECK_FALSE(analyse_bidi(u32("(503) 555-0142"), false).rtl_base);
}

TEST_CASE("bidi: Latin words and numbers inside Arabic keep their own order") {
  // "visit ISSWSH in 2026" in Arabic word order: زوري ISSWSH في 2026
  std::u32string text = u32("زوري ISSWSH في 2026");
  const auto para = analyse_bidi(text, true);
  CHECK(para.rtl_base);
  const auto order = visual_order(para, text, 0, text.size());
  std::u32string seen;
  for (auto i : order) seen.push_back(text[i]);
  // Left to right on the page, by the Unicode bidi algorithm: the number (level 2), في, ISSWSH
  // (level 2, not reversed), then زوري rightmost; each Arabic word's letters drawn right to left.
  auto reversed = [](std::u32string w) { return std::u32string(w.rbegin(), w.rend()); };
  const std::u32string expected = u32("2026 ") + reversed(u32("في")) + u32(" ISSWSH ") + reversed(u32("زوري"));
  CHECK(utf8_encode(seen) == utf8_encode(expected));
  CHECK(order.back() == 0);  // the first logical letter is drawn rightmost
}

TEST_CASE("RTL paragraphs: phone numbers stay readable, lines are set for a mirrored page") {
  Diagnostics d;
  auto lines = set("اتصلي بنا على (503) 555-0142 اليوم", 400, "ar", true, d);
  CHECK(d.items().empty());
  REQUIRE(lines.size() == 1);
  const auto v = visual(lines[0]);
  // Mirrored page: the runs' positions are mirrored, so sorted by x they read right to left;
  // the number must still read left to right inside its run.
  CHECK(v.find("(503) 555-0142") != std::string::npos);
  // The invisible isolates are never drawn.
  CHECK(v.find("\u2066") == std::string::npos);
  CHECK(v.find("\u2069") == std::string::npos);
}

TEST_CASE("font fallback: each character from the first font that covers it") {
  const auto& f = chain();
  Diagnostics d;
  auto lines = set("Pain 疼痛 통증 ألم כאב", 600, "en", false, d);
  CHECK(d.items().empty());  // every character found a font
  REQUIRE(lines.size() == 1);
  std::set<std::string> faces;
  for (const auto& r : lines[0].runs) {
    const auto& path = f.set->face(r.font).path();
    faces.insert(path.substr(path.rfind('/') + 1));
  }
  CHECK(faces.count("NotoSans-Regular.ttf"));
  CHECK(faces.count("DroidSansFallbackFull.ttf"));  // Debian's fonts-droid-fallback
  CHECK(faces.count("NanumGothic.ttf"));  // fonts-nanum, found through fontconfig
  CHECK(faces.count("NotoSansArabic-Regular.ttf"));
  CHECK(faces.count("NotoSansHebrew-Regular.ttf"));
  // A character no font has: a warning with its code point, and the line still sets.
  Diagnostics d2;
  auto l2 = set("Ethiopic ሰ", 600, "en", false, d2);
  REQUIRE(d2.items().size() == 1);
  CHECK(format_diagnostic(d2.items()[0]) == "t.md:3: warning: no font covers character U+1230 'ሰ'");
  CHECK(l2.size() == 1);
}

TEST_CASE("Chinese breaks between characters, never before closing punctuation") {
  Diagnostics d;
  const std::string text =
      "阴道痉挛是指在尝试插入时，盆底肌肉不由自主地收紧。这可能让性生活、使用卫生棉条、妇科检查，"
      "甚至只是想到插入，都变得疼痛、困难，有时甚至无法完成。「这」（那）";
  for (double width : {80.0, 97.0, 121.0, 150.0, 203.0}) {
    CAPTURE(width);
    auto lines = set(text, width, "zh-Hans", false, d);
    std::string joined;
    for (const auto& l : lines) {
      CHECK(l.width <= width + 1e-6);
      const auto first = utf8_decode(visual(l)).front();
      for (char32_t no_start : std::u32string(U"，。、；：」）"))  // kinsoku: no line starts with these
        CHECK(first != no_start);
      joined += visual(l);
    }
    CHECK(joined == text);
  }
}

TEST_CASE("Korean breaks at spaces, not between syllables") {
  Diagnostics d;
  const std::string text =
      "질경련은 삽입을 시도할 때 골반저 근육이 자기도 모르게 조여드는 것입니다. 이 때문에 성관계, 탐폰 사용, "
      "골반 검사, 또는 삽입을 떠올리는 것만으로도 아프거나 어렵고, 때로는 불가능하게 느껴질 수 있습니다.";
  for (double width : {100.0, 160.0, 230.0}) {
    CAPTURE(width);
    auto lines = set(text, width, "ko", false, d);
    std::string joined;
    for (const auto& l : lines) joined += (joined.empty() ? "" : " ") + visual(l);
    CHECK(joined == text);  // every break was at a space: joining with spaces restores the text
  }
}
