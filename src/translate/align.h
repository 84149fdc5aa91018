// Which blocks of a source changed since a translation was made: the hashes the translation
// recorded aligned with the source's current ones by sequence (a longest common subsequence),
// so an inserted paragraph is one new block, not a change to every block after it.
#pragma once
#include <string>
#include <vector>

namespace handout::translate {

/// What became of each current unit, and which recorded ones are gone.
struct Alignment {
  /// Per current unit: the index of the recorded hash it equals, else -1 (changed or new).
  std::vector<int> same;
  /// Per current unit that is not the same: the recorded unit it replaces (the one at its place
  /// between the same neighbours), else -1 (a new unit).
  std::vector<int> previous;
  /// Recorded units with no current counterpart (removed from the source).
  std::vector<int> removed;
  /// True when every current unit is the same and none is removed.
  bool unchanged() const;
};

/// Aligns `recorded` (the hashes a translation was made from) with `current`.
Alignment align(const std::vector<std::string>& recorded, const std::vector<std::string>& current);

}  // namespace handout::translate
