// One run of `handout check`: is each (language, article) handout fit for a patient? Also the
// one-line summaries `handout build --check` prints after a build.
#pragma once
#include <iosfwd>
#include <string>
#include <vector>

namespace handout {

class RunContext;

/// What the command line asked for; empty fields mean "as the config says".
struct CheckOptions {
  std::string config_path = "handout.yaml";
  std::vector<std::string> languages;
  std::vector<std::string> articles;
  bool json = false;         ///< --format json (else a readable table per handout)
  bool strict = false;       ///< exit 1 when a handout is over its target grade or has an error
  double target_grade = 0;   ///< --target-grade; 0: the config's check.target_grade
};

/// Checks every handout the config (and options) name; the report goes to `out`, config
/// errors to `err`. Returns an ExitCode: 0, 1 (only with `strict`: some handout failed), 2.
int run_check(const CheckOptions& options, std::ostream& out, std::ostream& err);

/// `build --check`: one summary line per handout of the run just built (its layout problems
/// were already printed by the build, so the handouts are not laid out again).
void print_check_summaries(const RunContext& run, std::ostream& out);

}  // namespace handout
