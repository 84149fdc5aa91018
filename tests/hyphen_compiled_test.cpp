// The compiled pattern files the build makes (tools/hyphen_compile.cpp): they must hyphenate
// exactly as libhyphen does with the pattern file itself, and be ignored once that file changes.
#include <doctest/doctest.h>

#include <fcntl.h>
#include <sys/stat.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <set>

#include "test_support.h"
#include "text/hyphenation.h"
#include "util/text.h"
#include "util/utf8.h"

using namespace handout;

namespace {

// The first pattern file Debian has for `lang`.
std::string pattern_file(const std::string& lang) {
  for (const auto& p : Hyphenator::pattern_files(lang))
    if (is_file(p)) return p;
  return "";
}

bool write_file(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
  return static_cast<bool>(out.flush());
}

// A fixed pseudo-random sequence (the sample is the same on every run and machine).
struct Lcg {
  std::uint64_t state;
  std::uint32_t next() {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::uint32_t>(state >> 33);
  }
};

// Words in the pattern file's own charset that reach deep into its state machine: each
// pattern's letters alone ("a1b2c" -> "abc", word-edge dots dropped), and 4,000 words glued
// from two to four of them at random, so matches overlap and fall back between states.
std::vector<std::string> pattern_words(const std::string& dic_path, std::size_t glued) {
  std::string text;
  REQUIRE(read_file(dic_path, text));
  std::vector<std::string> pieces;
  std::size_t line_no = 0;
  for (std::size_t at = 0; at < text.size();) {
    std::size_t end = text.find('\n', at);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(at, end - at);
    at = end + 1;
    if (line_no++ == 0 || line.empty() || line[0] == '%') continue;  // the charset line, comments
    if (line.starts_with("LEFTHYPHENMIN") || line.starts_with("RIGHTHYPHENMIN") || line.starts_with("COMPOUND") ||
        line.starts_with("NOHYPHEN") || line.starts_with("NEXTLEVEL"))
      continue;
    line = line.substr(0, line.find('/'));  // non-standard hyphenation: the pattern part
    std::string letters;
    for (char c : line)
      if (!(c >= '0' && c <= '9') && c != '.' && c != '\r' && c != ' ' && c != '\t') letters.push_back(c);
    if (!letters.empty()) pieces.push_back(letters);
  }
  REQUIRE(pieces.size() > 100);
  std::set<std::string> words(pieces.begin(), pieces.end());
  Lcg rng{dic_path.size()};
  while (words.size() < pieces.size() + glued) {
    std::string w;
    const int n = 2 + static_cast<int>(rng.next() % 3);
    for (int i = 0; i < n; ++i) w += pieces[rng.next() % pieces.size()];
    if (w.size() <= 60) words.insert(w);
  }
  return {words.begin(), words.end()};
}

// The article words of a shipped language (UTF-8), when there are any.
std::vector<std::u32string> article_words(const std::string& lang) {
  std::vector<std::u32string> out;
  std::error_code ec;
  const std::string dir = test::source_dir() + "/content/" + lang;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    if (e.path().extension() != ".md") continue;
    std::string text;
    if (!read_file(e.path().string(), text)) continue;
    const auto chars = utf8_decode(text);
    for (std::size_t i = 0; i < chars.size();) {
      std::size_t j = i;
      while (j < chars.size() && is_letter(chars[j])) ++j;
      if (j > i) out.push_back(chars.substr(i, j - i));
      i = j + 1;
    }
  }
  return out;
}

}  // namespace

TEST_CASE("compiled pattern files hyphenate exactly as libhyphen does with the pattern file") {
  REQUIRE_FALSE(Hyphenator::compiled_dirs().empty());
  std::size_t total = 0;
  for (const std::string lang : {"de", "nl", "fr", "es", "pt-BR", "pt-PT", "ru", "en-US", "en-GB", "it"}) {
    CAPTURE(lang);
    const std::string path = pattern_file(lang);
    REQUIRE_MESSAGE(!path.empty(), "Debian's hyphen package for ", lang, " (scripts/install-deps.sh)");
    auto compiled = Hyphenator::open(path, Hyphenator::compiled_dirs());
    auto plain = Hyphenator::open(path, {});
    REQUIRE(compiled);
    REQUIRE(plain);
    CAPTURE(compiled->fallback_reason());
    REQUIRE(compiled->compiled());  // the build made it from this very file
    REQUIRE_FALSE(plain->compiled());
    // Everything libhyphen answers (digit vectors, non-standard replacements, both hyphenmin
    // variants), for words in the file's own charset...
    const auto words = pattern_words(path, 4000);
    std::size_t differ = 0;
    for (const auto& w : words) {
      const std::string a = compiled->libhyphen_answer(w, true), b = plain->libhyphen_answer(w, true);
      if (a != b && ++differ <= 5) CHECK_MESSAGE(a == b, "word bytes: ", w);
    }
    CHECK(differ == 0);
    // ...and the hyphenation points a handout uses, for real words where the language has articles.
    std::size_t article = 0;
    for (const auto& w : article_words(lang == "en-US" ? "en" : lang)) {
      ++article;
      CHECK(compiled->points(w) == plain->points(w));
    }
    MESSAGE(lang << ": " << words.size() << " pattern words and " << article << " article words compared");
    total += words.size() + article;
  }
  CHECK(total > 100000);
}

TEST_CASE("a compiled file is used only for the pattern file it was made from, by content") {
  namespace fs = std::filesystem;
  const std::string dir = test::scratch_dir("hyphen_compiled");
  fs::create_directories(dir + "/patterns");
  fs::create_directories(dir + "/compiled");
  const std::string dic = dir + "/patterns/hyph_es_ES.dic";
  std::string text;
  REQUIRE(read_file(pattern_file("es"), text));
  REQUIRE(write_file(dic, text));
  std::string error;
  REQUIRE_MESSAGE(compile_patterns(dic, dir + "/compiled/hyph_es_ES.hyb", error), error);
  const std::vector<std::string> dirs{dir + "/compiled"};
  const auto word = utf8_decode("penetración");
  {
    auto h = Hyphenator::open(dic, dirs);
    REQUIRE(h);
    CHECK(h->compiled());
    CHECK(h->fallback_reason().empty());
  }
  // Other patterns of the same size and modification time ("1n" -> "3n"): a check of size and
  // time would take the compiled file; the content hash does not.
  struct stat before {};
  REQUIRE(::stat(dic.c_str(), &before) == 0);
  auto at = text.find("1n");
  REQUIRE(at != std::string::npos);
  text[at] = '3';
  REQUIRE(write_file(dic, text));
  const struct timespec times[2] = {before.st_atim, before.st_mtim};
  REQUIRE(::utimensat(AT_FDCWD, dic.c_str(), times, 0) == 0);
  struct stat after {};
  REQUIRE(::stat(dic.c_str(), &after) == 0);
  REQUIRE(after.st_size == before.st_size);
  REQUIRE(after.st_mtim.tv_sec == before.st_mtim.tv_sec);
  REQUIRE(after.st_mtim.tv_nsec == before.st_mtim.tv_nsec);
  {
    auto h = Hyphenator::open(dic, dirs);
    REQUIRE(h);
    CHECK_FALSE(h->compiled());
    CHECK(h->fallback_reason().find("made from other patterns") != std::string::npos);
    auto plain = Hyphenator::open(dic, {});
    CHECK(h->points(word) == plain->points(word));
  }
  // A damaged compiled file (cut short) is never used.
  REQUIRE(compile_patterns(dic, dir + "/compiled/hyph_es_ES.hyb", error));
  std::string hyb;
  REQUIRE(read_file(dir + "/compiled/hyph_es_ES.hyb", hyb));
  REQUIRE(write_file(dir + "/compiled/hyph_es_ES.hyb", hyb.substr(0, hyb.size() - 7)));
  {
    auto h = Hyphenator::open(dic, dirs);
    REQUIRE(h);
    CHECK_FALSE(h->compiled());
    CHECK(h->fallback_reason().find("cannot be read") != std::string::npos);
  }
  // Cut anywhere, it is refused, never a crash.
  for (std::size_t cut = 0; cut < hyb.size(); cut += 97) {
    REQUIRE(write_file(dir + "/compiled/hyph_es_ES.hyb", hyb.substr(0, cut)));
    auto h = Hyphenator::open(dic, dirs);
    REQUIRE(h);
    CHECK_FALSE(h->compiled());
  }
  fs::remove_all(dir);
}
