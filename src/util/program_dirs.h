// Where the program finds its own data (layouts, default strings): beside an installed or moved
// binary, at the compiled-in install prefix, or, for a binary still in its build tree, the source.
#pragma once
#include <string>
#include <vector>

namespace handout {

/// The folders a build knows at compile time.
struct BuildDirs {
  std::string installed_data;  ///< CMAKE_INSTALL_FULL_DATADIR/handout
  std::string build_tree;      ///< CMAKE_BINARY_DIR: a binary inside it is a build-tree binary
  std::string source_data;     ///< CMAKE_SOURCE_DIR: data for build-tree binaries only
};

/// The program's data folders, in search order, for an executable in `exe_dir`:
/// `<exe_dir>/../share/handout`, then `installed_data`, each if `is_dir` says it exists; a
/// binary inside `build_tree` searches `source_data` before `installed_data` (so a developer's
/// build never picks up an older installed copy) and no other binary ever searches it.
std::vector<std::string> program_data_dirs(const std::string& exe_dir, const BuildDirs& build,
                                           bool (*is_dir)(const std::string&));
/// Where the modules a build installs (shared objects loaded on demand) are found.
struct ModuleDirs {
  std::string build_tree;          ///< CMAKE_BINARY_DIR, where a build puts them
  std::string relative_to_bindir;  ///< the install's module folder seen from its bin folder
  std::string installed;           ///< the module folder at the configured install prefix
};

/// The paths to try for module `file`, in order: a binary inside the build tree tries the
/// build tree's first; then beside a moved or packaged install (`<exe_dir>/<relative>`); then
/// the install prefix.
std::vector<std::string> program_module_paths(const std::string& exe_dir, const ModuleDirs& dirs,
                                              const std::string& file);
/// The canonical folder of the running executable (/proc/self/exe), or "" when unknown.
std::string executable_dir();
/// `path` with symbolic links, "." and ".." resolved, or `path` itself when it does not exist.
std::string canonical_or_same(const std::string& path);

}  // namespace handout
