// Splitting a build into shards: the parse, and a split that is whole, disjoint and even.
#include <doctest/doctest.h>

#include <numeric>

#include "job/shard.h"

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

TEST_CASE("shards split by cost: every item once, loads even, the same answer every time") {
  std::vector<double> costs;
  for (int i = 0; i < 200; ++i) costs.push_back(1000 + (i * 7919) % 3000);  // articles of uneven size
  const auto owner = assign_shards(costs, 4);
  CHECK(owner == assign_shards(costs, 4));
  std::vector<double> load(4, 0);
  for (std::size_t i = 0; i < costs.size(); ++i) {
    REQUIRE((owner[i] >= 0 && owner[i] < 4));
    load[owner[i]] += costs[i];
  }
  const double total = std::accumulate(costs.begin(), costs.end(), 0.0);
  for (double l : load) CHECK(l == doctest::Approx(total / 4).epsilon(0.02));
  CHECK(assign_shards(costs, 1) == std::vector<int>(costs.size(), 0));
}

}  // namespace
}  // namespace handout
