// Building the planned handouts: each laid out, rendered, encrypted when it is a patient's, and
// written; on the run's threads, reported in the plan's order.
#pragma once
#include <iosfwd>
#include <vector>

#include "build/build_report.h"
#include "build/manifest.h"
#include "build/plan.h"
#include "config/types.h"

namespace handout {

class RunContext;

/// How the handouts are built.
struct BuildSettings {
  bool stats = false;         ///< a line of layout figures per handout
  bool debug_layout = false;  ///< also write <article>.layout.txt beside each PDF
  int jobs = 0;               ///< handouts built at once (0: one per core)
};

/// How many handouts of each outcome.
struct Tally {
  int written = 0, current = 0, failed = 0;
};

/// Builds the tasks that are not up to date on the run's threads (each catalogue handout's
/// record appended to `manifest` as it is written; null for personal copies) and reports each,
/// in order, its language's diagnostics after its last handout; returns their records for the
/// JSON report. `taglines` (assistance_taglines) are made before the threads start.
std::vector<HandoutRecord> build_all(Tasks& tasks, const RunContext& run, const BuildSettings& settings,
                                     const std::vector<Tagline>& taglines, ManifestWriter* manifest,
                                     ProgressReport& progress, std::ostream& err, Tally& tally);

}  // namespace handout
