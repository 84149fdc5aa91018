// Splitting a build into shards: the parse, and a split that is whole, disjoint, stable and even.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "build/shard.h"

namespace handout {
namespace {

TEST_CASE("--shard K/N is parsed and checked") {
  Shard s;
  std::string error;
  CHECK(parse_shard("2/4", s, error));
  CHECK((s.index == 2 && s.count == 4));
  for (const char* bad : {"0/3", "4/3", "3", "a/b", "1/0", "-1/2", "1/100000", "1/2/3", ""}) {
    INFO(bad);
    CHECK_FALSE(parse_shard(bad, s, error));
  }
  CHECK(error == "invalid --shard '' (expected K/N with 1 <= K <= N, e.g. 2/4)");
}

TEST_CASE("shards split by name: every handout once, the same answer whatever else changes, roughly even") {
  // 200 articles x 8 languages x 2 layouts, as a catalogue.
  const char* langs[] = {"en", "es", "zh-Hans", "vi", "ko", "ru", "ar", "fr"};
  std::vector<int> count(4, 0);
  for (int a = 0; a < 200; ++a)
    for (const char* lang : langs)
      for (const char* layout : {"letter", "large-print"}) {
        const std::string article = "article-" + std::to_string(a);
        const int owner = shard_of(lang, article, layout, 4);
        REQUIRE((owner >= 0 && owner < 4));
        CHECK(owner == shard_of(lang, article, layout, 4));  // nothing but the three names decides
        ++count[owner];
        CHECK(shard_of(lang, article, layout, 1) == 0);
      }
  for (int c : count) CHECK(c == doctest::Approx(3200 / 4).epsilon(0.1));
  const bool all_alike = shard_of("en", "a", "letter", 7) == shard_of("en", "b", "letter", 7) &&
                         shard_of("en", "a", "letter", 7) == shard_of("en", "c", "letter", 7);
  CHECK_FALSE(all_alike);
}

}  // namespace
}  // namespace handout
