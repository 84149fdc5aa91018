// What a path holds, seen without reading it: the identity of a file's version (as git's index
// keeps it), or that the path is absent or a folder. Inputs of a build are known by this.
#pragma once
#include <cstdint>
#include <string>

namespace handout {

/// What identifies a version of a file without reading it, as git's index does: a write
/// changes at least one of these (ctime cannot be set back, so `touch -r` does not hide one).
struct FileStamp {
  std::uint64_t dev = 0, ino = 0;
  std::int64_t size = -1, mtime_ns = 0, ctime_ns = 0;
  bool operator==(const FileStamp&) const = default;
};

/// What a path held when the run looked at it.
struct InputState {
  enum class Kind : char { Absent = 'a', Folder = 'd', File = 'f', Other = 'o' };
  Kind kind = Kind::Absent;
  FileStamp stamp;         ///< a file's
  std::uint64_t hash = 0;  ///< a file read whole: the hash of the bytes used (0: known by its stamp)
  /// Written too close to when it was looked at for its stamp to say it has not changed since
  /// (a write in the same clock tick leaves the stamp as it was): its content decides next time.
  bool racy = false;
  bool operator==(const InputState&) const = default;
};

/// How close to "now" a file's mtime or ctime makes it racy. Generous: some file systems keep
/// times to the second (FAT to two), and file servers' clocks drift.
inline constexpr std::int64_t kRacyWindowNs = 3'000'000'000;

/// `path` made absolute (against the working folder) and lexically normal ("a/../b" is "b"),
/// so runs from different folders name a file alike.
std::string absolute_path(const std::string& path);

/// The stamp of an open file, and whether it is racy now.
InputState state_of_open_file(int fd);
/// A path's state without reading it (a link is followed, as a reader of the path would).
InputState look_at(const std::string& path);

}  // namespace handout
