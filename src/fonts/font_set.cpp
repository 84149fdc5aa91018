#include "fonts/font_set.h"

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
  if (dir.empty()) {
    diags.error(at, "font '" + family + "' Regular not found (tried " + tried + ")");
    return -1;
  }
  std::shared_ptr<FontFace> loaded[4];
  for (int s = 0; s < 4; ++s) {
    const auto path = join_path(dir, "fonts/" + stem + "-" + kStyles[s] + ".ttf");
    if (s > 0 && !is_file(path)) continue;
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

FontId FontSet::resolve(FontId preferred, char32_t c, bool& covered) const {
  covered = true;
  if (face(preferred).covers(c)) return preferred;
  const int style = preferred % 4;
  for (int family : fallbacks_) {
    const FontId id = family * 4 + style;
    if (face(id).covers(c)) return id;
  }
  covered = false;
  return preferred;
}

}  // namespace handout
