#include "build/input_files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "hash/content_hash.h"

namespace handout {
const InputFiles::File& InputFiles::read(const std::string& path, long long max_bytes) {
  std::lock_guard lock(mutex_);  // reading under it too: each file is read once per run
  auto& slot = files_[absolute_path(path)];
  if (slot) return *slot;
  slot = std::make_unique<File>();
  File& f = *slot;
  // O_NONBLOCK: a FIFO named as an input must not hang the run; fstat then refuses it.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    f.error = std::strerror(errno);
    f.state = look_at(path);
    return f;
  }
  f.state = state_of_open_file(fd);
  if (f.state.kind != InputState::Kind::File) {
    f.error = f.state.kind == InputState::Kind::Folder ? "it is a folder" : "it is not a regular file";
  } else if (f.state.stamp.size > max_bytes) {
    f.error = "too large";
    f.size = f.state.stamp.size;
  } else {
    std::string bytes(static_cast<std::size_t>(f.state.stamp.size), '\0');
    std::size_t done = 0;
    for (;;) {  // to the end, which may be past the size fstat gave (a file growing)
      if (done == bytes.size()) {
        if (static_cast<long long>(bytes.size()) >= max_bytes + 1) break;
        bytes.resize(bytes.size() + 4096);
      }
      const ssize_t n = ::read(fd, bytes.data() + done, bytes.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        f.error = std::strerror(errno);
        break;
      }
      if (n == 0) break;
      done += static_cast<std::size_t>(n);
    }
    bytes.resize(done);
    if (static_cast<long long>(done) > max_bytes) f.error = "too large", f.size = static_cast<long long>(done);
    if (f.error.empty()) {
      f.state.hash = content_hash(bytes);
      f.bytes = std::make_shared<const std::string>(std::move(bytes));
    }
  }
  ::close(fd);
  return f;
}

const InputState* InputFiles::read_state(const std::string& path) const {
  std::lock_guard lock(mutex_);
  auto it = files_.find(absolute_path(path));
  return it != files_.end() && it->second->bytes ? &it->second->state : nullptr;
}

InputState InputFiles::look(const std::string& path) {
  const std::string key = absolute_path(path);
  std::lock_guard lock(mutex_);
  auto it = looked_.find(key);
  if (it == looked_.end()) it = looked_.emplace(key, look_at(key)).first;
  return it->second;
}

}  // namespace handout
