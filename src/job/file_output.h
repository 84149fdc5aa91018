// Writing output files so a reader never sees a half-written PDF.
#pragma once
#include <string>

namespace handout {

/// Whether a write waits for the disk (fsync) before it is renamed into place: handouts,
/// manifests and reports do; the output folder's caches need not (a cache file cut short by a
/// crash fails its checksum and costs only time).
enum class Durability { kSynced, kCache };

/// Writes `bytes` to `path` through a temporary file in the same folder, then renames it
/// into place. Creates missing folders. On failure nothing is left at `path` or beside it.
bool write_file_atomically(const std::string& path, const std::string& bytes, std::string& error,
                           Durability durability = Durability::kSynced);

/// Writes `bytes` to `root`/`relative` atomically, refusing (with `error`) a relative path that
/// is absolute or has '..', '.' or empty parts, and a folder that resolves outside `root`
/// (through a symbolic link, say): a build never writes outside its output folder.
bool write_output_file(const std::string& root, const std::string& relative, const std::string& bytes,
                       std::string& error, Durability durability = Durability::kSynced);

/// The mkstemp pattern of the temporary file for `path`: `<path>.handout-tmp-<pid>-XXXXXX`.
/// The first write into a folder removes such files there whose process is gone.
std::string temp_name_for(const std::string& path);

/// Removes the temporary files of writes in progress if the run is interrupted (SIGINT,
/// SIGTERM), one per writing thread (up to kMaxWriters threads).
void install_interrupt_cleanup();

/// The most threads that may write at once (the build caps --jobs at this).
inline constexpr int kMaxWriters = 64;

}  // namespace handout
