// `handout new-language`: a language handout has no labels for, started from the English ones.
#pragma once
#include <iosfwd>
#include <string>
#include <vector>

namespace handout {

/// `handout new-language CODE [--config FILE]`
struct NewLanguageOptions {
  std::string code;
  std::string config_path = "handout.yaml";
};

/// Runs `handout new-language`; a line per file written to `out`, diagnostics to `err`. Returns an ExitCode.
int run_new_language(const NewLanguageOptions& options, std::ostream& out, std::ostream& err);

}  // namespace handout
