#include "build/file_output.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <ctime>
#include <mutex>
#include <random>
#include <set>

namespace handout {
namespace {

// The temporary files being written, one slot per writing thread, for the signal handler.
// Fixed-size so the handler needs no allocation.
char g_temp_paths[kMaxWriters][4096] = {};
std::atomic<int> g_writers{0};

char* temp_slot() {
  thread_local const int slot = std::min(g_writers.fetch_add(1), kMaxWriters - 1);
  return g_temp_paths[slot];
}

void on_interrupt(int sig) {
  for (auto& path : g_temp_paths)
    if (path[0]) ::unlink(path);
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

// A temporary file older than this with no lock on it is a killed run's: the lock is taken
// right after the file is made, so a younger one may be a writer between the two.
constexpr std::time_t kOrphanAgeSeconds = 10;

std::string errno_text() { return std::strerror(errno); }

// A file descriptor closed when it goes out of scope.
struct Fd {
  int fd = -1;
  explicit Fd(int f = -1) : fd(f) {}
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
  Fd(Fd&& o) noexcept : fd(o.fd) { o.fd = -1; }
  Fd& operator=(Fd&& o) noexcept {
    std::swap(fd, o.fd);
    return *this;
  }
};

bool plain_relative_path(const std::string& relative) {
  if (relative.empty() || relative[0] == '/') return false;
  std::size_t start = 0;
  while (start <= relative.size()) {
    const auto end = std::min(relative.find('/', start), relative.size());
    const std::string part = relative.substr(start, end - start);
    if (part.empty() || part == "." || part == "..") return false;
    if (std::any_of(part.begin(), part.end(), [](unsigned char c) { return c < 0x20 || c == 0x7F; })) return false;
    start = end + 1;
  }
  return true;
}

// Opens the folder of `relative` below `root` (creating missing ones when `create`), one part
// at a time and never through a symbolic link. `root` itself may be one: the user named it.
Fd open_folder_below(const std::string& root, const std::string& relative, bool create, mode_t mode,
                     std::string& error) {
  Fd dir(::open(root.empty() ? "." : root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (dir.fd < 0) {
    error = "cannot open folder '" + root + "': " + errno_text();
    return Fd();
  }
  std::size_t start = 0;
  for (auto slash = relative.find('/'); slash != std::string::npos; slash = relative.find('/', start)) {
    const std::string part = relative.substr(0, slash);
    const std::string name = relative.substr(start, slash - start);
    if (create && ::mkdirat(dir.fd, name.c_str(), mode) != 0 && errno != EEXIST) {
      error = "cannot create folder '" + root + "/" + part + "': " + errno_text();
      return Fd();
    }
    Fd next(::openat(dir.fd, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (next.fd < 0) {
      const int saved = errno;
      struct stat st {};
      if (::fstatat(dir.fd, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(st.st_mode))
        error = "refusing to go through '" + root + "/" + part + "': it is a symbolic link, which may lead out of '" +
                root + "'";
      else
        error = "cannot open folder '" + root + "/" + part + "': " + std::strerror(saved);
      return Fd();
    }
    dir = std::move(next);
    start = slash + 1;
  }
  return dir;
}

std::string random_suffix() {
  static const char kChars[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  thread_local std::mt19937_64 rng(std::random_device{}() ^ static_cast<std::uint64_t>(::getpid()) << 32);
  std::string s(6, 'x');
  for (auto& c : s) c = kChars[rng() % (sizeof kChars - 1)];
  return s;
}

// Removes, once per folder per run, the temporary files no process holds a lock on (a killed
// run's). A run in another PID namespace or on another machine holds its lock too.
void remove_orphans(int dirfd, const std::string& folder) {
  static std::mutex mutex;
  static std::set<std::string> cleaned;
  {
    std::lock_guard lock(mutex);
    if (!cleaned.insert(folder).second) return;
  }
  const int copy = ::dup(dirfd);
  if (copy < 0) return;
  DIR* d = ::fdopendir(copy);
  if (!d) return (void)::close(copy);
  std::vector<std::string> names;
  while (const dirent* e = ::readdir(d))
    if (std::strstr(e->d_name, kTempMarker)) names.push_back(e->d_name);
  ::closedir(d);
  const std::time_t now = std::time(nullptr);
  for (const auto& name : names) {
    Fd f(::openat(dirfd, name.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC));
    struct stat st {};
    if (f.fd < 0 || ::fstat(f.fd, &st) != 0 || !S_ISREG(st.st_mode)) continue;
    // A file named while already locked ("-L") is a dead run's as soon as nobody holds it; one
    // made under its name is given a moment for its writer to lock it.
    const bool locked_from_birth = std::strstr(name.c_str(), (std::string(kTempMarker) + "L").c_str()) != nullptr;
    if (!locked_from_birth && now - st.st_mtime < kOrphanAgeSeconds) continue;
    if (::flock(f.fd, LOCK_EX | LOCK_NB) == 0) ::unlinkat(dirfd, name.c_str(), 0);
  }
}

// Writes `bytes` as `name` in the open folder `dirfd` (shown as `shown`): a locked temporary
// file, synced when asked, renamed over the name (a link there is replaced, not followed).
// Where the file system can (O_TMPFILE), the file has no name until it is written and locked;
// elsewhere it is made under its temporary name and locked at once.
bool write_in_folder(int dirfd, const std::string& folder, const std::string& name, const std::string& shown,
                     const std::string& bytes, const OutputModes& modes, std::string& error) {
  remove_orphans(dirfd, folder);
  std::string temp;
  Fd f(::openat(dirfd, ".", O_TMPFILE | O_WRONLY | O_CLOEXEC, modes.file));
  const bool unnamed = f.fd >= 0;
  for (int attempt = 0; !unnamed && attempt < 100 && f.fd < 0; ++attempt) {
    temp = name + kTempMarker + "N" + random_suffix();  // never "L": see remove_orphans
    f = Fd(::openat(dirfd, temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, modes.file));
    if (f.fd < 0 && errno != EEXIST) break;
  }
  if (f.fd < 0) {
    error = "cannot write '" + shown + "': " + errno_text();
    return false;
  }
  ::flock(f.fd, LOCK_EX);  // ours while it exists: never taken for a killed run's
  char* slot = temp_slot();
  bool ok = write_all(f.fd, bytes) && (!modes.sync || ::fsync(f.fd) == 0);
  int saved = errno;
  if (ok && unnamed) {  // named now, locked and whole ("-L": never unlocked while its writer lives)
    temp = name + kTempMarker + "L" + random_suffix();
    const std::string self = "/proc/self/fd/" + std::to_string(f.fd);
    if (::linkat(AT_FDCWD, self.c_str(), dirfd, temp.c_str(), AT_SYMLINK_FOLLOW) != 0) ok = false, saved = errno;
  }
  const std::string full = (folder.empty() ? "" : folder + "/") + temp;
  if (!temp.empty() && full.size() < sizeof g_temp_paths[0]) std::memcpy(slot, full.c_str(), full.size() + 1);
  if (ok && ::renameat(dirfd, temp.c_str(), dirfd, name.c_str()) != 0) ok = false, saved = errno;
  if (!ok) {
    error = "cannot write '" + shown + "': " + std::strerror(saved ? saved : EIO);
    if (!temp.empty()) ::unlinkat(dirfd, temp.c_str(), 0);
  }
  slot[0] = 0;
  return ok;
}

}  // namespace

bool write_all(int fd, const std::string& bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

bool make_dirs(const std::string& dir, mode_t mode, std::string& error) {
  if (dir.empty()) return true;
  std::size_t pos = 0;
  while (pos != std::string::npos) {
    pos = dir.find('/', pos + 1);
    const std::string partial = dir.substr(0, pos);
    if (partial.empty()) continue;
    if (::mkdir(partial.c_str(), mode) != 0 && errno != EEXIST) {
      error = "cannot create folder '" + partial + "': " + errno_text();
      return false;
    }
  }
  return true;
}

bool write_output_file(const std::string& root, const std::string& relative, const std::string& bytes,
                       std::string& error, const OutputModes& modes) {
  const std::string path = root.empty() ? relative : root + "/" + relative;
  if (!plain_relative_path(relative)) {
    error = "refusing to write '" + path + "': the name would leave the output folder";
    return false;
  }
  if (!make_dirs(root, modes.folder, error)) return false;
  const Fd dir = open_folder_below(root, relative, true, modes.folder, error);
  if (dir.fd < 0) return false;
  const auto slash = path.rfind('/');
  return write_in_folder(dir.fd, slash == std::string::npos ? "" : path.substr(0, slash),
                         path.substr(slash == std::string::npos ? 0 : slash + 1), path, bytes, modes, error);
}

bool remove_output_file(const std::string& root, const std::string& relative, std::string& error) {
  const std::string path = root.empty() ? relative : root + "/" + relative;
  if (!plain_relative_path(relative)) {
    error = "refusing to remove '" + path + "': the name would leave the output folder";
    return false;
  }
  const Fd dir = open_folder_below(root, relative, false, 0, error);
  if (dir.fd < 0) return false;
  const std::string name = relative.substr(relative.rfind('/') == std::string::npos ? 0 : relative.rfind('/') + 1);
  struct stat st {};
  if (::fstatat(dir.fd, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode)) {
    error = "not removing '" + path + "': it is not a regular file";
    return false;
  }
  if (::unlinkat(dir.fd, name.c_str(), 0) != 0) {
    error = "cannot remove '" + path + "': " + errno_text();
    return false;
  }
  return true;
}

bool read_own_file(const std::string& path, long long max_bytes, std::string& out) {
  const Fd f(::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC));
  struct stat st {};
  if (f.fd < 0 || ::fstat(f.fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size > max_bytes) return false;
  out.assign(static_cast<std::size_t>(st.st_size), '\0');
  std::size_t done = 0;
  while (done < out.size()) {
    const ssize_t n = ::read(f.fd, out.data() + done, out.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    done += static_cast<std::size_t>(n);
  }
  out.resize(done);
  return true;
}

bool write_file_atomically(const std::string& path, const std::string& bytes, std::string& error) {
  const auto slash = path.rfind('/');
  const std::string dir = slash == std::string::npos ? "" : path.substr(0, slash);
  if (!make_dirs(dir, 0777, error)) return false;
  const Fd d(::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (d.fd < 0) {
    error = "cannot write '" + path + "': " + errno_text();
    return false;
  }
  return write_in_folder(d.fd, dir, path.substr(slash == std::string::npos ? 0 : slash + 1), path, bytes, {}, error);
}

void install_interrupt_cleanup() {
  std::signal(SIGINT, on_interrupt);
  std::signal(SIGTERM, on_interrupt);
}

}  // namespace handout
