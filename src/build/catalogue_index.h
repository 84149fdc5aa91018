// `build --index`: the catalogue page <out>/index.html and its thumbnails, after a build.
#pragma once
#include <iosfwd>
#include <string>
#include <vector>

#include "build/build_report.h"

namespace handout {

class RunContext;
class Languages;

/// One handout of the build, as the catalogue lists it.
struct IndexedHandout {
  HandoutRecord record;      ///< its outcome: failed ones are left out
  std::string stem;          ///< its file in the output folder without ".pdf"
  std::string content_lang;  ///< the language whose article it prints (another on fallback)
};

/// Writes <out>/index.html listing `handouts`, and <out>/thumbnails/<stem>.png for each one
/// written in this run or whose thumbnail is missing or older than its PDF. Prints a line
/// (unless `quiet`) to `out` and problems to `err`; false when the page could not be written.
bool write_catalogue_index(const RunContext& run, Languages& langs, const std::vector<IndexedHandout>& handouts,
                           bool quiet, std::ostream& out, std::ostream& err);

}  // namespace handout
