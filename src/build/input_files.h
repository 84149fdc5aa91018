// The files a run reads, each read once: every reader of the run gets the same bytes, and the
// build records the hash of those very bytes with what identified the file on disk when it was
// read (src/build/manifest.h decides from that whether a handout is up to date).
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "util/file_state.h"

namespace handout {

/// The run's inputs read whole (config, layouts, strings, articles, resource lists, images),
/// each once, known by their absolute paths. Thread-safe: handouts built in parallel share it.
class InputFiles {
 public:
  struct File {
    std::shared_ptr<const std::string> bytes;  ///< empty when it could not be read
    InputState state;
    std::string error;  ///< why it could not be read ("" when it was)
    long long size = 0;  ///< its size when refused for being over the limit
  };
  /// The whole file at `path`: read and hashed on the first call, the same bytes after. A file
  /// over `max_bytes` is refused unread (error "too large", size set); so is anything that is
  /// not a regular file.
  const File& read(const std::string& path, long long max_bytes);
  /// The file's state as read this run, or null when the run has not read it.
  const InputState* read_state(const std::string& path) const;
  /// What the path held when the run first looked (one answer per run, for every handout).
  InputState look(const std::string& path);

 private:
  mutable std::mutex mutex_;
  std::map<std::string, std::unique_ptr<File>> files_;  // by absolute path
  std::map<std::string, InputState> looked_;
};

}  // namespace handout
