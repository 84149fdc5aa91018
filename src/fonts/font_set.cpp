#include "fonts/font_set.h"

#include <algorithm>

#include "fonts/system_fonts.h"
#include "util/text.h"

namespace handout {

std::string family_file_stem(const std::string& family) {
  std::string stem;
  for (char c : family)
    if (c != ' ') stem += c;
  return stem;
}

int FontSet::load_family(const std::string& family, const std::vector<std::string>& dirs, const SourcePos& at,
                         Diagnostics& diags) {
  for (std::size_t i = 0; i < families_.size(); ++i)
    if (families_[i] == family) return static_cast<int>(i);
  static const char* kStyles[] = {"Regular", "Bold", "Italic", "BoldItalic"};
  const auto stem = family_file_stem(family);
  std::string dir;  // the first data dir that has the family's Regular face
  std::string tried;
  for (const auto& d : dirs) {
    const auto path = join_path(d, "fonts/" + stem + "-Regular.ttf");
    if (is_file(path)) {
      dir = d;
      break;
    }
    tried += (tried.empty() ? "'" : ", '") + path + "'";
  }
  // Not beside the config or in the data folder: an installed family (Debian's font packages).
  std::string system[4];
  if (dir.empty()) {
    for (int s = 0; s < 4; ++s) system[s] = find_system_font(family, s & 1, s & 2);
    if (system[0].empty()) {
      diags.error(at, "font '" + family + "' Regular not found (tried " + tried + ", and the installed fonts)");
      return -1;
    }
  }
  std::shared_ptr<FontFace> loaded[4];
  for (int s = 0; s < 4; ++s) {
    const auto path = dir.empty() ? system[s] : join_path(dir, "fonts/" + stem + "-" + kStyles[s] + ".ttf");
    if (s > 0 && (!is_file(path) || (dir.empty() && path == system[0] && s > 0))) continue;
    std::string error;
    loaded[s] = FontFace::load(path, error);
    if (!loaded[s]) {
      diags.error(at, error);
      return -1;
    }
  }
  // Stand-ins: Bold -> Regular, Italic -> Regular, BoldItalic -> Bold (or Regular).
  if (!loaded[1]) loaded[1] = loaded[0];
  if (!loaded[2]) loaded[2] = loaded[0];
  if (!loaded[3]) loaded[3] = loaded[1];
  families_.push_back(family);
  for (auto& f : loaded) faces_.push_back(f);
  return static_cast<int>(families_.size() - 1);
}

void FontSet::prefer_for_language(const std::string& language, std::vector<int> families) {
  by_language_.emplace_back(language, std::move(families));
}

std::vector<int> FontSet::chain(const std::string& lang) const {
  std::vector<int> order;
  const std::string primary = lang.substr(0, lang.find('-'));
  for (const auto& [language, families] : by_language_)
    if (language == lang || language == primary) order.insert(order.end(), families.begin(), families.end());
  for (int f : fallbacks_)
    if (std::find(order.begin(), order.end(), f) == order.end()) order.push_back(f);
  return order;
}

FontId FontSet::resolve(FontId preferred, char32_t c, bool& covered, const std::string& lang) const {
  covered = true;
  if (face(preferred).covers(c)) return preferred;
  const int style = preferred % 4;
  for (int family : chain(lang)) {
    const FontId id = family * 4 + style;
    if (face(id).covers(c)) return id;
  }
  covered = false;
  return preferred;
}

FontId FontSet::resolve_all(FontId preferred, const std::u32string& text, const std::string& lang) const {
  const int style = preferred % 4;
  for (int family : chain(lang)) {
    const FontId id = family * 4 + style;
    if (std::all_of(text.begin(), text.end(), [&](char32_t c) { return face(id).covers(c); })) return id;
  }
  return -1;
}

}  // namespace handout
