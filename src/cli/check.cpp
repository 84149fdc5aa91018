#include "cli/check.h"

#include <algorithm>
#include <memory>
#include <ostream>

#include "build/check_report.h"
#include "build/handout_check.h"
#include "build/language_catalogue.h"
#include "build/run_context.h"
#include "cli/exit_code.h"

namespace handout {

int run_check(const CheckOptions& opt, std::ostream& out, std::ostream& err) {
  RunRequest request;
  request.config_path = opt.config_path;
  request.languages = opt.languages;
  request.articles = opt.articles;
  Diagnostics diags;
  const std::unique_ptr<RunContext> loaded = load_run(request, diags);
  const bool ok = loaded && decode_logo(*loaded, diags);
  err << diags.to_string();
  if (!ok) return kExitConfigError;
  const RunContext& run = *loaded;
  const double target = opt.target_grade > 0 ? opt.target_grade : run.in.config.check.target_grade;
  Languages langs(run);
  const std::vector<HandoutCheck> checks = check_handouts(run, langs, target, true);
  if (opt.json) out << check_json(checks);
  for (std::size_t i = 0; !opt.json && i < checks.size(); ++i) out << (i ? "\n" : "") << check_text(checks[i]);
  const bool all_passed = std::all_of(checks.begin(), checks.end(), [](const HandoutCheck& c) { return c.passed(); });
  return opt.strict && !all_passed ? kExitSomeFailed : kExitOk;
}

void print_check_summaries(const RunContext& run, std::ostream& out) {
  Languages langs(run);
  for (const HandoutCheck& c : check_handouts(run, langs, run.in.config.check.target_grade, false))
    out << check_summary(c) << "\n";
}

}  // namespace handout
