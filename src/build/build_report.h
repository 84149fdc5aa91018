// What a build tells its user: one line per handout or an updating status line on a terminal,
// and a JSON report with a record per handout and the totals.
#pragma once
#include <cstddef>
#include <iosfwd>
#include <string>
#include <vector>

namespace handout {

/// What became of a handout in a build.
enum class HandoutStatus {
  Failed,    ///< not written: its diagnostics say why
  Written,   ///< built and written in this run
  UpToDate,  ///< its PDF and every input unchanged: not built again
};

/// The status as the lines and the JSON report say it: "failed", "written", "up to date".
const char* to_string(HandoutStatus status);

/// One handout's outcome.
struct HandoutRecord {
  std::string language, article, layout;
  std::string path;            ///< the PDF (written or not)
  int pages = 0;
  std::size_t bytes = 0;
  double milliseconds = 0;
  HandoutStatus status = HandoutStatus::Failed;
  std::vector<std::string> warnings;  ///< diagnostics about it, as printed
  std::string stats;           ///< --stats line, if asked for
};

/// How the run reports each handout: a line each, one updating status line (a terminal),
/// nothing but problems (--quiet), or a line each for those written (`watch`: what changed).
enum class ReportStyle { Lines, StatusLine, Quiet, Changes };

/// Prints each handout's outcome as it is known, in the build's order.
class ProgressReport {
 public:
  ProgressReport(std::ostream& out, ReportStyle style, std::size_t total);
  /// A handout is done.
  void handout(const HandoutRecord& record);
  /// Diagnostics are about to be printed: the status line makes room for them.
  void before_diagnostics();
  /// The closing summary ("18 handouts written, 0 failed"; up-to-date ones when there are).
  void finish(int written, int up_to_date, int failed);

 private:
  void status();
  std::ostream& out_;
  ReportStyle style_;
  std::size_t total_, done_ = 0;
  double started_ = 0;  // seconds, steady clock
  bool line_shown_ = false;
};

/// The JSON report: {"handouts": [records...], "totals": {...}}.
/// `extra` (",\n  \"name\": value" members, or "") goes after the totals.
std::string report_json(const std::vector<HandoutRecord>& records, double seconds, const std::string& extra = "");

/// A JSON string literal: quotes, backslashes and control characters escaped (UTF-8 passes).
std::string json_string(const std::string& text);

/// "wrote out/en/a.pdf (4 pages, 33 KB, 24 ms)".
std::string wrote_line(const HandoutRecord& record);

}  // namespace handout
