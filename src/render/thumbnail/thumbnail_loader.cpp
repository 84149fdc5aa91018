#include <dlfcn.h>
#include <sys/stat.h>

#include "render/thumbnail/thumbnail.h"
#include "util/program_dirs.h"

namespace handout {
namespace {

using Entry = bool (*)(const std::string&, int, Thumbnail&, std::string&);

bool is_file(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

// The module, opened once: its entry point, or why there is none.
struct Module {
  Entry entry = nullptr;
  std::string problem;
};

Module open_module() {
  const ModuleDirs dirs{HANDOUT_BUILD_DIR, HANDOUT_BIN_TO_MODULE_DIR, HANDOUT_INSTALL_MODULE_DIR};
  const std::vector<std::string> paths = program_module_paths(executable_dir(), dirs, "handout-thumbnail.so");
  for (const auto& path : paths) {
    if (!is_file(path)) continue;
    void* handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);  // kept open for the run
    if (!handle) return {nullptr, "cannot load " + path + ": " + (::dlerror() ? ::dlerror() : "unknown error")};
    if (auto entry = reinterpret_cast<Entry>(::dlsym(handle, "handout_thumbnail_v1"))) return {entry, ""};
    return {nullptr, path + " is not handout's thumbnail module"};
  }
  std::string looked;
  for (const auto& path : paths) looked += (looked.empty() ? "" : ", ") + path;
  return {nullptr, "thumbnails need handout-thumbnail.so, not found (looked in " + looked + ")"};
}

}  // namespace

bool render_thumbnail(const std::string& pdf_path, int width, Thumbnail& out, std::string& error) {
  static const Module module = open_module();
  if (!module.entry) {
    error = module.problem;
    return false;
  }
  return module.entry(pdf_path, width, out, error);
}

}  // namespace handout
