// Reading the text files a clinic writes (YAML, Markdown) before any parser sees them.
#pragma once
#include <string>

#include "diag/diagnostic.h"

namespace handout {

/// Input files larger than this are refused unless the config raises limits.input_megabytes.
constexpr long long kDefaultMaxInputBytes = 2LL << 20;

/// Reads a whole input file. Refuses one over `max_bytes` (before reading it), then checks
/// its text with check_input_text: false (with the error) when it cannot be used.
/// `what` names the file in "cannot read" errors.
bool read_input_file(const std::string& path, const std::string& what, long long max_bytes, std::string& text,
                     Diagnostics& diags);
/// The same size limit and "cannot read" error, but the bytes as they are (for a parser that
/// reports invalid UTF-8 as an error rather than repairing it).
bool read_input_bytes(const std::string& path, const std::string& what, long long max_bytes, std::string& bytes,
                      Diagnostics& diags);

/// Makes a clinic's file text for the parsers, or says why it is not. A UTF-8 byte-order mark
/// (Notepad, Word's "save as text") is removed: lines and columns count as an editor shows
/// them. Bytes that are not UTF-8 and NUL bytes are one error per file, at the first
/// (file:line:col, the column in characters), naming the encoding the file looks like
/// (Windows-1252, Latin-1, UTF-16, a Word document) and counting the rest; a U+FFFD already in
/// the text (a character lost before the file was saved) is another. False on any error:
/// nothing of the file may reach a handout.
bool check_input_text(std::string& text, const std::string& file, Diagnostics& diags);

}  // namespace handout
