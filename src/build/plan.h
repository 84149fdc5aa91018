// A build's plan: every handout the run makes, in the order of its report, each resolved to
// the content it prints, decided up to date or not before anything is built; one machine's
// share of it (--shard).
#pragma once
#include <cstdint>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "build/build_report.h"
#include "build/incremental.h"
#include "build/language_catalogue.h"
#include "build/manifest.h"
#include "build/shard.h"
#include "config/patients.h"
#include "diag/diagnostic.h"

namespace handout {

class RunContext;

/// One handout to build (or a language that has none), in the order of the report.
struct Task {
  HandoutJob job;
  bool resolved = false;          ///< else `diags` says why it cannot be built
  bool ends_language = false;     ///< its language's diagnostics are printed after it
  Diagnostics diags;
  HandoutRecord record;
  bool up_to_date = false;        ///< its PDF and every input unchanged: not built again
  std::vector<PlannedInput> planned;  ///< what it reads that is known before it is built
  std::optional<ManifestEntry> refreshed;  ///< up to date, its record's racy stamps now trusted
  std::string stem;               ///< its file in the output folder, without ".pdf"
  const PatientVisit* visit = nullptr;  ///< a patient's copy: whose (else a catalogue handout)
  std::uint64_t plain_hash = 0;   ///< a patient's copy: its hash before encryption (which is random)
  bool written = false;           ///< built and written this run
};
using Tasks = std::vector<std::unique_ptr<Task>>;

/// Every (language, article, layout) the run asks for, resolved in order. Every language a
/// handout prints is loaded here, before any handout is built.
Tasks plan(const RunContext& run, Languages& langs);

/// Personal copies: a task per (visit, article), in the visit's language and the main layout.
/// They are always written (each is a visit's own), and never listed in the manifest.
Tasks plan_visits(const RunContext& run, Languages& langs, const std::vector<PatientVisit>& visits);

/// Keeps this machine's share of the tasks (--shard K/N): each handout's shard follows from its
/// language, article and layout alone, so whatever changes between shards (an article growing,
/// a language added) never moves a handout from one shard to another.
void keep_shard(Tasks& tasks, const Shard& shard);

/// What decides whether a handout is built again.
struct Freshness {
  bool force = false;         ///< rebuild handouts that are up to date
  bool debug_layout = false;  ///< a handout whose layout dump is missing is not up to date
  bool explain = false;       ///< say (to `explain`) why each handout built was not up to date
};

/// Decides, before anything is built, what each handout will read (planned_inputs) and marks
/// those whose record says they were built from exactly that, unchanged, by this program (not
/// with `force`, nor when a layout dump is asked for and missing).
void mark_up_to_date(Tasks& tasks, const Manifest& previous, const RunContext& run, const Freshness& freshness,
                     std::ostream& explain);

}  // namespace handout
