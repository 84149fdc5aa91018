// Whether a translation is up to date with its source: the block hashes its front matter
// recorded (`source:`) against the source article as it is now (translate/align.h).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "build/article_input.h"
#include "build/run_context.h"
#include "translate/align.h"
#include "translate/units.h"

namespace handout {

/// A translation's source article as it is now, and its units.
struct SourceState {
  std::string path;  ///< content/<language>/<article>.md of the source
  Article article;
  std::vector<translate::Unit> units;
  translate::Alignment alignment;  ///< the recorded hashes against `units`
};

/// The source of the translation `meta` (its `source:` record): false (with `problem` set) when
/// it has none or the source cannot be read.
bool source_state(const RunContext& run, const ArticleMeta& meta, SourceState& out, std::string& problem);

/// The current units' hashes.
std::vector<std::string> unit_hashes(const std::vector<translate::Unit>& units);

/// True when `meta` records a source that changed since (false when it records none).
bool is_outdated(const RunContext& run, const ArticleMeta& meta);

/// A warning at the translation's `source:` when its source changed since it was made, naming
/// the blocks that changed (by their place in the source); nothing when it is up to date or
/// records no source.
std::optional<Diagnostic> outdated_translation(const RunContext& run, const ArticleMeta& meta);

}  // namespace handout
