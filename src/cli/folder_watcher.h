// Watching folders for changes (Linux inotify): the one file that talks to inotify.
#pragma once
#include <map>
#include <set>
#include <string>
#include <vector>

namespace handout {

/// Something changed in a watched folder.
struct FolderChange {
  std::string path;     ///< the folder joined with the entry's name; the folder itself when it went away
  bool is_dir = false;  ///< the entry is a folder (or the watched folder itself went away)
};

/// Watches folders, not files: an editor that saves by writing a new file and renaming it over
/// the old one replaces the file, and only its folder sees that happen.
class FolderWatcher {
 public:
  FolderWatcher();
  ~FolderWatcher();
  FolderWatcher(const FolderWatcher&) = delete;
  FolderWatcher& operator=(const FolderWatcher&) = delete;

  /// Empty when inotify works, else why not.
  const std::string& error() const { return error_; }
  /// Watches exactly these folders (absolute paths): adds the new ones, drops the others;
  /// a folder that does not exist (yet) is skipped. Returns how many are watched.
  std::size_t watch(const std::set<std::string>& folders);

  enum class Wake { Changes, Timeout, Other };
  /// Waits up to `timeout_ms` (-1: without limit) for changes, appended to `changes`, or for
  /// `other_fd` (if >= 0) to become readable. An overflowed event queue is reported as a
  /// change of "" (anything may have changed).
  Wake wait(int timeout_ms, int other_fd, std::vector<FolderChange>& changes);

 private:
  void read_events(std::vector<FolderChange>& changes);
  int fd_ = -1;
  std::string error_;
  std::map<int, std::string> folders_;  // watch descriptor -> folder
};

}  // namespace handout
