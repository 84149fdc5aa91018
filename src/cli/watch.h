// `handout watch`: build once, then rebuild whenever a file the build reads changes.
#pragma once
#include <iosfwd>
#include <set>
#include <string>

#include "cli/build.h"

namespace handout {

/// Builds as `handout build` with `options` would, then watches the config, the layouts, the
/// content folders and every folder holding a file the handouts were built from, and builds
/// again (incrementally: only handouts whose inputs changed are written) after each burst of
/// changes. Runs until SIGINT or SIGTERM, then returns kExitOk; kExitConfigError when folders
/// cannot be watched at all.
int run_watch(const BuildOptions& options, std::ostream& out, std::ostream& err);

/// The folders a watch of `options` looks at (absolute): the config's folder; layouts/, fonts/,
/// content/ and content/<lang>/ in each data folder; the logo's folder; and the folder of
/// every input named in the output folder's manifest.
std::set<std::string> watched_folders(const BuildOptions& options);

}  // namespace handout
