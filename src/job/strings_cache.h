// Strings files kept parsed between builds in the output folder (<out>/.handout-cache/strings).
// The language-assistance notice quotes every listed language's strings file, and yaml-cpp
// reads those 18 small files in 4 ms of a 29 ms English handout. Kept by the hash of each
// file's bytes, a file is parsed again only when it changes. Only a file that parsed without
// any message is kept, so every warning and error is still reported on every run; the cache is
// dropped whole when the handout binary changes (its size and time), and a damaged or foreign
// cache file is ignored.
#pragma once
#include <cstdint>
#include <map>
#include <mutex>
#include <string>

#include "config/types.h"
#include "diag/diagnostic.h"

namespace handout {

class StringsCache {
 public:
  /// Reads the cache kept in `out_dir`, if there is a usable one.
  void load(const std::string& out_dir);
  /// Reads the strings file at `path` as load_strings does (the same result and messages), from
  /// the cache when its bytes are known. Thread-safe.
  bool read(const std::string& path, long long max_bytes, Strings& out, Diagnostics& diags);
  /// Writes the entries this run used into `out_dir`, atomically, when they differ from what
  /// was loaded. A build calls it after writing its handouts.
  void save(const std::string& out_dir) const;
  /// Strings files parsed with yaml-cpp this run (the rest came from the cache).
  int parsed() const;

 private:
  mutable std::mutex mutex_;
  std::map<std::uint64_t, Strings> loaded_, used_;
  int parsed_ = 0;
};

/// The cache file's text for `entries` (file hash -> strings), stamped with `binary`, which
/// names the program that wrote it.
std::string strings_cache_text(const std::map<std::uint64_t, Strings>& entries, const std::string& binary);
/// The entries of a cache file's text stamped with `binary`; false (and no entries) when the
/// text is damaged, truncated, of another format or written by another binary.
bool parse_strings_cache(const std::string& text, const std::string& binary, std::map<std::uint64_t, Strings>& out);

}  // namespace handout
