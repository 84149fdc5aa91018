// Figures about a laid-out flow for --stats and tests, and the warnings they lead to.
#pragma once
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "layout/compose.h"
#include "layout/layout_types.h"

namespace handout {

/// Adds the figures of one frame sequence to `stats`: lines, hyphens, spaces, widows, orphans.
void count_stats(const Flow& flow, const std::vector<std::vector<PlacedBox>>& frames, int min_lines,
                 LayoutStats& stats);

/// Warns about justified lines that could not be filled within the space limit, naming page and line.
void warn_loose_lines(const Flow& flow, const std::vector<std::vector<PlacedBox>>& frames,
                      const std::vector<FrameArea>& areas, const std::string& file, Diagnostics& diags);

}  // namespace handout
