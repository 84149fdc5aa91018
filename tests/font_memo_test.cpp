// Font memos (src/fonts/font_memo.h, src/job/font_memo_file.h): a handout's shaped runs and
// subsets kept between builds read back exactly; while a memo is current, shaping and
// subsetting take what it holds and record all they return; a memo is used only for the same
// face file, binary and HarfBuzz.
#include <doctest/doctest.h>

#include <sys/stat.h>
#include <utime.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <thread>

#include "deflate/deflate.h"
#include "fonts/font_face.h"
#include "job/font_memo_file.h"
#include "test_support.h"
#include "util/text.h"

namespace handout {
namespace {

using namespace std::string_literals;

const char* const kNotoSans = "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf";

FontMemo::Contents sample() {
  FontMemo::Contents memo;
  memo.runs["face A\0run one"s] = {{36, 0, 612, 0, 0, false}, {1234567, 1, -75, -300, 2147483647, true}};
  memo.runs[std::string("face B\0\xff\x80 r\xc3\xa9", 12)] = {{0, 4, -2147483647 - 1, 1, -1, false}};
  memo.runs["no glyphs"] = {};
  memo.subsets["face A\0s\x01\x02"s] = {true, {1, 2, 70000}, std::string("\x78\x9c\0 binary", 10), 123456};
  memo.subsets["face B"] = {false, {}, "", 0};
  return memo;
}

// A copy of Noto Sans in a scratch folder, to give it another time.
std::string font_copy(const std::string& dir) {
  std::string bytes;
  REQUIRE(read_file(kNotoSans, bytes));
  const std::string path = dir + "/NotoSans-Regular.ttf";
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

}  // namespace

TEST_CASE("font memo: runs and subsets read back exactly, negative offsets and the extremes included") {
  const FontMemo::Contents memo = sample();
  FontMemo::Contents back;
  REQUIRE(parse_font_memo_runs(font_memo_runs_bytes(memo), back));
  REQUIRE(parse_font_memo_subsets(font_memo_subsets_bytes(memo), back));
  CHECK(back == memo);
  CHECK(font_memo_runs_bytes(memo) == font_memo_runs_bytes(back));  // the same memo, the same bytes
  // The file: the stamp that wrote it only.
  const std::string text = font_memo_text(memo, "handout 1.0 123 456 HarfBuzz 6.0.0");
  CHECK(parse_font_memo(text, "handout 1.0 123 456 HarfBuzz 6.0.0", back));
  CHECK(back == memo);
  CHECK_FALSE(parse_font_memo(text, "handout 1.0 123 456 HarfBuzz 7.0.0", back));
  CHECK(back == FontMemo::Contents{});
}

TEST_CASE("font memo: every truncation and every altered byte of a memo file is refused whole") {
  const std::string stamp = "s";
  const std::string text = font_memo_text(sample(), stamp);
  FontMemo::Contents back;
  for (std::size_t n = 0; n < text.size(); ++n) {
    CHECK_FALSE(parse_font_memo(text.substr(0, n), stamp, back));
    std::string altered = text;
    altered[n] = static_cast<char>(altered[n] ^ 0x21);
    CHECK_FALSE(parse_font_memo(altered, stamp, back));
  }
  CHECK(back == FontMemo::Contents{});
  // The readers themselves, without the file's checksum, refuse what does not parse.
  const std::string runs = font_memo_runs_bytes(sample()), subsets = font_memo_subsets_bytes(sample());
  CHECK_FALSE(parse_font_memo_runs(runs.substr(0, runs.size() - 1), back));
  CHECK(back.runs.empty());
  CHECK_FALSE(parse_font_memo_runs(runs + runs, back));  // every run twice
  CHECK_FALSE(parse_font_memo_runs(std::string("\x01k\xff\xff\xff\xff\x0f", 7), back));  // four billion glyphs
  CHECK_FALSE(parse_font_memo_runs(std::string("\x02k", 2), back));  // a key longer than what follows its length
  CHECK_FALSE(parse_font_memo_subsets(std::string("\x02k", 2), back));
  CHECK_FALSE(parse_font_memo_subsets(subsets.substr(0, subsets.size() - 1), back));
  CHECK_FALSE(parse_font_memo_subsets(subsets + subsets, back));
  CHECK(back.subsets.empty());
}

TEST_CASE("font memo: shaping records every run, and takes the runs of an earlier build from it") {
  std::string error;
  const auto first = FontFace::load(kNotoSans, error);
  REQUIRE(first);
  const std::u32string text = U"Office hours: Monday to Friday.";
  FontMemo memo;
  std::vector<ShapedGlyph> shaped;
  {
    FontMemo::Use use(&memo);
    shaped = first->shape(text, 0, 6, false, "en");
    first->shape(text, 7, 12, false, "en");
    first->shape(text, 0, 6, false, "en");  // once in the memo
  }
  REQUIRE(memo.used().runs.size() == 2);
  CHECK(memo.changed());
  CHECK(FontMemo::current() == nullptr);  // only while in use
  // Another build of it: a face just loaded (nothing shaped yet) takes the runs from the memo,
  // here with every glyph id changed to show it does not ask HarfBuzz.
  FontMemo::Contents earlier = memo.used();
  for (auto& [key, glyphs] : earlier.runs)
    for (auto& g : glyphs) g.id += 1000;
  const auto again = FontFace::load(kNotoSans, error);
  FontMemo next(earlier);
  std::vector<ShapedGlyph> from_memo;
  {
    FontMemo::Use use(&next);
    from_memo = again->shape(text, 0, 6, false, "en");
    again->shape(text, 7, 12, false, "en");
  }
  REQUIRE(from_memo.size() == shaped.size());
  for (std::size_t i = 0; i < shaped.size(); ++i) {
    CHECK(from_memo[i].id == shaped[i].id + 1000);
    CHECK(from_memo[i].cluster == shaped[i].cluster);
    CHECK(from_memo[i].advance == shaped[i].advance);
  }
  CHECK_FALSE(next.changed());  // the same runs as before: nothing to save
  // A memo is per thread: another thread shapes without it.
  std::thread([&] { CHECK(FontMemo::current() == nullptr); }).join();
}

TEST_CASE("font memo: a font file with another time is another face, whose runs are shaped anew") {
  const std::string dir = test::scratch_dir("memo-font");
  const std::string path = font_copy(dir);
  std::string error;
  const std::u32string text = U"Pelvic floor";
  FontMemo memo;
  {
    const auto face = FontFace::load(path, error);
    REQUIRE(face);
    FontMemo::Use use(&memo);
    face->shape(text, 0, text.size(), false, "en");
  }
  FontMemo::Contents forged = memo.used();
  for (auto& [key, glyphs] : forged.runs) glyphs.assign(1, RawGlyph{7, 0, 100, 0, 0, false});
  struct utimbuf older {1700000000, 1700000000};
  REQUIRE(::utime(path.c_str(), &older) == 0);  // the clinic replaced its font
  const auto changed = FontFace::load(path, error);
  FontMemo next(forged);
  FontMemo::Use use(&next);
  CHECK(changed->shape(text, 0, text.size(), false, "en").front().id != 7);  // HarfBuzz's, not the forged one
  CHECK(next.changed());
  std::remove(path.c_str());
  ::rmdir(dir.c_str());
}

TEST_CASE("font memo: a subset made once is taken from the memo, the same font, without hb-subset") {
  std::string error;
  const auto face = FontFace::load(kNotoSans, error);
  REQUIRE(face);
  const std::vector<unsigned> glyphs{36, 37, 68};
  FontMemo memo;
  FontFace::Subset made;
  {
    FontMemo::Use use(&memo);
    made = face->subset(glyphs);
  }
  REQUIRE(memo.used().subsets.size() == 1);
  // Another build: a memo whose subset is a tiny stand-in shows the face took it from there.
  FontMemo::Contents earlier = memo.used();
  const std::string stand_in = "a stand-in font file";
  earlier.subsets.begin()->second.deflated = deflate_zlib(stand_in, 6);
  const auto again = FontFace::load(kNotoSans, error);
  FontMemo next(earlier);
  FontMemo::Use use(&next);
  const FontFace::Subset kept = again->subset(glyphs);
  CHECK(kept.deflated == deflate_zlib(stand_in, 6));  // the memo's font, not a new subset
  CHECK(kept.file.empty());                           // not inflated: the PDF needs its length only
  CHECK(kept.file_size == made.file_size);
  CHECK(kept.codes == made.codes);
  CHECK(kept.cff == made.cff);
  CHECK_FALSE(next.changed());
  CHECK_FALSE(again->subset({36, 37}).file.empty());  // other glyphs: made anew, and noted
  CHECK(next.changed());
}

TEST_CASE("font memo files: kept per handout in the output folder, written only when they change") {
  const std::string out = test::scratch_dir("memo-out");
  FontMemo memo(sample());
  save_font_memo(out, "en/a", memo);  // used nothing this build: differs from what it loaded
  const std::string file = out + "/.handout-cache/fonts/en/a";
  struct stat st {};
  REQUIRE(::stat(file.c_str(), &st) == 0);
  CHECK(load_font_memo(out, "en/a").find_run("face A\0run one"s) == nullptr);  // it kept what this build used: nothing
  FontMemo used;
  for (const auto& [key, glyphs] : sample().runs) used.record_run(key, glyphs);
  for (const auto& [key, subset] : sample().subsets) used.record_subset(key, subset);
  save_font_memo(out, "en/a", used);
  const FontMemo loaded = load_font_memo(out, "en/a");
  REQUIRE(loaded.find_run("face A\0run one"s) != nullptr);
  CHECK(*loaded.find_run("face A\0run one"s) == sample().runs.at("face A\0run one"s));
  REQUIRE(loaded.find_subset("face B") != nullptr);
  CHECK(load_font_memo(out, "es/a").find_run("face A\0run one"s) == nullptr);  // another handout's
  std::system(("rm -rf '" + out + "'").c_str());
}

}  // namespace handout
