#include <algorithm>
#include <map>

#include "config/config.h"
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
      "prepared_for", "clinician", "visit_date", "visit_note",   // personal copies (--patients)
      "email_subject", "email_greeting", "email_body", "email_locked", "email_attachment"};  // their messages
  return keys;
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
      {"fallback_notice", {{"language", "requested"}, {"language"}}},
      {"logo_alt", {{"clinic"}, {"clinic"}}},
      {"language_assistance", {{"phone"}, {"phone"}}},
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
  m.finish();
  return diags.error_count() == errors_before;
}

bool load_strings(const std::string& path, long long max_bytes, Strings& out, Diagnostics& diags) {
  return load_yaml_file(path, "strings file", max_bytes, out, diags, parse_strings);
}

}  // namespace handout
