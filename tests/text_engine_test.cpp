// The text engine (issue 8): HarfBuzz shaping, font choice per word and language, and the
// pure parts of writing our own fonts (ToUnicode, /W).
#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "deflate/deflate.h"
#include "fonts/cff_charset.h"
#include "fonts/font_set.h"
#include "fonts/system_fonts.h"
#include "content/markdown.h"
#include "layout/inline_text.h"
#include "render/pdf/pdf_text_encoding.h"
#include "test_support.h"
#include "util/utf8.h"

using namespace handout;

namespace {

// Installed families (Debian's font packages), loaded once.
const FontSet& installed() {
  static FontSet set;
  static bool loaded = !test::load_families(set, {"Noto Sans", "Noto Sans Devanagari", "Noto Sans Arabic",
                                                  "Noto Sans Thai", "Droid Sans Fallback", "Nanum Gothic",
                                                  "IPAGothic"})
                            .empty();
  (void)loaded;
  return set;
}

const FontFace& face(int family) { return installed().face(family * 4); }
enum Family { kNoto, kDevanagari, kArabic, kThai, kDroid, kNanum, kIpa };

std::vector<ShapedGlyph> shape(int family, const std::string& text, bool rtl, const std::string& lang) {
  const std::u32string t = utf8_decode(text);
  return face(family).shape(t, 0, t.size(), rtl, lang);
}

}  // namespace

TEST_CASE("Devanagari: the i-matra is drawn before its consonant, conjuncts form, one cluster each") {
  // कि: KA + VOWEL SIGN I. In logical order the sign follows KA; it is drawn to its left.
  const auto ki = shape(kDevanagari, "कि", false, "hi");
  REQUIRE(ki.size() == 2);
  // The sign (a contextual form of it) comes first, visually; KA second.
  CHECK(ki[0].id != face(kDevanagari).glyph(U'\u0915'));
  CHECK(ki[1].id == face(kDevanagari).glyph(U'\u0915'));
  CHECK(ki[0].cluster == 0);
  CHECK(ki[1].cluster == 0);  // one cluster: it extracts as its source text
  // क्ष (KA VIRAMA SSA) is one conjunct glyph, with no visible virama.
  const auto ksha = shape(kDevanagari, "क्ष", false, "hi");
  CHECK(ksha.size() == 1);
  for (const auto& g : ksha) CHECK(g.id != face(kDevanagari).glyph(U'\u094D'));
}

TEST_CASE("Arabic: letters join by position, lam-alef is one glyph, marks sit on their letter") {
  const auto alone = shape(kArabic, "س", true, "ar");
  const auto word = shape(kArabic, "سلام", true, "ar");
  REQUIRE(alone.size() == 1);
  REQUIRE(word.size() == 3);              // seen, lam-alef ligature, meem
  CHECK(word.back().cluster == 0);        // right to left: seen is drawn last (leftmost in code order)
  CHECK(word.back().id != alone[0].id);   // initial form, not isolated
  CHECK(word[1].cluster == 1);            // the ligature stands for lam (1) and alef (2)
  // Tanween fath on alef: the mark has no advance and is lifted above the letter.
  const auto an = shape(kArabic, "لاً", true, "ar");
  bool mark_raised = false;
  for (const auto& g : an) mark_raised = mark_raised || (g.advance == 0 && g.dy > 0);
  CHECK(mark_raised);
}

TEST_CASE("Latin: kerning changes a pair's advance; Thai marks stay in their base's cluster") {
  const auto av = shape(kNoto, "AV", false, "en");
  REQUIRE(av.size() == 2);
  CHECK(av[0].advance < face(kNoto).glyph_advance(av[0].id) - 0.01);  // A is pulled under V
  const auto th = shape(kThai, "จึง", false, "th");
  REQUIRE(th.size() == 3);
  CHECK(th[0].cluster == 0);
  CHECK(th[1].cluster == 0);  // SARA UE belongs to JO CHAN
  CHECK(th[1].advance == 0);
  CHECK(th[2].cluster == 2);
}

TEST_CASE("fallback fonts: a word takes one font; Korean and Japanese prefer their own") {
  FontSet set;
  Diagnostics d;
  const int noto = set.load_family("Noto Sans", {}, {}, d);
  const int droid = set.load_family("Droid Sans Fallback", {}, {}, d);
  const int nanum = set.load_family("Nanum Gothic", {}, {}, d);
  const int ipa = set.load_family("IPAGothic", {}, {}, d);
  REQUIRE(d.items().empty());
  set.set_fallbacks({droid, nanum, ipa});
  set.prefer_for_language("ko", {nanum});
  set.prefer_for_language("ja", {ipa});
  const FontId body = set.face_id(noto, FaceStyle::Regular);
  // 가 alone is in Droid Sans Fallback, but 통증 is not all there: the word goes to Nanum whole.
  CHECK(set.face(set.face_id(droid, FaceStyle::Regular)).covers(U'가'));
  CHECK(set.resolve_all(body, U"통증") == set.face_id(nanum, FaceStyle::Regular));
  // Han characters: Chinese forms by default, Japanese forms for Japanese, Korean fonts for Korean.
  CHECK(set.resolve_all(body, U"漢字") == set.face_id(droid, FaceStyle::Regular));
  CHECK(set.resolve_all(body, U"漢字", "ja") == set.face_id(ipa, FaceStyle::Regular));
  CHECK(set.resolve_all(body, U"漢字", "ko-KR") == set.face_id(nanum, FaceStyle::Regular));
  CHECK(set.resolve_all(body, U"\U000103A0") == -1);  // Old Persian: nobody
  // A family with no bold (Droid) is emboldened by the renderer; one with a bold face is not.
  CHECK(set.needs_synthetic_bold(set.face_id(droid, FaceStyle::Bold)));
  CHECK_FALSE(set.needs_synthetic_bold(set.face_id(nanum, FaceStyle::Bold)));
  CHECK_FALSE(set.needs_synthetic_bold(set.face_id(droid, FaceStyle::Regular)));
}

TEST_CASE("set lines carry shaped glyph runs whose clusters point into their text") {
  Diagnostics d;
  const auto& f = test::fonts();
  InlineStyles st = inline_styles(TextStyle{f.body.regular, 12, 18, {}}, f.body, {});
  Span span;
  span.text = "Office AVA";
  const auto lines = set_paragraph({span}, st, 500, *f.set, "en", {}, d);
  REQUIRE(lines.size() == 1);
  const TextItem& run = lines[0].runs.at(0);
  double sum = 0;
  for (const auto& g : run.glyphs) {
    CHECK(g.cluster < run.text.size());
    sum += g.advance;
  }
  CHECK(sum == doctest::Approx(run.width));
  CHECK(run.glyphs.size() <= run.text.size());
}

TEST_CASE("PDF text encoding: UTF-16 with surrogates, /W ranges, ToUnicode entries") {
  CHECK(utf16_hex(U"A\u00E9") == "004100E9");
  CHECK(utf16_hex(U"\U0001F642") == "D83DDE42");
  const auto ranges = width_ranges({{1, 0.5}, {2, 0.6}, {3, 0.7}, {7, 0.25}, {9, 1.0}, {10, 1.0}});
  REQUIRE(ranges.size() == 3);
  CHECK(ranges[0].first == 1);
  CHECK(ranges[0].second == std::vector<double>{0.5, 0.6, 0.7});
  CHECK(ranges[1].first == 7);
  CHECK(ranges[2].second.size() == 2);
  std::vector<std::pair<unsigned, double>> many;
  for (unsigned i = 0; i < 20000; ++i) many.emplace_back(i, 0.5);
  for (const auto& r : width_ranges(many)) CHECK(r.second.size() <= 8000);  // libharu's array cap
  const std::string cmap = to_unicode_cmap({{5, U"fi"}, {6, U"\u0915\u093F"}});
  CHECK(cmap.find("2 beginbfchar\n<0005> <00660069>\n<0006> <0915093F>\nendbfchar") != std::string::npos);
  CHECK(cmap.find("<0000> <FFFF>\nendcodespacerange") != std::string::npos);
  // Three or more consecutive codes for consecutive characters: one range.
  const std::string ranged = to_unicode_cmap({{5, U"a"}, {6, U"b"}, {7, U"c"}, {8, U"e"}, {9, U"f"}}, 1);
  CHECK(ranged.find("1 beginbfrange\n<05> <07> <0061>\nendbfrange") != std::string::npos);
  CHECK(ranged.find("2 beginbfchar\n<08> <0065>\n<09> <0066>\nendbfchar") != std::string::npos);
  // A range steps only the last byte: none across <01FF> to <0200>, nor across U+00FF to U+0100.
  const std::string edges = to_unicode_cmap({{0x1FE, U"x"}, {0x1FF, U"y"}, {0x200, U"z"}, {0x300, U"\u00FE"},
                                             {0x301, U"\u00FF"}, {0x302, U"\u0100"}});
  CHECK(edges.find("beginbfrange") == std::string::npos);
}

TEST_CASE("one-byte codes: the encoding CMap, the ToUnicode map and literal strings agree") {
  const std::string encoding = one_byte_cmap("Handout-OneByte-Identity");
  CHECK(encoding.find("/CMapName /Handout-OneByte-Identity def\n/CMapType 1 def\n/WMode 0 def\n") != std::string::npos);
  CHECK(encoding.find("1 begincodespacerange\n<00> <FF>\nendcodespacerange\n1 begincidrange\n<00> <FF> 0\n") !=
        std::string::npos);
  const std::string to_unicode = to_unicode_cmap({{5, U"fi"}, {200, U"\u00E9"}}, 1);
  CHECK(to_unicode.find("<00> <FF>\nendcodespacerange") != std::string::npos);
  CHECK(to_unicode.find("<05> <00660069>\n<C8> <00E9>\n") != std::string::npos);
  std::string literal;
  for (unsigned code : {0x41u, 0x28u, 0x29u, 0x5Cu, 0x0Du, 0x0Au, 0x00u}) append_code(literal, code, 1);
  CHECK(literal == std::string("A\\(\\)\\\\\\r\n\0", 11));
  literal.clear();
  append_code(literal, 0x2829, 2);  // both bytes of a two-byte code are escaped
  CHECK(literal == "\\(\\)");
}

TEST_CASE("a source line break between Chinese or Japanese characters is not a space") {
  Diagnostics d;
  const Document zh = parse_markdown("这是一种保护性反射，\n而不是你的选择。\n", "a.md", d);
  CHECK(plain_text(zh.blocks.at(0).spans) == "这是一种保护性反射，而不是你的选择。");
  const Document ko = parse_markdown("보호 반사입니다.\n선택이 아닙니다.\n", "a.md", d);
  CHECK(plain_text(ko.blocks.at(0).spans) == "보호 반사입니다. 선택이 아닙니다.");  // Korean keeps it
  const Document mixed = parse_markdown("反射\nreflex\n", "a.md", d);
  CHECK(plain_text(mixed.blocks.at(0).spans) == "反射 reflex");
}

TEST_CASE("CFF fonts: Noto Sans CJK subsets are renumbered so each glyph's CID is its glyph id") {
  FontSet set;
  const int jp = test::load_families(set, {"Noto Sans CJK JP"}).front();
  const FontFace& face = set.face(set.face_id(jp, FaceStyle::Regular));
  CHECK(face.describe().cff);
  const std::vector<unsigned> glyphs{face.glyph(U'痙'), face.glyph(U'攣'), face.glyph(U'A')};
  const FontFace::Subset subset = face.subset(glyphs);
  REQUIRE_FALSE(subset.file.empty());
  CHECK(subset.cff);
  CHECK(subset.file.substr(0, 1) == std::string(1, '\x01'));  // a bare CFF table (major version 1)
  // The codes are the subset's glyph ids, in the font's glyph order (A comes first in it) ...
  std::vector<unsigned> sorted = subset.codes;
  std::sort(sorted.begin(), sorted.end());
  CHECK(sorted == std::vector<unsigned>{1, 2, 3});
  CHECK(subset.codes[2] == 1);
  // ... and so are the CIDs: the font's own (A is CID 34, the others in the tens of thousands)
  // were rewritten in the charset, so the PDF's /W and codes need no map.
  std::vector<unsigned> cids;
  REQUIRE(cff_glyph_cids(subset.file, cids));
  CHECK(cids == std::vector<unsigned>{0, 1, 2, 3});
  // Only the glyphs asked for: 健 has variants in the font's variation-sequence map, which a
  // subset planned from the character map would carry along undrawn (Japanese: 82 glyphs, 14 KB).
  const FontFace::Subset one = face.subset({face.glyph(U'健')});
  REQUIRE(cff_glyph_cids(one.file, cids));
  CHECK(cids.size() == 2);  // .notdef and 健
  CHECK_FALSE(cff_glyph_cids("not a CFF table", cids));
  std::string not_cff = "not a CFF table";
  CHECK_FALSE(cff_number_cids_by_glyph(not_cff));
  CHECK(not_cff == "not a CFF table");
}

TEST_CASE("Noto Sans CJK's regional faces are found in their collections as fontconfig finds them") {
  for (const char* region : {"JP", "KR", "SC", "TC", "HK"}) {
    const std::string family = std::string("Noto Sans CJK ") + region;
    for (const bool bold : {false, true}) {
      CAPTURE(family);
      CAPTURE(bold);
      const SystemFont installed = find_system_font(family, bold, false);
      REQUIRE_FALSE(installed.path.empty());
      CHECK(collection_face_index(installed.path, family) == static_cast<int>(installed.index));
    }
  }
  const std::string regular = find_system_font("Noto Sans CJK SC", false, false).path;
  CHECK(collection_face_index(regular, "Noto Sans CJK") == -1);  // a family, not a prefix
  CHECK(collection_face_index(regular, "Noto Serif CJK SC") == -1);
  CHECK(collection_face_index("/nonexistent.ttc", "Noto Sans CJK SC") == -1);
}

TEST_CASE("Noto Sans CJK's regional faces share their glyphs: one embedded font serves them all") {
  FontSet set;
  const auto families = test::load_families(set, {"Noto Sans CJK JP", "Noto Sans CJK SC", "Noto Sans"});
  const FontFace& jp = set.face(set.face_id(families[0], FaceStyle::Regular));
  const FontFace& sc = set.face(set.face_id(families[1], FaceStyle::Regular));
  const FontFace& sc_bold = set.face(set.face_id(families[1], FaceStyle::Bold));
  const FontFace& latin = set.face(set.face_id(families[2], FaceStyle::Regular));
  CHECK(jp.path() != sc.path());  // two faces of one collection ...
  CHECK(jp.glyphs_key() == sc.glyphs_key());  // ... drawing from one CFF table
  CHECK(sc_bold.glyphs_key() != sc.glyphs_key());
  CHECK(latin.glyphs_key() != sc.glyphs_key());
  // The same character may still be a different glyph in each: 直 differs between Japan and China.
  CHECK(jp.glyph(U'直') != sc.glyph(U'直'));
}

namespace {

// `text` set at 12 pt in the first installed family, `width` wide, on a page of that direction.
std::vector<SetLine> set_12pt(const std::string& text, const std::string& lang, double width, bool rtl_page) {
  TextStyle st{0, 12, 18, {}};
  Span span;
  span.text = text;
  Diagnostics d;
  ParagraphOptions o;
  o.rtl = rtl_page;
  return set_paragraph({span}, inline_styles(st, FamilyFaces{0, 0, 0, 0}, Color{}), width, installed(), lang, {}, d, o);
}

}  // namespace

TEST_CASE("a phone number in a right-to-left paragraph is measured: lines break before they overflow") {
  // The number is isolated left to right inside the paragraph; its width once went unmeasured,
  // so a line ending in a phone number ran past its column by the number's width.
  const std::string sentence = "Llame al (503) 555-0142 para una cita, de lunes a viernes, por la mañana o por la tarde.";
  for (bool rtl : {false, true}) {
    INFO("rtl page: " << rtl);
    const auto alone = set_12pt("(503) 555-0142", "es", 1000, rtl);
    REQUIRE(alone.size() == 1);
    CHECK(alone[0].width > 60);
    const double narrow = 200;
    for (const auto& line : set_12pt(sentence, "es", narrow, rtl)) CHECK(line.width <= narrow + 0.01);
  }
}

TEST_CASE("subsets are kept per face: the same glyphs give the same font, other glyphs their own") {
  const FontFace& noto = face(kNoto);
  const unsigned a = noto.glyph(U'a'), b = noto.glyph(U'b'), c = noto.glyph(U'c');
  const auto first = noto.subset({a, b});
  REQUIRE_FALSE(first.file.empty());
  CHECK(noto.subset({a, b}).file == first.file);  // kept
  const auto other = noto.subset({a, c});          // as many glyphs, not the same ones
  CHECK(other.file != first.file);
  for (char32_t ch = U'd'; ch < U'd' + 20; ++ch) noto.subset({noto.glyph(ch)});  // pushes the first out
  CHECK(noto.subset({a, b}).file == first.file);   // made again, the same bytes
  CHECK(noto.subset({a, c}).codes == other.codes);
}

TEST_CASE("a TrueType subset keeps only the tables a PDF reader draws from, and comes deflated") {
  const FontFace& noto = face(kNoto);
  const auto subset = noto.subset({noto.glyph(U'a'), noto.glyph(U'b')});
  REQUIRE(subset.file.size() > 12);
  std::set<std::string> tables;  // the sfnt table directory: 16 bytes a table from offset 12
  const unsigned count = (static_cast<unsigned char>(subset.file[4]) << 8) | static_cast<unsigned char>(subset.file[5]);
  for (unsigned i = 0; i < count && 12 + 16 * i + 4 <= subset.file.size(); ++i) tables.insert(subset.file.substr(12 + 16 * i, 4));
  CHECK(tables == std::set<std::string>{"glyf", "head", "hhea", "hmtx", "loca", "maxp"});
  std::string inflated;
  REQUIRE(inflate_zlib(subset.deflated, subset.file.size(), inflated));
  CHECK(inflated == subset.file);
}

TEST_CASE("a phone number with no-break spaces stays one left-to-right run in a right-to-left line") {
  const auto lines = set_12pt("اتصل برقم (503)\u00A0555-0142.", "ar", 1000, true);
  REQUIRE(lines.size() == 1);
  bool whole = false;
  for (const auto& run : lines[0].runs) whole = whole || run.text == "(503)\u00A0555-0142";
  CHECK(whole);  // split at the space, its two parts would read "555-0142 (503)" right to left
}

TEST_CASE("shaped runs are kept by what HarfBuzz saw: the same run in the same context, same glyphs") {
  const FontFace& noto = face(kNoto);
  const std::u32string text = U"Call the office today.";
  const auto first = noto.shape(text, 5, 15, false, "en");
  const auto again = noto.shape(text, 5, 15, false, "en");  // from the cache
  REQUIRE(first.size() == again.size());
  for (std::size_t i = 0; i < first.size(); ++i) {
    CHECK(again[i].id == first[i].id);
    CHECK(again[i].cluster == first[i].cluster);
    CHECK(again[i].advance == first[i].advance);
  }
  // Elsewhere in another text with the same context: clusters follow the run.
  const auto moved = noto.shape(U">> Call the office today.", 8, 18, false, "en");
  REQUIRE(moved.size() == first.size());
  CHECK(moved.front().cluster == first.front().cluster + 3);
  // Context is part of what was seen: one Arabic letter shaped alone, then as the end of a
  // word (the same run text, another joining form).
  const FontFace& arabic = face(kArabic);
  const std::u32string beh = U"\u0628\u0628";
  const auto isolated = arabic.shape(beh, 1, 2, true, "ar");
  const auto alone = arabic.shape(U"\u0628", 0, 1, true, "ar");
  REQUIRE(isolated.size() == 1);
  REQUIRE(alone.size() == 1);
  CHECK(isolated[0].id != alone[0].id);  // final form, not the isolated one
}
