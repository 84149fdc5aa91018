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

bool parse_strings(const std::string& text, const std::string& path, Strings& out,
                   Diagnostics& diags) {
  const auto errors_before = diags.error_count();
  YAML::Node root;
  if (!yaml::parse(text, path, 0, root, diags)) return false;
  yaml::MapReader m(root, path, 0, "strings file", diags);
  if (!m.ok()) return false;
  for (const auto& key : required_string_keys())
    if (auto v = m.text(key, true)) out.labels[key] = *v;
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

bool load_strings(const std::string& path, Strings& out, Diagnostics& diags) {
  return load_yaml_file(path, "strings file", out, diags, parse_strings);
}

}  // namespace handout
