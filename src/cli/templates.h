// The files `handout init` and `handout new` start from (templates/ in the source tree).
//
// They are compiled into the binary (cmake/embed_files.cmake) rather than read from the data
// folder at run time: a clinic's first command must work wherever the tool was installed or
// copied, and a template that is part of the binary can never be missing or out of step with
// the options that fill it in. Only the schemas, which editors read, stay files.
#pragma once
#include <optional>
#include <string_view>
#include <vector>

namespace handout {

/// One embedded file: its path under templates/ and its bytes.
struct EmbeddedFile {
  std::string_view path;
  std::string_view text;
};

/// Every file under templates/, in path order.
const std::vector<EmbeddedFile>& embedded_templates();

/// The embedded file at `path` (under templates/), if there is one.
inline std::optional<std::string_view> embedded_template(std::string_view path) {
  for (const auto& f : embedded_templates())
    if (f.path == path) return f.text;
  return std::nullopt;
}

}  // namespace handout
