// Whether each handout of a run is fit for a patient: the checks of src/check/ over the very
// handouts the build makes (run_handouts), with the build's own diagnostics. `handout check`
// prints them; `build --check` and the catalogue page use them after a build.
#pragma once
#include <string>
#include <vector>

#include "build/check_report.h"

namespace handout {

class RunContext;
class Languages;

/// Every handout of the run, in the build's order, then what each language leaves out (on the
/// record of the first language that has the article), at `target_grade`. With `layout`, each
/// handout is also laid out as the build does, for what only layout finds (characters no font
/// covers, content that does not fit).
std::vector<HandoutCheck> check_handouts(const RunContext& run, Languages& langs, double target_grade, bool layout);

/// One handout's check as `build --check` makes it (not laid out again): its reading level,
/// findings and the article's front matter, at the config's target grade.
HandoutCheck check_handout(const RunContext& run, Languages& langs, const std::string& lang, const std::string& article);

}  // namespace handout
