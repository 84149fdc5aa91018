// The clinic config of the last build kept parsed in the output folder
// (<out>/.handout-cache/config): yaml-cpp takes about a millisecond for the example's 13 KB, a
// tenth of an English handout's build. Kept by the hash of the file's path and bytes, and only
// when it parsed without any message, so every warning and error is still reported on every
// run; a rebuilt binary starts afresh; a damaged copy is ignored.
#pragma once
#include <string>

#include "config/types.h"
#include "diag/diagnostic.h"

namespace handout {

class ConfigCache {
 public:
  /// Loads the config at `path` as load_clinic_config does (the same result and messages),
  /// from the copy kept in the output folder when the file is unchanged. `out_dir` is the
  /// output folder given on the command line, or "" for the one the config names.
  bool load(const std::string& path, const std::string& out_dir, ClinicConfig& out, Diagnostics& diags);
  /// Keeps the config parsed by load in `out_dir`, unless it came from there.
  void save(const std::string& out_dir) const;
  /// True when load parsed the file with yaml-cpp (false: the kept copy).
  bool parsed() const { return parsed_; }

 private:
  std::string key_;     // what the file's path and bytes hash to
  std::string config_;  // the parsed config's bytes to keep; empty: nothing to keep
  bool parsed_ = false;
};

/// The output folder a config's text names at its top level (`output: <folder>`, else "out"),
/// beside the config: where its kept copy is looked for before it is parsed. "" when the text
/// does not say it plainly (quoted, flow style): the config is then parsed.
std::string named_output_dir(const std::string& text, const std::string& path);

/// The cache file's text for a config's bytes (clinic_config_bytes), and back (false: damaged,
/// another key or another binary).
std::string config_cache_text(const std::string& key, const std::string& config_bytes, const std::string& binary);
bool parse_config_cache(const std::string& text, const std::string& key, const std::string& binary, ClinicConfig& out);

}  // namespace handout
