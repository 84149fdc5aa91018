// Writing and removing files in the tool's own folders (the output folder, personal copies) so
// that a reader never sees a half-written file and nothing outside the folder is ever written,
// created or removed: below the folder, no symbolic link is followed.
#pragma once
#include <string>
#include <sys/types.h>

namespace handout {

/// How a file is written: its mode and its folders' (before the umask), and whether it waits
/// for the disk (fsync) before it is renamed into place.
struct OutputModes {
  mode_t file = 0644;
  mode_t folder = 0777;
  bool sync = true;
};
/// A patient's copy: their folders and files are theirs alone.
inline constexpr OutputModes kPrivateModes{0600, 0700, true};

/// Writes `bytes` to `root`/`relative` through a temporary file in the same folder, then renames
/// it into place; creates missing folders. Refuses (with `error`) a relative path that is
/// absolute or has '..', '.' or empty parts, and any folder below `root` that is a symbolic
/// link. On failure nothing is left at the target's temporary name.
bool write_output_file(const std::string& root, const std::string& relative, const std::string& bytes,
                       std::string& error, const OutputModes& modes = {});

/// Removes the regular file `root`/`relative`, never through a symbolic link below `root`;
/// false with `error` when it was not removed.
bool remove_output_file(const std::string& root, const std::string& relative, std::string& error);

/// Reads a file of the tool's own (the manifest): only a regular file, never through a link,
/// never blocking on a FIFO, at most `max_bytes`. False when there is no such file.
bool read_own_file(const std::string& path, long long max_bytes, std::string& out);

/// Writes `bytes` to `path` (a file the user named, such as --report: links are followed)
/// through a temporary file beside it, synced, then renamed into place.
bool write_file_atomically(const std::string& path, const std::string& bytes, std::string& error);

/// Creates `dir` and its missing parents (mode before the umask); false with `error`.
bool make_dirs(const std::string& dir, mode_t mode, std::string& error);

/// Removes the temporary files of writes in progress if the run is interrupted (SIGINT,
/// SIGTERM), one per writing thread (up to kMaxWriters threads).
void install_interrupt_cleanup();

/// The most threads that may write at once (the build caps --jobs at this).
inline constexpr int kMaxWriters = 64;

/// The mark in a temporary file's name: `<target>.handout-tmp-XXXXXX`. Its writer holds a lock
/// on it (flock) while it exists; the first write into a folder in a run removes those no
/// process holds (left by a killed run), whatever machine or PID namespace made them.
inline constexpr const char* kTempMarker = ".handout-tmp-";

/// Writes all of `bytes` to `fd`, retrying short writes and EINTR; false on an error.
bool write_all(int fd, const std::string& bytes);

}  // namespace handout
