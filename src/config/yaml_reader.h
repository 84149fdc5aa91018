// Checked reading of YAML maps: typed getters, positions, unknown-key errors.
// Private to src/config/: nothing outside this module sees yaml-cpp.
#pragma once
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "config/types.h"
#include "diag/diagnostic.h"
#include "util/input_file.h"
#include "util/text.h"

namespace handout::yaml {

/// Parses YAML text; a syntax error becomes a diagnostic. `line_offset` is added to
/// reported lines (for front matter that starts inside a Markdown file).
bool parse(const std::string& text, const std::string& file, int line_offset, YAML::Node& out,
           Diagnostics& diags);

/// Reads a YAML file (see read_input_file: size limit, UTF-8 check) and hands its text to
/// `parse`; a file that cannot be read is reported as "cannot read <what> '<path>'".
template <typename T, typename Parse>
bool load_yaml_file(const std::string& path, const std::string& what, long long max_bytes, T& out,
                    Diagnostics& diags, Parse parse) {
  std::string text;
  if (!read_input_file(path, what, max_bytes, text, diags)) return false;
  return parse(text, path, out, diags);
}

/// Reads one YAML map. Every getter records its key as known; finish() reports the rest.
class MapReader {
 public:
  /// `what` names the map in messages, e.g. "'clinic'" or "config".
  MapReader(const YAML::Node& node, std::string file, int line_offset, std::string what,
            Diagnostics& diags);

  /// False (with an error) when the node is not a map.
  bool ok() const { return ok_; }
  std::optional<std::string> text(const std::string& key, bool required = false);
  std::optional<double> number(const std::string& key, double min, double max);
  std::optional<int> integer(const std::string& key, int min, int max);
  std::optional<bool> boolean(const std::string& key);
  /// A list of strings; a single string is accepted as a list of one when `allow_scalar`.
  std::optional<std::vector<std::string>> text_list(const std::string& key, bool allow_scalar);
  /// Text (or, when `list_allowed`, a list of texts) given once or per language code.
  LocalizedText localized(const std::string& key, bool list_allowed);
  /// The raw node (undefined when absent), for nested maps and lists.
  YAML::Node child(const std::string& key, bool required = false);
  /// A website (or e-mail address) to link to: the text as written, and in `uri` the link
  /// made of it, or "" with a warning at the value when it is not a safe link.
  std::optional<std::string> link(const std::string& key, std::string& uri);
  /// Position of a key's value (or of the map itself when the key is absent).
  SourcePos pos(const std::string& key) const;
  SourcePos pos_of(const YAML::Node& n) const;
  /// When the map has `key`, reports `message` at its value (and not again as an unknown key):
  /// for a key that must never be written (a password). True when it was there.
  bool refuse(const std::string& key, const std::string& message);
  /// Reports every key that no getter asked for, with a suggestion.
  void finish();

  const std::string& file() const { return file_; }
  int line_offset() const { return line_offset_; }
  Diagnostics& diags() { return diags_; }

 private:
  YAML::Node find(const std::string& key);
  void error(const YAML::Node& at, const std::string& message);

  YAML::Node node_;
  std::string file_;
  int line_offset_;
  std::string what_;
  Diagnostics& diags_;
  bool ok_ = true;
  std::vector<std::string> known_;
  std::vector<std::string> misspelt_;  // unknown keys already reported as a required key misspelt
};

}  // namespace handout::yaml
