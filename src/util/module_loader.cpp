#include "util/module_loader.h"

#include <dlfcn.h>
#include <sys/stat.h>

#include <vector>

#include "util/program_dirs.h"

namespace handout {
namespace {

bool is_file(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

}  // namespace

ModuleEntry open_module(const std::string& file, const char* symbol, const std::string& purpose) {
  const ModuleDirs dirs{HANDOUT_BUILD_DIR, HANDOUT_BIN_TO_MODULE_DIR, HANDOUT_INSTALL_MODULE_DIR};
  const std::vector<std::string> paths = program_module_paths(executable_dir(), dirs, file);
  for (const auto& path : paths) {
    if (!is_file(path)) continue;
    void* handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);  // kept open for the run
    if (!handle) return {nullptr, "cannot load " + path + ": " + (::dlerror() ? ::dlerror() : "unknown error")};
    if (void* entry = ::dlsym(handle, symbol)) return {entry, ""};
    return {nullptr, path + " is not handout's " + file + " (no " + symbol + ")"};
  }
  std::string looked;
  for (const auto& path : paths) looked += (looked.empty() ? "" : ", ") + path;
  return {nullptr, purpose + " need " + file + ", not found (looked in " + looked + ")"};
}

}  // namespace handout
