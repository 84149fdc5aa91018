#include "util/program_dirs.h"

#include <climits>
#include <cstdlib>
#include <unistd.h>

namespace handout {

namespace {

// "a/b/c" -> "a/b"; "/c" -> "/".
std::string parent_of(const std::string& dir) {
  const auto slash = dir.find_last_of('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : dir.substr(0, slash);
}

// True when `dir` is `root` or a folder below it (compared as paths, not as string prefixes).
bool is_inside(const std::string& dir, const std::string& root) {
  if (root.empty() || dir.empty()) return false;
  if (dir == root) return true;
  const std::string prefix = root.back() == '/' ? root : root + "/";
  return dir.starts_with(prefix);
}

}  // namespace

std::vector<std::string> program_data_dirs(const std::string& exe_dir, const BuildDirs& build,
                                           bool (*is_dir)(const std::string&)) {
  std::vector<std::string> dirs;
  auto add = [&](const std::string& dir) {
    if (dir.empty() || !is_dir(dir)) return;
    for (const auto& d : dirs)
      if (d == dir) return;
    dirs.push_back(dir);
  };
  if (!exe_dir.empty()) add(parent_of(exe_dir) + "/share/handout");
  if (is_inside(exe_dir, build.build_tree)) add(build.source_data);
  add(build.installed_data);
  return dirs;
}

std::vector<std::string> program_module_paths(const std::string& exe_dir, const ModuleDirs& dirs,
                                              const std::string& file) {
  std::vector<std::string> paths;
  auto add = [&](const std::string& dir) {
    if (dir.empty()) return;
    const std::string path = dir + "/" + file;
    for (const auto& p : paths)
      if (p == path) return;
    paths.push_back(path);
  };
  if (is_inside(exe_dir, dirs.build_tree)) add(dirs.build_tree);
  if (!exe_dir.empty() && !dirs.relative_to_bindir.empty()) add(exe_dir + "/" + dirs.relative_to_bindir);
  add(dirs.installed);
  return paths;
}

std::string canonical_or_same(const std::string& path) {
  char resolved[PATH_MAX];
  return ::realpath(path.c_str(), resolved) ? std::string(resolved) : path;
}

std::string executable_dir() {
  char buf[PATH_MAX];
  const ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) return "";
  return parent_of(std::string(buf, static_cast<std::size_t>(n)));
}

}  // namespace handout
