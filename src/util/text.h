// Small string helpers shared by several stages.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace handout {

/// Replaces every `{key}` in `pattern` with its value; unknown keys stay as written.
std::string fill_template(std::string_view pattern,
                          const std::vector<std::pair<std::string, std::string>>& values);
/// `text` with its spaces made no-break spaces: a phone number is never cut across lines
/// ("(503)" at one line's end, "555-0142" on the next).
std::string no_break_spaces(std::string_view text);
/// `text` safe inside HTML or XML text and attribute values: & < > " ' as references.
std::string html_escape(std::string_view text);
/// Collapses runs of whitespace into single spaces and trims both ends.
std::string collapse_spaces(std::string_view s);
/// A web address as a reader would type it: "https://www.x.org/" -> "www.x.org".
std::string display_url(std::string url);
/// True when `path` is an existing regular file.
bool is_file(const std::string& path);
/// True when `path` is an existing folder.
bool is_dir(const std::string& path);
/// Reads a whole file; returns false if it cannot be opened.
bool read_file(const std::string& path, std::string& out);
/// Joins `dir` and a relative `path`; an absolute `path` is returned as is.
std::string join_path(const std::string& dir, const std::string& path);
/// The directory part of `path` ("." when there is none).
std::string dir_of(const std::string& path);

}  // namespace handout
