#include "job/file_output.h"

#include "util/ascii.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <climits>
#include <cstdlib>
#include <algorithm>
#include <cerrno>
#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstring>
#include <mutex>
#include <string_view>
#include <set>

namespace handout {
namespace {

// The temporary files being written, one slot per writing thread, for the signal handler.
// Fixed-size so the handler needs no allocation.
char g_temp_paths[kMaxWriters][4096] = {};
std::atomic<int> g_writers{0};

// The calling thread's slot.
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

bool make_dirs(const std::string& dir, std::string& error) {
  if (dir.empty()) return true;
  std::string partial;
  std::size_t pos = 0;
  while (pos != std::string::npos) {
    pos = dir.find('/', pos + 1);
    partial = dir.substr(0, pos);
    if (partial.empty()) continue;
    if (::mkdir(partial.c_str(), 0777) != 0 && errno != EEXIST) {
      error = "cannot create folder '" + partial + "': " + std::strerror(errno);
      return false;
    }
  }
  return true;
}

// Temporary files are named <target>.handout-tmp-<pid>-XXXXXX: recognisably ours, and the pid
// tells a file of a run still going (leave it) from one a killed run left behind.
constexpr const char* kTempMarker = ".handout-tmp-";

bool process_alive(long pid) { return pid > 0 && pid <= 0x7FFFFFFF && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH); }

// The pid in a name of the form <target>.handout-tmp-<pid>-XXXXXX, or -1 for any other name.
long temp_file_pid(std::string_view name) {
  const auto at = name.rfind(kTempMarker);
  if (at == std::string_view::npos || at == 0) return -1;
  const std::string_view rest = name.substr(at + std::strlen(kTempMarker));
  const auto dash = rest.find('-');
  if (dash == std::string_view::npos || dash > 10 || !ascii::all(rest.substr(0, dash), ascii::digit)) return -1;
  const std::string_view suffix = rest.substr(dash + 1);
  if (suffix.size() != 6 || !ascii::all(suffix, ascii::alnum)) return -1;
  return std::stol(std::string(rest.substr(0, dash)));
}

// Removes, once per folder per run, the temporary files of runs that died (SIGKILL, power loss).
void remove_stale_temp_files(const std::string& dir) {
  static std::mutex mutex;
  static std::set<std::string> cleaned;
  std::lock_guard<std::mutex> lock(mutex);
  if (!cleaned.insert(dir).second) return;
  DIR* d = ::opendir(dir.empty() ? "." : dir.c_str());
  if (!d) return;
  while (auto* e = ::readdir(d)) {
    const long pid = temp_file_pid(e->d_name);
    if (pid < 0 || process_alive(pid)) continue;
    const std::string path = (dir.empty() ? "" : dir + "/") + e->d_name;
    struct stat st {};
    if (::lstat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode)) ::unlink(path.c_str());
  }
  ::closedir(d);
}

}  // namespace

namespace {

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

std::string real_path(const std::string& path) {
  char buf[PATH_MAX];
  return ::realpath(path.c_str(), buf) ? std::string(buf) : std::string();
}

}  // namespace

bool write_output_file(const std::string& root, const std::string& relative, const std::string& bytes,
                       std::string& error, Durability durability) {
  const std::string path = root.empty() ? relative : root + "/" + relative;
  if (!plain_relative_path(relative)) {
    error = "refusing to write '" + path + "': the name would leave the output folder";
    return false;
  }
  const auto slash = path.rfind('/');
  if (slash != std::string::npos && !make_dirs(path.substr(0, slash), error)) return false;
  const std::string real_root = real_path(root.empty() ? "." : root);
  const std::string real_dir = real_path(slash == std::string::npos ? "." : path.substr(0, slash));
  if (real_root.empty() || real_dir.empty() || (real_dir != real_root && !real_dir.starts_with(real_root + "/"))) {
    error = "refusing to write '" + path + "': its folder resolves to '" + real_dir + "', outside the output folder '" +
            real_root + "'";
    return false;
  }
  return write_file_atomically(path, bytes, error, durability);
}

std::string temp_name_for(const std::string& path) {
  return path + kTempMarker + std::to_string(::getpid()) + "-XXXXXX";
}

void install_interrupt_cleanup() {
  std::signal(SIGINT, on_interrupt);
  std::signal(SIGTERM, on_interrupt);
}

bool write_file_atomically(const std::string& path, const std::string& bytes, std::string& error,
                           Durability durability) {
  const auto slash = path.rfind('/');
  const std::string dir = slash == std::string::npos ? "" : path.substr(0, slash);
  if (!dir.empty() && !make_dirs(dir, error)) return false;
  remove_stale_temp_files(dir);
  std::string temp = temp_name_for(path);
  char* slot = temp_slot();
  if (temp.size() >= sizeof g_temp_paths[0]) {
    error = "output path too long: '" + path + "'";
    return false;
  }
  int fd = ::mkstemp(temp.data());
  if (fd < 0) {
    error = "cannot write '" + path + "': " + std::strerror(errno);
    return false;
  }
  std::memcpy(slot, temp.c_str(), temp.size() + 1);
  ::fchmod(fd, 0644);
  std::size_t done = 0;
  bool ok = true;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ok = false;
      break;
    }
    done += static_cast<std::size_t>(n);
  }
  if (ok && durability == Durability::kSynced) ok = ::fsync(fd) == 0;
  const int saved = errno;
  ok = ::close(fd) == 0 && ok;
  if (ok) ok = ::rename(temp.c_str(), path.c_str()) == 0;
  if (!ok) {
    error = "cannot write '" + path + "': " + std::strerror(errno ? errno : saved);
    ::unlink(temp.c_str());
  }
  slot[0] = 0;
  return ok;
}

}  // namespace handout
