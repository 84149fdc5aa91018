#include "build/translate_clinic.h"

#include <algorithm>
#include <set>

#include "config/config.h"
#include "hash/content_hash.h"
#include "build/language_catalogue.h"
#include "translate/rebuild.h"
#include "util/text.h"

namespace handout {
namespace {

using translate::yaml_quoted;

// A YAML file written in block style, edited by lines.
struct YamlLines {
  std::vector<std::string> lines;

  explicit YamlLines(const std::string& text) {
    std::size_t at = 0;
    for (std::size_t nl; (nl = text.find('\n', at)) != std::string::npos; at = nl + 1) lines.push_back(text.substr(at, nl - at));
    if (at < text.size()) lines.push_back(text.substr(at));
  }
  std::string text() const {
    std::string out;
    for (const auto& l : lines) out += l + "\n";
    return out;
  }
  static bool blank(const std::string& l) {
    const auto first = l.find_first_not_of(' ');
    return first == std::string::npos || l[first] == '#';
  }
  int indent(int i) const { return static_cast<int>(lines[i].find_first_not_of(' ')); }
  // The first line after `i` that is not inside i's value (blank lines and comments belong to it).
  int block_end(int i) const {
    int end = i + 1, last = i + 1;
    for (; end < static_cast<int>(lines.size()); ++end) {
      if (blank(lines[end])) continue;
      // a list may stand at its key's indent ("key:\n- a"), as part of its value
      const bool same_indent_item = indent(end) == indent(i) && lines[end].compare(indent(end), 2, "- ") == 0 &&
                                    lines[i].back() == ':' && lines[i].compare(indent(i), 2, "- ") != 0;
      if (indent(end) <= indent(i) && !same_indent_item) break;
      last = end + 1;
    }
    return last;
  }
  // A line `key:` (key plain or quoted) at exactly `at` indent in [from, to); -1 when none.
  int find_key(const std::string& key, int at, int from, int to) const {
    for (int i = from; i < to && i < static_cast<int>(lines.size()); ++i) {
      if (blank(lines[i]) || indent(i) != at) continue;
      const std::string rest = lines[i].substr(at);
      for (const std::string& k : {key, "\"" + key + "\"", "'" + key + "'"})
        if (rest.rfind(k + ":", 0) == 0) return i;
    }
    return -1;
  }
  // Line i becomes `key: value`, dropping what its old value spanned.
  void set(int i, const std::string& key, const std::string& value) {
    const int end = block_end(i);
    lines.erase(lines.begin() + i + 1, lines.begin() + end);
    lines[i] = std::string(indent(i), ' ') + key + ": " + value;
  }
  // In the map whose key is on line `map`, `key: value`: replaced, else added at its end.
  void set_in_map(int map, const std::string& key, const std::string& value) {
    const int end = block_end(map);
    int child = map + 1;
    while (child < end && blank(lines[child])) ++child;
    const int at = child < end ? indent(child) : indent(map) + 2;
    const int i = find_key(key, at, map + 1, end);
    if (i >= 0) return set(i, key, value);
    int last = end;
    while (last > map + 1 && blank(lines[last - 1])) --last;
    lines.insert(lines.begin() + last, std::string(at, ' ') + key + ": " + value);
  }
};

std::string flow_list(const std::vector<std::string>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + yaml_quoted(items[i]);
  return out + "]";
}

std::set<std::string> placeholders(const std::string& text) {
  std::set<std::string> out;
  for (std::size_t open = text.find('{'); open != std::string::npos; open = text.find('{', open + 1)) {
    const std::size_t close = text.find('}', open);
    if (close == std::string::npos) break;
    out.insert(text.substr(open, close - open + 1));
  }
  return out;
}

std::string file_text(const std::string& path) {
  std::string text;
  return read_file(path, text) ? text : "";
}

// The strings file with the translated labels in place and taken off `untranslated`.
std::string edit_strings(std::string text, const Strings& source, const std::map<std::string, std::string>& t) {
  YamlLines y(text);
  const int n = static_cast<int>(y.lines.size());
  std::set<std::string> done;
  std::vector<std::string> months;
  for (const auto& [id, value] : t) {
    if (id.rfind("label.months.", 0) == 0) continue;
    if (id.rfind("label.language_names.", 0) == 0) {
      const std::string code = id.substr(21);
      int map = y.find_key("language_names", 0, 0, static_cast<int>(y.lines.size()));
      if (map < 0) y.lines.push_back("language_names:"), map = static_cast<int>(y.lines.size()) - 1;
      y.set_in_map(map, code, yaml_quoted(value));
      done.insert("language_names");
      continue;
    }
    const std::string key = id.substr(6);
    const int i = y.find_key(key, 0, 0, static_cast<int>(y.lines.size()));
    if (i >= 0) y.set(i, key, yaml_quoted(value));
    else y.lines.push_back(key + ": " + yaml_quoted(value));
    done.insert(key);
  }
  if (t.count("label.months.1")) {
    for (std::size_t m = 0; m < source.months.size(); ++m) {
      auto it = t.find("label.months." + std::to_string(m + 1));
      months.push_back(it != t.end() ? it->second : source.months[m]);
    }
    const int i = y.find_key("months", 0, 0, static_cast<int>(y.lines.size()));
    if (i >= 0) y.set(i, "months", flow_list(months));
    else y.lines.push_back("months: " + flow_list(months));
    done.insert("months");
  }
  (void)n;
  // What is translated now leaves the list of labels still to translate.
  const int u = y.find_key("untranslated", 0, 0, static_cast<int>(y.lines.size()));
  if (u >= 0) {
    std::vector<std::string> left;
    const int end = y.block_end(u);
    const std::string inline_part = y.lines[u].substr(y.lines[u].find(':') + 1);
    std::string items = inline_part;
    for (int i = u + 1; i < end; ++i) items += "\n" + y.lines[i];
    for (std::size_t at = 0; at < items.size();) {
      const std::size_t start = items.find_first_not_of(" \n-[],\"'", at);
      if (start == std::string::npos) break;
      if (items[start] == '#') { at = items.find('\n', start); continue; }
      const std::size_t stop = items.find_first_of(" \n,]\"'", start);
      const std::string key = items.substr(start, stop - start);
      if (!done.count(key)) left.push_back(key);
      at = stop == std::string::npos ? items.size() : stop;
    }
    y.lines.erase(y.lines.begin() + u + 1, y.lines.begin() + end);
    if (left.empty()) {
      y.lines.erase(y.lines.begin() + u);
    } else {
      y.lines[u] = "untranslated:";
      for (std::size_t k = 0; k < left.size(); ++k) y.lines.insert(y.lines.begin() + u + 1 + k, "  - " + left[k]);
    }
  }
  return y.text();
}

// The config with the language's per-language texts in place.
bool edit_config(std::string& text, const std::string& lang, const std::map<std::string, std::string>& t,
                 std::vector<std::string>& errors) {
  YamlLines y(text);
  auto lines = [&] { return static_cast<int>(y.lines.size()); };
  auto map_of = [&](const std::string& unit, int line) {
    if (line < 0) errors.push_back("unit '" + unit + "': the config has no such per-language text now");
    return line;
  };
  std::vector<std::string> hours;
  for (int i = 1; t.count("clinic.hours." + std::to_string(i)); ++i) hours.push_back(t.at("clinic.hours." + std::to_string(i)));
  if (t.count("clinic.hours")) hours.push_back(t.at("clinic.hours"));
  const int clinic = y.find_key("clinic", 0, 0, lines());
  auto in_clinic = [&](const std::string& key) {
    if (clinic < 0) return -1;
    const int end = y.block_end(clinic);
    for (int at = 1; at <= 8; ++at)
      if (int i = y.find_key(key, y.indent(clinic) + at, clinic + 1, end); i >= 0) return i;
    return -1;
  };
  if (t.count("clinic.tagline"))
    if (int m = map_of("clinic.tagline", in_clinic("tagline")); m >= 0) y.set_in_map(m, lang, yaml_quoted(t.at("clinic.tagline")));
  if (!hours.empty())
    if (int m = map_of("clinic.hours", in_clinic("hours")); m >= 0) y.set_in_map(m, lang, flow_list(hours));
  if (t.count("footer_note"))
    if (int m = map_of("footer_note", y.find_key("footer_note", 0, 0, lines())); m >= 0)
      y.set_in_map(m, lang, yaml_quoted(t.at("footer_note")));
  for (const auto& [id, value] : t) {
    if (id.rfind("extra_resources.", 0) != 0) continue;
    const int n = std::stoi(id.substr(16));
    const int list = y.find_key("extra_resources", 0, 0, lines());
    int item = -1, seen = 0;
    const int end = list >= 0 ? y.block_end(list) : -1;
    for (int i = list + 1; list >= 0 && i < end; ++i)
      if (!YamlLines::blank(y.lines[i]) && y.lines[i].compare(y.indent(i), 2, "- ") == 0 && ++seen == n) { item = i; break; }
    int desc = -1;
    if (item >= 0) {
      const int item_end = y.block_end(item);
      desc = y.find_key("description", y.indent(item) + 2, item + 1, item_end);
      if (desc < 0 && y.lines[item].substr(y.indent(item) + 2).rfind("description:", 0) == 0) desc = -1;
    }
    if (int m = map_of(id, desc); m >= 0) y.set_in_map(m, lang, yaml_quoted(value));
  }
  text = y.text();
  return errors.empty();
}

std::string hash_of(const std::string& text) {
  translate::Unit u;
  u.text = text;
  return u.hash();
}

bool known_unit(const std::string& id) {
  if (id.rfind("label.", 0) == 0) return true;
  return id == "clinic.tagline" || id == "clinic.hours" || id.rfind("clinic.hours.", 0) == 0 || id == "footer_note" ||
         (id.rfind("extra_resources.", 0) == 0 && id.ends_with(".description"));
}

}  // namespace

std::map<std::string, std::string> label_hashes(const Strings& source) {
  std::map<std::string, std::string> out;
  for (const auto& [key, text] : source.labels) out[key] = hash_of(text);
  std::string months;
  for (const auto& m : source.months) months += m + "\n";
  if (!source.months.empty()) out["months"] = hash_of(months);
  for (const auto& [code, name] : source.language_names) out["language_names." + code] = hash_of(name);
  return out;
}

std::string with_label_source(const std::string& strings_text, const std::string& language,
                              const std::map<std::string, std::string>& hashes) {
  YamlLines y(strings_text);
  if (const int i = y.find_key("source", 0, 0, static_cast<int>(y.lines.size())); i >= 0)
    y.lines.erase(y.lines.begin() + i, y.lines.begin() + y.block_end(i));
  const std::string note = "# What the labels were translated from (handout translate): a hash of each source label.";
  y.lines.erase(std::remove(y.lines.begin(), y.lines.end(), note), y.lines.end());  // the note of a record replaced
  while (!y.lines.empty() && YamlLines::blank(y.lines.back()) && y.lines.back().empty()) y.lines.pop_back();
  y.lines.push_back(note);
  y.lines.push_back("source:");
  y.lines.push_back("  language: " + language);
  std::string line = "  labels: {";
  std::size_t n = 0;
  for (const auto& [key, hash] : hashes) {
    const std::string item = (n++ ? ", " : "") + (key.find('.') != std::string::npos ? yaml_quoted(key) : key) + ": " + hash;
    if (line.size() + item.size() > 96) y.lines.push_back(line + ","), line = "    " + item.substr(2);
    else line += item;
  }
  y.lines.push_back(line + "}");
  return y.text();
}

std::string clinic_base(const RunContext& run, const std::string& lang) {
  const std::string own = join_path(dir_of(clinic_article_path(run, lang, "x")), "strings.yaml");
  std::string config, strings;
  read_file(run.in.config.path, config);
  if (!read_file(own, strings)) strings = "none";
  return hash_hex(content_hash(config + '\0' + strings));
}

std::vector<EditedFile> import_clinic_file(const RunContext& run, const translate::UnitFile& file,
                                           std::vector<std::string>& errors) {
  const std::string& lang = file.target_language;
  std::map<std::string, std::string> labels, texts;
  for (const auto& u : file.units) {
    if (!known_unit(u.unit.id)) {
      errors.push_back("unit '" + u.unit.id + "' is no label or config text handout exports");
      continue;
    }
    if (u.target.empty()) {
      errors.push_back("unit '" + u.unit.id + "' has no translation");
      continue;
    }
    if (placeholders(u.target) != placeholders(u.unit.text)) {
      std::string want;
      for (const auto& p : placeholders(u.unit.text)) want += (want.empty() ? "" : ", ") + p;
      errors.push_back("unit '" + u.unit.id + "' must keep its placeholders as they are (" + (want.empty() ? "none" : want) + ")");
      continue;
    }
    (u.unit.id.rfind("label.", 0) == 0 ? labels : texts)[u.unit.id] = u.target;
  }
  if (!file.base.empty() && file.base != clinic_base(run, lang))
    errors.push_back("the config or '" + lang + "' strings.yaml was edited since this file was exported: import does not "
                     "overwrite them (export again)");
  if (!errors.empty()) return {};
  std::vector<EditedFile> out;
  Diagnostics diags;
  if (!labels.empty()) {
    const std::string own = join_path(dir_of(clinic_article_path(run, lang, "x")), "strings.yaml");
    Strings source;
    Diagnostics ignored;
    const std::string from = file.source_language.empty() ? "en" : file.source_language;
    const std::string source_path = join_path(content_dir(run, from), "strings.yaml");
    if (!load_strings(source_path, 2 << 20, source, ignored)) {
      errors.push_back("the source labels '" + source_path + "' cannot be read");
      return {};
    }
    std::string text = file_text(own);
    if (text.empty()) text = untranslated_strings_yaml(source, from);
    text = edit_strings(text, source, labels);
    // What the labels are translated from now: the imported ones from the source as it is,
    // the others as recorded before (else as the source is: taken as matching it).
    Strings before;
    Diagnostics quiet;
    parse_strings(file_text(own), own, before, quiet);
    const auto now = label_hashes(source);
    std::map<std::string, std::string> record = now;
    for (const auto& [key, hash] : before.source_labels)
      if (now.count(key)) record[key] = hash;
    for (const auto& [id, value] : labels) {
      std::string key = id.substr(6);
      if (key.rfind("months.", 0) == 0) key = "months";
      record[key] = now.count(key) ? now.at(key) : record[key];
    }
    text = with_label_source(text, from, record);
    Strings check;
    if (!parse_strings(text, own, check, diags)) {
      errors.push_back("the labels would not load: " + diags.to_string());
      return {};
    }
    out.push_back({own, text});
  }
  if (!texts.empty()) {
    std::string text = file_text(run.in.config.path);
    if (!edit_config(text, lang, texts, errors)) return {};
    ClinicConfig check;
    if (!parse_clinic_config(text, run.in.config.path, check, diags)) {
      errors.push_back("the config would not load: " + diags.to_string());
      return {};
    }
    out.push_back({run.in.config.path, text});
  }
  return out;
}

}  // namespace handout
