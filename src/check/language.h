// Which rules a BCP 47 language tag gets: its primary subtag decides ("pt-BR" -> pt).
#pragma once
#include <string_view>

namespace handout::reading {

/// The language families the syllable rules and formulas know.
enum class Language { En, Es, Fr, De, It, Pt, Zh, Ja, Ko, Th, Other };

/// The family of a tag like "en", "es-MX", "pt_BR", "zh-Hant" (case-insensitive).
inline Language language_of(std::string_view tag) {
  const std::string_view primary = tag.substr(0, tag.find_first_of("-_"));
  auto is = [&](std::string_view code) {
    if (primary.size() != code.size()) return false;
    for (std::size_t i = 0; i < code.size(); ++i) {
      if ((primary[i] | 0x20) != code[i]) return false;
    }
    return true;
  };
  if (is("en")) return Language::En;
  if (is("es")) return Language::Es;
  if (is("fr")) return Language::Fr;
  if (is("de")) return Language::De;
  if (is("it")) return Language::It;
  if (is("pt")) return Language::Pt;
  if (is("zh")) return Language::Zh;
  if (is("ja")) return Language::Ja;
  if (is("ko")) return Language::Ko;
  if (is("th")) return Language::Th;
  return Language::Other;
}

/// True for languages measured in characters per sentence rather than words.
inline bool counts_characters(Language l) {
  return l == Language::Zh || l == Language::Ja || l == Language::Ko || l == Language::Th;
}

}  // namespace handout::reading
