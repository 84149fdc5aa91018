// handout's own modules: shared objects opened on first use, so the libraries they bring
// (poppler for thumbnails, qpdf and GnuTLS for encryption) load only in runs that need them.
#pragma once
#include <string>

namespace handout {

/// A module's entry point, or why there is none.
struct ModuleEntry {
  void* entry = nullptr;
  std::string problem;  ///< e.g. "thumbnails need handout-thumbnail.so, not found (looked in ...)"
};

/// Opens the module `file` (beside the binary in a build tree, else in the install's module
/// folder: see program_module_paths) and looks up `symbol`. The module stays open for the run.
/// `purpose` starts the message when it is not found ("thumbnails").
ModuleEntry open_module(const std::string& file, const char* symbol, const std::string& purpose);

}  // namespace handout
