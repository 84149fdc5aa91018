#include <algorithm>
#include <cstdio>
#include <map>

#include "config/config.h"
#include "config/suggest.h"
#include "config/yaml_reader.h"
#include "util/text.h"

namespace handout {
using yaml::load_yaml_file;

const std::string& Strings::get(const std::string& key) const {
  static const std::string empty;
  auto it = labels.find(key);
  return it == labels.end() ? empty : it->second;
}

std::string Strings::language_name(const std::string& code) const {
  auto it = language_names.find(code);
  return it == language_names.end() ? code : it->second;
}

std::string Strings::format_date(const std::string& iso) const {
  if (iso.size() != 10 || months.size() != 12) return iso;
  const int month = std::stoi(iso.substr(5, 2));
  if (month < 1 || month > 12) return iso;
  return fill_template(get("date"), {{"year", iso.substr(0, 4)},
                                     {"month", months[month - 1]},
                                     {"month_number", iso.substr(5, 2)},
                                     {"day", std::to_string(std::stoi(iso.substr(8, 2)))}});
}

const std::vector<std::string>& required_string_keys() {
  static const std::vector<std::string> keys{
      "helpful_resources", "contact_us", "page_of",           "reviewed",       "date", "phone",
      "email",             "website",    "translation_draft", "fallback_notice", "hours"};
  return keys;
}

const std::vector<std::string>& optional_string_keys() {
  static const std::vector<std::string> keys{
      "logo_alt",          // the logo's description for screen readers (else the clinic's name alone)
      "online_copy",       // label of the online copy's address (QR codes)
      "language_assistance", "language_assistance_title", "language_name_own",  // notices: [language_assistance]
      "prepared_for", "clinician", "visit_date", "visit_note",  // personal copies (--patients)
      "label_separator",  // after a label, before its value: ": " (the default), "：" (Chinese, Japanese)
      "list_separator",  // between the items of a list in a line: "; " (the default), "؛ " (Arabic)
      "continued",  // a section's label on the next page it runs on to: "{label} (continued)"
      "email_subject", "email_greeting", "email_body", "email_locked", "email_attachment",  // their messages
      "translation_outdated"};  // notices: [outdated_translation]
  return keys;
}

const std::vector<std::string>& translatable_string_keys() {
  static const std::vector<std::string> keys = [] {
    std::vector<std::string> out = required_string_keys();
    out.push_back("months");
    out.insert(out.end(), optional_string_keys().begin(), optional_string_keys().end());
    out.push_back("language_names");
    return out;
  }();
  return keys;
}

namespace {

// A YAML double-quoted scalar: any text, written so every YAML reader reads it back as it is.
std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (unsigned char c : text) {
    if (c == '"' || c == '\\') out += '\\', out += static_cast<char>(c);
    else if (c == '\n') out += "\\n";
    else if (c == '\t') out += "\\t";
    else if (c < 0x20 || c == 0x7F) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "\\x%02X", c);
      out += hex;
    } else out += static_cast<char>(c);
  }
  return out + "\"";
}

}  // namespace

std::string untranslated_strings_yaml(const Strings& source, const std::string& source_language) {
  std::vector<std::string> keys;
  for (const auto& key : translatable_string_keys())
    if (source.labels.count(key) || (key == "months" && !source.months.empty()) ||
        (key == "language_names" && !source.language_names.empty()))
      keys.push_back(key);
  std::string out = "translation: draft\nsource_language: " + quoted(source_language) + "\nuntranslated:\n";
  for (const auto& key : keys) out += "  - " + key + "\n";
  out += "\n";
  for (const auto& key : keys) {
    if (key == "months") {
      out += "months: [";
      for (std::size_t i = 0; i < source.months.size(); ++i) out += (i ? ", " : "") + quoted(source.months[i]);
      out += "]\n";
    } else if (key == "language_names") {
      out += "language_names:\n";
      for (const auto& [code, name] : source.language_names) out += "  " + quoted(code) + ": " + quoted(name) + "\n";
    } else {
      out += key + ": " + quoted(source.get(key)) + "\n";
    }
  }
  return out;
}

namespace {

/// The placeholders a label may use, and those it must use.
struct Placeholders {
  std::vector<std::string> allowed, required;
};

const Placeholders& placeholders_of(const std::string& key) {
  static const std::map<std::string, Placeholders> table{
      {"page_of", {{"n", "total"}, {"n", "total"}}},
      {"reviewed", {{"date"}, {"date"}}},
      {"date", {{"month", "day", "year", "month_number"}, {"day", "year"}}},
      {"translation_draft", {{"source", "date"}, {"source"}}},
      {"translation_outdated", {{"source"}, {}}},
      {"fallback_notice", {{"language", "requested"}, {"language"}}},
      {"logo_alt", {{"clinic"}, {"clinic"}}},
      {"language_assistance", {{"phone"}, {"phone"}}},
      {"continued", {{"label"}, {"label"}}},
      {"email_subject", {{"clinic"}, {"clinic"}}},
      {"email_body", {{"clinic"}, {}}},
      {"email_attachment", {{"clinic", "n"}, {"n"}}},
  };
  static const Placeholders none;
  auto it = table.find(key);
  return it == table.end() ? none : it->second;
}

std::string list_of(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "{" : ", {") + n + "}";
  return out.empty() ? "none" : out;
}

// A label's placeholders: braces balanced, each name allowed for its key, the required ones
// present. Otherwise every page would print the pattern as written.
void check_placeholders(const std::string& key, const std::string& label, const SourcePos& at, Diagnostics& diags) {
  const Placeholders& p = placeholders_of(key);
  std::vector<std::string> used;
  for (std::size_t i = 0; i < label.size(); ++i) {
    if (label[i] == '}') return diags.error(at, "'" + key + "' has a '}' without its '{' (unbalanced braces)");
    if (label[i] != '{') continue;
    const auto close = label.find_first_of("{}", i + 1);
    if (close == std::string::npos || label[close] == '{')
      return diags.error(at, "'" + key + "' has a '{' without its '}' (unbalanced braces)");
    const std::string name = label.substr(i + 1, close - i - 1);
    if (std::find(p.allowed.begin(), p.allowed.end(), name) == p.allowed.end())
      return diags.error(at, "'" + key + "' uses {" + name + "}, which it does not know (it may use " +
                                 list_of(p.allowed) + ")");
    used.push_back(name);
    i = close;
  }
  for (const auto& name : p.required)
    if (std::find(used.begin(), used.end(), name) == used.end())
      return diags.error(at, "'" + key + "' must contain {" + name + "}");
  if (key == "date" && std::find(used.begin(), used.end(), "month") == used.end() &&
      std::find(used.begin(), used.end(), "month_number") == used.end())
    diags.error(at, "'date' must contain {month} or {month_number}");
}

// `translation`, `source_language` and `untranslated`: labels translated from another language,
// and those still in it. Each entry of `untranslated` must be a label this file defines, once.
void read_translation_marks(const YAML::Node& root, yaml::MapReader& m, Strings& out) {
  Diagnostics& diags = m.diags();
  out.translation_pos = m.pos("translation");
  if (auto t = m.text("translation")) {
    if (*t == "draft" || *t == "reviewed")
      out.translation = *t;
    else
      diags.error(m.pos("translation"), "'translation' must be draft or reviewed (got '" + *t + "')");
  }
  if (auto source = m.text("source_language")) {
    if (valid_language_code(*source))
      out.source_language = *source;
    else
      diags.error(m.pos("source_language"), "invalid language code '" + *source + "' for 'source_language'");
  }
  if (!out.translation.empty() && !m.text("source_language"))
    diags.error(m.pos("translation"), "translated labels must name their 'source_language'");
  out.untranslated_pos = m.pos("untranslated");
  auto node = m.child("untranslated");
  auto list = m.text_list("untranslated", false);
  if (!list) return;
  const auto& keys = translatable_string_keys();
  for (std::size_t i = 0; i < list->size(); ++i) {
    const std::string& key = (*list)[i];
    const SourcePos at = node.IsSequence() ? m.pos_of(node[i]) : m.pos("untranslated");
    if (std::find(keys.begin(), keys.end(), key) == keys.end())
      diags.error(at, "'untranslated' lists '" + key + "', which is no label" + did_you_mean(key, keys));
    else if (std::find(list->begin(), list->begin() + static_cast<long>(i), key) != list->begin() + static_cast<long>(i))
      diags.error(at, "'untranslated' lists '" + key + "' twice");
    else if (!root[key].IsDefined())
      diags.error(at, "'untranslated' lists '" + key + "', which this file does not define (remove it from the list)");
    else
      out.untranslated.push_back(key);
  }
}

}  // namespace

bool parse_strings(const std::string& text, const std::string& path, Strings& out,
                   Diagnostics& diags) {
  const auto errors_before = diags.error_count();
  YAML::Node root;
  if (!yaml::parse(text, path, 0, root, diags)) return false;
  yaml::MapReader m(root, path, 0, "strings file", diags);
  if (!m.ok()) return false;
  for (const auto& key : required_string_keys())
    if (auto v = m.text(key, true)) out.labels[key] = *v, check_placeholders(key, *v, m.pos(key), diags);
  for (const auto& key : optional_string_keys())
    if (auto v = m.text(key)) out.labels[key] = *v, check_placeholders(key, *v, m.pos(key), diags);
  if (auto months = m.text_list("months", false)) {
    if (months->size() == 12)
      out.months = *months;
    else
      diags.error(m.pos("months"), "'months' must list the twelve month names");
  } else {
    m.child("months", true);
  }
  auto names = m.child("language_names");
  if (names.IsDefined() && !names.IsNull()) {
    yaml::MapReader n(names, path, 0, "'language_names'", diags);
    if (n.ok())
      for (auto it = names.begin(); it != names.end(); ++it) {
        const auto code = it->first.Scalar();
        if (auto v = n.text(code)) out.language_names[code] = *v;
      }
  }
  read_translation_marks(root, m, out);
  out.source_labels_pos = m.pos("source");
  if (auto source = m.child("source"); source.IsDefined() && !source.IsNull()) {
    yaml::MapReader s(source, path, 0, "'source'", diags);
    if (s.ok()) {
      out.source_labels_language = s.text("language", true).value_or("");
      auto labels = s.child("labels", true);
      if (labels.IsMap())
        for (auto it = labels.begin(); it != labels.end(); ++it)
          if (it->second.IsScalar()) out.source_labels[it->first.Scalar()] = it->second.Scalar();
      s.finish();
    }
  }
  m.finish();
  return diags.error_count() == errors_before;
}

bool load_strings(const std::string& path, long long max_bytes, Strings& out, Diagnostics& diags) {
  return load_yaml_file(path, "strings file", max_bytes, out, diags, parse_strings);
}

}  // namespace handout
