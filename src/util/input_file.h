// Reading the text files a clinic writes (YAML, Markdown) before any parser sees them.
#pragma once
#include <string>

#include "diag/diagnostic.h"

namespace handout {

/// Input files larger than this are refused unless the config raises limits.input_megabytes.
constexpr long long kDefaultMaxInputBytes = 2LL << 20;

/// Reads a whole input file. Refuses one over `max_bytes` (before reading it). Each invalid
/// UTF-8 byte and NUL byte becomes U+FFFD with a warning at file:line:col (the first few;
/// then one line counting the rest). `what` names the file in "cannot read" errors.
bool read_input_file(const std::string& path, const std::string& what, long long max_bytes, std::string& text,
                     Diagnostics& diags);
/// The same size limit and "cannot read" error, but the bytes as they are (for a parser that
/// reports invalid UTF-8 as an error rather than repairing it).
bool read_input_bytes(const std::string& path, const std::string& what, long long max_bytes, std::string& bytes,
                      Diagnostics& diags);

/// The same check on text already in memory: returns `text` with bad bytes replaced.
std::string repair_utf8(const std::string& text, const std::string& file, Diagnostics& diags);

}  // namespace handout
