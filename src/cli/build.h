// One run of `handout build`: every (language, article) pair the config asks for.
#pragma once
#include <iosfwd>
#include <string>
#include <vector>

#include "build/build_handouts.h"
#include "build/build_report.h"
#include "build/run_context.h"
#include "cli/exit_code.h"

namespace handout {

/// What the command line asked for; empty fields mean "as the config says". The run's
/// request (config, languages, articles, layout, folders, patients) and how handouts are
/// built (stats, layout dumps, threads) are the engine's; the rest is this command's.
struct BuildOptions : RunRequest, BuildSettings {
  ReportStyle report_style = ReportStyle::Lines;  ///< a line per handout, a status line, or quiet
  std::string report_path;    ///< also write the JSON report here
  std::string shard;          ///< "K/N": build only shard K of N (empty: everything)
  bool force = false;         ///< rebuild handouts that are up to date
  bool explain = false;       ///< say why each handout built was not up to date
  bool prune = false;         ///< remove PDFs that belong to no handout of the build
  bool check = false;         ///< after the build, a `handout check` summary line per handout
  bool index = false;         ///< also write <out>/index.html, the catalogue page with thumbnails
  std::string email_out;      ///< write each visit's message as <email_out>/<visit id>.eml
  bool send = false;          ///< send each visit's message over SMTP (the config's email.smtp)
  bool dry_run = false;       ///< say what would be sent or written, and send and write no message
  std::vector<std::string> resend;  ///< visit ids whose message is sent again (in doubt, changed)
};

/// Runs the build; progress goes to `out`, diagnostics to `err`. Returns an ExitCode.
int run_build(const BuildOptions& options, std::ostream& out, std::ostream& err);

}  // namespace handout
