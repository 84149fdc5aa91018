#include "cli/watch.h"

#include <signal.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <filesystem>
#include <ostream>
#include <vector>

#include "config/config.h"
#include "cli/folder_watcher.h"
#include "build/manifest.h"
#include "util/text.h"

namespace handout {
namespace {

// Editors write a file in several steps (a temporary file, a rename, a change of mode): a
// build starts once nothing has changed for this long, or at the latest this long after the
// first change of a burst.
constexpr int kQuietMs = 200;
constexpr int kLongestWaitMs = 2000;

std::string absolute(const std::string& path) {
  std::error_code ec;
  const auto abs = std::filesystem::absolute(path.empty() ? "." : path, ec);
  std::string normal = (ec ? std::filesystem::path(path) : abs).lexically_normal().string();
  if (normal.size() > 1 && normal.back() == '/') normal.pop_back();  // "/a/." normalises to "/a/"
  return normal;
}

bool inside(const std::string& path, const std::string& folder) {
  return path == folder || (path.size() > folder.size() && path.starts_with(folder) && path[folder.size()] == '/');
}

// What a watch looks at, and which of its files are inputs of the build.
struct Scope {
  std::set<std::string> folders;
  std::set<std::string> inputs;  // every file the last build read, and the config
  std::string out_dir;           // never watched: the build writes there
};

Scope scope_of(const BuildOptions& opt) {
  Scope s;
  ClinicConfig config;
  Diagnostics ignored;  // the build reports them
  const bool loaded = load_clinic_config(opt.config_path, config, ignored);
  const std::string base = dir_of(opt.config_path);
  s.folders.insert(absolute(base));
  s.inputs.insert(absolute(opt.config_path));
  const std::vector<std::string> dirs = loaded ? data_dirs(config) : std::vector<std::string>{base};
  std::vector<std::string> langs = !opt.languages.empty() ? opt.languages : config.languages;
  if (!config.fallback_language.empty()) langs.push_back(config.fallback_language);
  for (const auto& d : dirs) {
    for (const char* sub : {"layouts", "fonts", "content"}) s.folders.insert(absolute(join_path(d, sub)));
    for (const auto& lang : langs) s.folders.insert(absolute(join_path(d, "content/" + lang)));
  }
  if (loaded && !config.clinic.logo_path.empty()) s.folders.insert(absolute(dir_of(config.clinic.logo_path)));
  s.out_dir = absolute(!opt.out_dir.empty() ? opt.out_dir : loaded ? config.output_dir : join_path(base, "out"));
  Manifest manifest;
  manifest.load(s.out_dir);
  for (const auto& [pdf, entry] : manifest.entries())
    for (const auto& input : entry.inputs) {
      if (input.state.kind == InputState::Kind::Folder) {
        s.folders.insert(absolute(input.path));
      } else {  // a file read, or one whose appearance would be used instead
        s.inputs.insert(absolute(input.path));
        s.folders.insert(absolute(dir_of(input.path)));
      }
    }
  std::erase_if(s.folders, [&](const std::string& f) { return inside(f, s.out_dir); });
  return s;
}

// Editors' swap, backup and lock files, our own temporary files: never a reason to build.
bool scratch_name(const std::string& name) {
  return name.empty() || name[0] == '.' || name[0] == '#' || name.back() == '~' || name == "4913" ||
         name.ends_with(".swp") || name.ends_with(".swx") || name.find(".handout-tmp-") != std::string::npos;
}

bool input_like(const std::string& name) {
  const auto dot = name.rfind('.');
  if (dot == std::string::npos) return false;
  std::string ext = name.substr(dot + 1);
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  for (const char* e : {"md", "yaml", "yml", "png", "jpg", "jpeg", "ttf", "otf", "ttc"})
    if (ext == e) return true;
  return false;
}

// A change the build may see: a file it read, a file of a kind it reads, a folder come or gone.
bool matters(const FolderChange& change, const Scope& scope) {
  if (change.path.empty()) return true;  // events were lost
  if (inside(change.path, scope.out_dir)) return false;
  if (scope.inputs.count(change.path)) return true;
  const std::string name = change.path.substr(change.path.rfind('/') + 1);
  return !scratch_name(name) && (change.is_dir || input_like(name));
}

std::string shown(const std::string& path) {
  const std::string cwd = absolute(".");
  return path.empty() ? "(events lost)" : inside(path, cwd) && path != cwd ? path.substr(cwd.size() + 1) : path;
}

// SIGINT and SIGTERM, blocked in every thread and read from a file descriptor, so an interrupt
// ends the watch between builds (never inside one) and with exit code 0.
class StopSignals {
 public:
  StopSignals() {
    sigemptyset(&set_);
    sigaddset(&set_, SIGINT);
    sigaddset(&set_, SIGTERM);
    ::pthread_sigmask(SIG_BLOCK, &set_, nullptr);
    ::signal(SIGINT, SIG_DFL);  // a background job starts with SIGINT ignored; a watch must stop on it
    fd_ = ::signalfd(-1, &set_, SFD_CLOEXEC);
  }
  ~StopSignals() {
    if (fd_ >= 0) ::close(fd_);
  }
  int fd() const { return fd_; }

 private:
  sigset_t set_{};
  int fd_ = -1;
};

}  // namespace

std::set<std::string> watched_folders(const BuildOptions& options) { return scope_of(options).folders; }

namespace {

// One build, then the watches for what it read.
Scope build_and_rewatch(const BuildOptions& opt, FolderWatcher& watcher, std::ostream& out, std::ostream& err) {
  watcher.watch(scope_of(opt).folders);  // before: changes made during the build are seen
  run_build(opt, out, err);
  Scope scope = scope_of(opt);
  watcher.watch(scope.folders);
  out.flush(), err.flush();
  return scope;
}

void announce(const std::vector<FolderChange>& changes, std::ostream& out) {
  std::set<std::string> paths;
  for (const auto& c : changes) paths.insert(c.path);
  out << "changed: " << shown(*paths.begin());
  if (paths.size() > 1) out << " and " << paths.size() - 1 << " more";
  out << "\n";
}

}  // namespace

int run_watch(const BuildOptions& options, std::ostream& out, std::ostream& err) {
  BuildOptions opt = options;
  opt.report_style = ReportStyle::Changes;
  StopSignals stop;
  FolderWatcher watcher;
  if (!watcher.error().empty() || stop.fd() < 0) {
    err << "error: " << (watcher.error().empty() ? "cannot catch SIGINT (signalfd)" : watcher.error()) << "\n";
    return kExitConfigError;
  }
  Scope scope = build_and_rewatch(opt, watcher, out, err);
  out << "watching " << scope.folders.size() << " folders for changes (Ctrl-C stops)" << std::endl;
  std::vector<FolderChange> pending;
  auto first = std::chrono::steady_clock::now();
  for (;;) {
    const int waited = static_cast<int>(
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - first).count());
    const int timeout = pending.empty() ? -1 : std::clamp(kLongestWaitMs - waited, 0, kQuietMs);
    std::vector<FolderChange> changes;
    const auto wake = watcher.wait(timeout, stop.fd(), changes);
    if (wake == FolderWatcher::Wake::Other) break;  // SIGINT or SIGTERM
    if (wake == FolderWatcher::Wake::Timeout && !pending.empty()) {
      announce(pending, out);
      scope = build_and_rewatch(opt, watcher, out, err);
      pending.clear();
      continue;
    }
    for (auto& c : changes)
      if (matters(c, scope)) {
        if (pending.empty()) first = std::chrono::steady_clock::now();
        pending.push_back(std::move(c));
      }
  }
  out << "stopped watching" << std::endl;
  return kExitOk;
}

}  // namespace handout
