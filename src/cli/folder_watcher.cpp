#include "cli/folder_watcher.h"

#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace handout {
namespace {

// Everything that can change what a build reads: contents written, entries created, removed,
// renamed in or out, times and modes (touch); and the folder itself going away.
constexpr std::uint32_t kEvents = IN_CLOSE_WRITE | IN_MODIFY | IN_ATTRIB | IN_CREATE | IN_DELETE | IN_MOVED_FROM |
                                  IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR | IN_EXCL_UNLINK;

}  // namespace

FolderWatcher::FolderWatcher() : fd_(::inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) {
  if (fd_ < 0) error_ = std::string("cannot watch for changes (inotify): ") + std::strerror(errno);
}

FolderWatcher::~FolderWatcher() {
  if (fd_ >= 0) ::close(fd_);
}

std::size_t FolderWatcher::watch(const std::set<std::string>& folders) {
  if (fd_ < 0) return 0;
  for (auto it = folders_.begin(); it != folders_.end();) {
    if (folders.count(it->second)) {
      ++it;
      continue;
    }
    ::inotify_rm_watch(fd_, it->first);
    it = folders_.erase(it);
  }
  for (const auto& folder : folders) {
    const int wd = ::inotify_add_watch(fd_, folder.c_str(), kEvents);
    if (wd >= 0) folders_[wd] = folder;  // (the same folder again: the same descriptor)
  }
  return folders_.size();
}

void FolderWatcher::read_events(std::vector<FolderChange>& changes) {
  alignas(inotify_event) char buf[16384];
  for (;;) {
    const ssize_t n = ::read(fd_, buf, sizeof buf);
    if (n <= 0) return;  // EAGAIN: all read
    for (ssize_t at = 0; at < n;) {
      const auto* e = reinterpret_cast<const inotify_event*>(buf + at);
      at += static_cast<ssize_t>(sizeof(inotify_event) + e->len);
      if (e->mask & IN_Q_OVERFLOW) {
        changes.push_back({"", true});
        continue;
      }
      const auto folder = folders_.find(e->wd);
      if (folder == folders_.end()) continue;
      if (e->mask & IN_IGNORED) {  // removed by the kernel: the folder is gone
        folders_.erase(folder);
        continue;
      }
      if (e->mask & (IN_DELETE_SELF | IN_MOVE_SELF)) {
        changes.push_back({folder->second, true});
        if (e->mask & IN_MOVE_SELF) ::inotify_rm_watch(fd_, e->wd);  // it lives on under another name
        continue;
      }
      if (e->len > 0) changes.push_back({folder->second + "/" + e->name, (e->mask & IN_ISDIR) != 0});
    }
  }
}

FolderWatcher::Wake FolderWatcher::wait(int timeout_ms, int other_fd, std::vector<FolderChange>& changes) {
  pollfd fds[2] = {{fd_, POLLIN, 0}, {other_fd, POLLIN, 0}};
  int ready = 0;
  do {
    ready = ::poll(fds, other_fd >= 0 ? 2 : 1, timeout_ms);
  } while (ready < 0 && errno == EINTR);
  if (ready <= 0) return Wake::Timeout;
  if (other_fd >= 0 && (fds[1].revents & POLLIN)) return Wake::Other;
  read_events(changes);
  return Wake::Changes;
}

}  // namespace handout
