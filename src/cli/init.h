// `handout init`: a new clinic, a commented handout.yaml and an example article per language.
#pragma once
#include <iosfwd>
#include <string>
#include <vector>

namespace handout {

/// `handout init [DIR] [--lang CODE]...`
struct InitOptions {
  std::string dir = ".";               ///< the clinic's folder (created if missing)
  std::vector<std::string> languages;  ///< empty: English only
};

/// Runs `handout init`; a line per file written to `out`, diagnostics to `err`. Returns an ExitCode.
int run_init(const InitOptions& options, std::ostream& out, std::ostream& err);

}  // namespace handout
