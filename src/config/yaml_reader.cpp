#include "config/yaml_reader.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string_view>
#include <vector>

#include "config/config.h"
#include "config/suggest.h"
#include "util/link.h"

namespace handout::yaml {

namespace {

// Nodes visited when checking a file: aliases can make a small file a huge tree ("billion
// laughs"); past this many the file is refused rather than walked.
constexpr long kMaxNodes = 1'000'000;

// The lines of a text, found once (a file may have a great many keys to look at).
class Lines {
 public:
  explicit Lines(const std::string& text) : text_(text) {}
  /// Line `index` (0-based), without its line end ("" past the end).
  std::string_view operator[](int index) {
    if (starts_.empty()) {
      starts_.push_back(0);
      for (std::size_t i = text_.find('\n'); i != std::string::npos; i = text_.find('\n', i + 1))
        starts_.push_back(i + 1);
    }
    if (index < 0 || static_cast<std::size_t>(index) >= starts_.size()) return {};
    const std::size_t start = starts_[index];
    std::string_view line = std::string_view(text_).substr(start, text_.find('\n', start) - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return line;
  }

 private:
  const std::string& text_;
  std::vector<std::size_t> starts_;
};

bool blank(char c) { return c == ' ' || c == '\t'; }

// `value` as YAML would need it written: in double quotes (single when it holds a '"').
std::string quoted(std::string_view value) {
  if (value.find('"') != std::string_view::npos && value.find('\'') == std::string_view::npos)
    return "'" + std::string(value) + "'";
  std::string out = "\"";
  for (const char c : value) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

// The text up to a comment (" #") or the line's end, without trailing blanks.
std::string_view before_comment(std::string_view s) {
  for (std::size_t i = 1; i < s.size(); ++i)
    if (s[i] == '#' && blank(s[i - 1])) {
      s = s.substr(0, i);
      break;
    }
  while (!s.empty() && blank(s.back())) s.remove_suffix(1);
  return s;
}

// The keys whose values are colours (clinic_config.cpp's read_color).
bool colour_key(const std::string& key) { return key == "primary" || key == "accent"; }

// `primary: #7A3E9D` is the key `primary` with no value and a comment: the colour is lost
// without a word. For a key whose value is null, the value as written when the line has a '#'
// right after the colon and its blanks, with no blank after it (a colour, "#1"); "" when not
// (`hours:   # one line per entry` is a comment).
std::string hash_value(Lines& lines, const YAML::Node& key) {
  if (key.Mark().is_null()) return "";
  const std::string_view line = lines[key.Mark().line];
  std::size_t i = static_cast<std::size_t>(key.Mark().column);
  if (i >= line.size()) return "";
  if (line[i] == '"' || line[i] == '\'') {  // a quoted key: to its closing quote
    const std::size_t close = line.find(line[i], i + 1);
    if (close == std::string_view::npos) return "";
    i = close + 1;
  } else if (line.substr(i, key.Scalar().size()) == key.Scalar()) {
    i += key.Scalar().size();
  } else {
    return "";
  }
  while (i < line.size() && blank(line[i])) ++i;
  if (i >= line.size() || line[i] != ':') return "";
  const std::size_t colon = i++;
  while (i < line.size() && blank(line[i])) ++i;
  if (i == colon + 1 || i + 1 >= line.size() || line[i] != '#' || blank(line[i + 1])) return "";
  return std::string(before_comment(line.substr(i)));
}

// Walks every map of a file: a key given twice (yaml-cpp keeps both and lookups see the first,
// so a clinic editing the second would print the old value) and a value lost to a '#' are
// errors. False when the tree is too large to walk.
struct KeyChecker {
  Lines lines;
  const std::string& file;
  int line_offset;
  long budget;
  Diagnostics& diags;

  bool walk(const YAML::Node& node) {
    if (--budget < 0) return false;
    if (node.IsSequence()) {
      for (const auto& item : node)
        if (!walk(item)) return false;
    } else if (node.IsMap()) {
      std::map<std::string, int> first_line;
      for (auto it = node.begin(); it != node.end(); ++it) {
        const YAML::Node key = it->first;  // a copy: the iterator hands out a temporary
        const int line = key.Mark().line + 1 + line_offset;
        if (key.IsScalar()) {
          auto [seen, inserted] = first_line.try_emplace(key.Scalar(), line);
          if (!inserted)
            diags.error(file, line, key.Mark().column + 1,
                        "duplicate key '" + key.Scalar() + "' (first given at line " + std::to_string(seen->second) +
                            ")");
          if (it->second.IsNull()) check_hash(key, line);
        }
        if (!walk(it->second)) return false;
      }
    }
    return true;
  }

  void check_hash(const YAML::Node& key, int line) {
    const std::string value = hash_value(lines, key);
    if (value.empty()) return;
    const std::string& name = key.Scalar();
    diags.error(file, line, key.Mark().column + 1,
                "'" + name + "' has no value: '#' starts a comment in YAML; quote the " +
                    (colour_key(name) ? "colour" : "value") + ": " + name + ": " + quoted(value));
  }
};

// What to do about yaml-cpp's "illegal map value" at `mark`: a second ": " in a value
// (`title: Asthma: using a spacer`) needs the value quoted. With the line's key and value when
// the error is inside the value (not at the key's own colon: that is indentation).
std::string map_value_hint(const std::string& text, const YAML::Mark& mark) {
  const std::string hint = "a value containing ': ' must be quoted";
  std::string_view line = Lines(text)[mark.line];
  std::size_t start = 0;
  while (start < line.size() && blank(line[start])) ++start;
  if (line.substr(start, 2) == "- ") start += 2;
  const std::size_t colon = line.find(": ", start);
  if (colon == std::string_view::npos || static_cast<std::size_t>(mark.column) <= colon) return hint;
  const std::string_view key = line.substr(start, colon - start);
  std::string_view value = line.substr(colon + 2);
  while (!value.empty() && blank(value.front())) value.remove_prefix(1);
  value = before_comment(value);
  if (key.empty() || value.empty() || value.front() == '"' || value.front() == '\'' ||
      key.find_first_of("\"'{[") != std::string_view::npos)
    return hint;
  return hint + ", e.g. " + std::string(key) + ": " + quoted(value);
}

}  // namespace

bool parse(const std::string& text, const std::string& file, int line_offset, YAML::Node& out,
           Diagnostics& diags) {
  try {
    out = YAML::Load(text);
  } catch (const YAML::DeepRecursion& e) {
    diags.error(file, e.mark.line + 1 + line_offset, e.mark.column + 1,
                "YAML nested more than " + std::to_string(e.depth() - 1) + " levels deep; handout files need a few");
    return false;
  } catch (const YAML::Exception& e) {
    std::string message = "invalid YAML: " + e.msg;
    if (e.msg == YAML::ErrorMsg::MAP_VALUE) message += ": " + map_value_hint(text, e.mark);
    diags.error(file, e.mark.line + 1 + line_offset, e.mark.column + 1, message);
    return false;
  }
  const auto errors_before = diags.error_count();
  KeyChecker checker{Lines(text), file, line_offset, kMaxNodes, diags};
  if (!checker.walk(out)) {
    diags.error(file, 0, 0, "YAML aliases expand to more than " + std::to_string(kMaxNodes) + " values");
    return false;
  }
  return diags.error_count() == errors_before;
}

MapReader::MapReader(const YAML::Node& node, std::string file, int line_offset, std::string what,
                     Diagnostics& diags)
    : node_(node), file_(std::move(file)), line_offset_(line_offset), what_(std::move(what)),
      diags_(diags) {
  if (!node_.IsMap()) {
    ok_ = false;
    diags_.error(pos_of(node_), what_ + " must be a map of 'key: value' entries");
  }
}

SourcePos MapReader::pos_of(const YAML::Node& n) const {
  auto mark = n.Mark();
  if (mark.is_null()) return {file_, 0, 0};
  return {file_, mark.line + 1 + line_offset_, mark.column + 1};
}

SourcePos MapReader::pos(const std::string& key) const {
  if (ok_) {
    for (auto it = node_.begin(); it != node_.end(); ++it)
      if (it->first.Scalar() == key) return pos_of(it->second);
  }
  return pos_of(node_);
}

void MapReader::error(const YAML::Node& at, const std::string& message) {
  diags_.error(pos_of(at), message);
}

YAML::Node MapReader::find(const std::string& key) {
  known_.push_back(key);
  if (!ok_) return YAML::Node(YAML::NodeType::Undefined);
  for (auto it = node_.begin(); it != node_.end(); ++it)
    if (it->first.Scalar() == key) return it->second;
  return YAML::Node(YAML::NodeType::Undefined);
}

YAML::Node MapReader::child(const std::string& key, bool required) {
  auto n = find(key);
  if (ok_ && required && !n.IsDefined()) {
    // A misspelling of the key is the likelier story: say that instead.
    for (auto it = node_.begin(); it != node_.end(); ++it) {
      const std::string written = it->first.Scalar();
      if (written == key || did_you_mean(written, {key}).empty()) continue;
      misspelt_.push_back(written);
      diags_.error(pos_of(it->first), "unknown key '" + written + "' in " + what_ + " (did you mean '" + key + "'?)");
      return n;
    }
  }
  if (ok_ && required && (!n.IsDefined() || n.IsNull()))
    error(node_, "missing required key '" + key + "' in " + what_);
  return n;
}

std::optional<std::string> MapReader::text(const std::string& key, bool required) {
  auto n = child(key, required);
  if (!n.IsDefined() || n.IsNull()) return std::nullopt;
  if (!n.IsScalar()) {
    error(n, "'" + key + "' in " + what_ + " must be text");
    return std::nullopt;
  }
  return n.Scalar();
}

std::optional<std::string> MapReader::link(const std::string& key, std::string& uri) {
  auto value = text(key);
  if (!value) return value;
  const LinkTarget target = key == "email" ? email_link(*value) : web_link(*value);
  uri = target.uri;
  if (!target.ok()) diags_.warning(pos(key), target.refusal);
  return value;
}

std::optional<double> MapReader::number(const std::string& key, double min, double max) {
  auto n = child(key);
  if (!n.IsDefined() || n.IsNull()) return std::nullopt;
  double v = 0;
  if (!n.IsScalar() || !YAML::convert<double>::decode(n, v) || !std::isfinite(v)) {
    error(n, "'" + key + "' in " + what_ + " must be a number");
    return std::nullopt;
  }
  if (v < min || v > max) {
    char buf[160];
    std::snprintf(buf, sizeof buf, "'%s' in %s must be between %g and %g (got %g)", key.c_str(),
                  what_.c_str(), min, max, v);
    error(n, buf);
    return std::nullopt;
  }
  return v;
}

std::optional<int> MapReader::integer(const std::string& key, int min, int max) {
  auto v = number(key, min, max);
  if (!v) return std::nullopt;
  if (*v != std::floor(*v)) {
    error(find(key), "'" + key + "' in " + what_ + " must be a whole number");
    return std::nullopt;
  }
  return static_cast<int>(*v);
}

std::optional<bool> MapReader::boolean(const std::string& key) {
  auto n = child(key);
  if (!n.IsDefined() || n.IsNull()) return std::nullopt;
  bool v = false;
  if (!n.IsScalar() || !YAML::convert<bool>::decode(n, v)) {
    error(n, "'" + key + "' in " + what_ + " must be true or false");
    return std::nullopt;
  }
  return v;
}

std::optional<std::vector<std::string>> MapReader::text_list(const std::string& key,
                                                             bool allow_scalar) {
  auto n = child(key);
  if (!n.IsDefined() || n.IsNull()) return std::nullopt;
  std::vector<std::string> out;
  if (n.IsScalar() && allow_scalar) {
    out.push_back(n.Scalar());
    return out;
  }
  if (!n.IsSequence()) {
    error(n, "'" + key + "' in " + what_ + " must be a list");
    return std::nullopt;
  }
  for (const auto& item : n) {
    if (!item.IsScalar()) {
      error(item, "each entry of '" + key + "' in " + what_ + " must be text");
      return std::nullopt;
    }
    out.push_back(item.Scalar());
  }
  return out;
}

LocalizedText MapReader::localized(const std::string& key, bool list_allowed) {
  LocalizedText out;
  auto node = child(key);
  if (!node.IsDefined() || node.IsNull()) return out;
  auto one = [&](const YAML::Node& n, const std::string& lang) {
    if (n.IsScalar()) {
      out[lang] = {n.Scalar()};
    } else if (list_allowed && n.IsSequence()) {
      for (const auto& item : n) {
        if (!item.IsScalar()) return error(item, "each entry of '" + key + "' must be text");
        out[lang].push_back(item.Scalar());
      }
    } else {
      error(n, "'" + key + "' must be text" + std::string(list_allowed ? " or a list" : "") +
                   ", or a map from language code to that");
    }
  };
  if (!node.IsMap()) {
    one(node, "");
    return out;
  }
  for (auto it = node.begin(); it != node.end(); ++it) {
    const auto lang = it->first.Scalar();
    if (lang != "default" && !valid_language_code(lang))
      error(it->first, "invalid language code '" + lang + "' in '" + key + "'");
    one(it->second, lang);
  }
  return out;
}

bool MapReader::refuse(const std::string& key, const std::string& message) {
  const YAML::Node& map = node_;
  if (!ok_ || !map.IsMap() || !map[key]) return false;
  diags_.error(pos(key), message);
  misspelt_.push_back(key);
  return true;
}

void MapReader::finish() {
  if (!ok_) return;
  for (auto it = node_.begin(); it != node_.end(); ++it) {
    const std::string key = it->first.Scalar();
    if (std::find(known_.begin(), known_.end(), key) != known_.end()) continue;
    if (std::find(misspelt_.begin(), misspelt_.end(), key) != misspelt_.end()) continue;  // reported
    diags_.error(pos_of(it->first),
                 "unknown key '" + key + "' in " + what_ + did_you_mean(key, known_));
  }
}

}  // namespace handout::yaml
