// Splitting a build across machines: `--shard K/N` builds a deterministic 1/N of the handouts,
// balanced by expected cost, so N machines given the same inputs build disjoint parts whose
// union is the whole build.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

namespace handout {

/// Shard K of N (1-based); N = 1 is the whole build.
struct Shard {
  int index = 1, count = 1;
};

/// Parses "K/N" (1 <= K <= N <= 10000); false with `error` otherwise.
bool parse_shard(const std::string& text, Shard& out, std::string& error);

/// Which shard (0-based) builds each item, given each item's expected cost: the costliest
/// first, each to the shard with the least cost so far (ties: the lowest shard; equal costs:
/// the earlier item), so every shard computes the same answer and the loads stay even.
std::vector<int> assign_shards(const std::vector<double>& costs, int count);

}  // namespace handout
