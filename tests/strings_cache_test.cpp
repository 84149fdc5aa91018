// The output folder's cache of parsed strings files (src/job/strings_cache.h): a file whose
// bytes are known is not parsed again and reads the same; a changed file, a damaged or foreign
// cache, and a file with problems are parsed (and their problems reported) every time.
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <string>

#include "job/strings_cache.h"
#include "test_support.h"
#include "util/text.h"

namespace handout {
namespace {

void write(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

std::string shipped_english() {
  std::string text;
  REQUIRE(read_file(std::string(HANDOUT_SOURCE_DIR) + "/content/en/strings.yaml", text));
  return text;
}

Strings sample() {
  Strings s;
  s.labels["contact_us"] = "Contact us";
  s.labels["multi"] = "two\nlines with 12 spaces and ünïcödé";
  s.labels["empty"] = "";
  s.months = {"Jan", "F e b"};
  s.language_names["ar"] = "العربية";
  return s;
}

}  // namespace

TEST_CASE("strings cache: the text of its entries reads back the same, and only by the binary that wrote it") {
  const std::map<std::uint64_t, Strings> entries{{0x0123456789abcdefULL, sample()}, {42, Strings{}}};
  const std::string text = strings_cache_text(entries, "handout 1.0 123 456");
  std::map<std::uint64_t, Strings> back;
  REQUIRE(parse_strings_cache(text, "handout 1.0 123 456", back));
  CHECK(back == entries);
  CHECK_FALSE(parse_strings_cache(text, "handout 1.0 123 457", back));  // rebuilt binary
  CHECK(back.empty());
  CHECK_FALSE(parse_strings_cache(text, "", back));
}

TEST_CASE("strings cache: a truncated, altered or foreign cache text is refused whole") {
  const std::map<std::uint64_t, Strings> entries{{7, sample()}};
  const std::string text = strings_cache_text(entries, "bin");
  std::map<std::uint64_t, Strings> back;
  for (std::size_t n = 0; n < text.size(); ++n) {
    CAPTURE(n);
    CHECK_FALSE(parse_strings_cache(text.substr(0, n), "bin", back));
    std::string altered = text;
    altered[n] = static_cast<char>(altered[n] ^ 0x01);
    CHECK_FALSE(parse_strings_cache(altered, "bin", back));
    CHECK(back.empty());
  }
  CHECK_FALSE(parse_strings_cache("handout-strings 2\n" + text.substr(text.find('\n') + 1), "bin", back));
  CHECK_FALSE(parse_strings_cache("not a cache", "bin", back));
}

TEST_CASE("strings cache: a file read in an earlier build is not parsed again; a changed one is") {
  const std::string dir = test::scratch_dir("strings-cache"), path = dir + "/strings.yaml";
  write(path, shipped_english());
  Strings first, second, third;
  Diagnostics d;
  {
    StringsCache cache;
    cache.load(dir);  // nothing kept yet
    REQUIRE(cache.read(path, 1 << 20, first, d));
    CHECK(cache.parsed() == 1);
    cache.save(dir);
  }
  CHECK(is_file(dir + "/.handout-cache/strings"));
  {
    StringsCache cache;
    cache.load(dir);
    REQUIRE(cache.read(path, 1 << 20, second, d));
    CHECK(cache.parsed() == 0);
    CHECK(second == first);
    CHECK(second.get("contact_us") == "Contact us");
    write(path, shipped_english() + "# a comment\n");  // other bytes, the same labels
    REQUIRE(cache.read(path, 1 << 20, third, d));
    CHECK(cache.parsed() == 1);
    CHECK(third == first);
  }
  CHECK(d.items().empty());
}

TEST_CASE("strings cache: a file with a problem is never kept, so every run reports it") {
  const std::string dir = test::scratch_dir("strings-cache"), path = dir + "/strings.yaml";
  write(path, "contact_us: Contact us\n");  // most required labels missing
  for (int run = 0; run < 2; ++run) {
    StringsCache cache;
    cache.load(dir);
    Strings s;
    Diagnostics d;
    CHECK_FALSE(cache.read(path, 1 << 20, s, d));
    CHECK(cache.parsed() == 1);
    CHECK(d.error_count() > 0);
    cache.save(dir);
  }
  Diagnostics d;
  Strings s;
  StringsCache cache;
  CHECK_FALSE(cache.read(dir + "/missing.yaml", 1 << 20, s, d));  // as load_strings: an error, no crash
  CHECK(d.error_count() == 1);
}

}  // namespace handout
