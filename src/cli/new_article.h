// `handout new`: the skeleton of a new article in each language.
#pragma once
#include <iosfwd>
#include <string>
#include <vector>

namespace handout {

/// `handout new ARTICLE [--lang CODE]... [--config FILE]`
struct NewOptions {
  std::string article;
  std::vector<std::string> languages;  ///< empty: the config's languages
  std::string config_path = "handout.yaml";
};

/// Runs `handout new`; a line per file written to `out`, diagnostics to `err`. Returns an ExitCode.
int run_new(const NewOptions& options, std::ostream& out, std::ostream& err);

}  // namespace handout
