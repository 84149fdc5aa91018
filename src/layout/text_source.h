// Where set text came from, for messages about it (shared by the paragraph setter's files).
#pragma once
#include <string>

namespace handout {

/// Where a paragraph came from, for warnings about characters no font covers.
struct TextSource {
  std::string file;
  int line = 0;
  bool personal = false;  ///< a patient's data: messages count its characters, never quote them
};

}  // namespace handout
