// Splitting a build across machines: `--shard K/N` builds a deterministic 1/N of the handouts,
// chosen by a hash of what names each handout, so N machines build disjoint parts whose union
// is the whole build whatever the inputs do between one shard and the next.
#pragma once
#include <string>

namespace handout {

/// Shard K of N (1-based); N = 1 is the whole build.
struct Shard {
  int index = 1, count = 1;
};

/// Parses "K/N" (1 <= K <= N <= 10000); false with `error` otherwise.
bool parse_shard(const std::string& text, Shard& out, std::string& error);

/// Which shard (0-based) of `count` builds the handout of `language`, `article` and `layout`: a
/// hash of the three, so no change to any input moves a handout to another shard.
int shard_of(const std::string& language, const std::string& article, const std::string& layout, int count);

}  // namespace handout
