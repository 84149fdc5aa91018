#include "fonts/font_set.h"

#include <sys/stat.h>

#include "util/text.h"

namespace handout {

std::string family_file_stem(const std::string& family) {
  std::string stem;
  for (char c : family)
    if (c != ' ') stem += c;
  return stem;
}

int FontSet::load_family(const std::string& family, const std::vector<std::string>& dirs,
                         const SourcePos& at, Diagnostics& diags) {
  for (std::size_t i = 0; i < families_.size(); ++i)
    if (families_[i] == family) return static_cast<int>(i);
  static const char* kStyles[] = {"Regular", "Bold", "Italic", "BoldItalic"};
  const auto stem = family_file_stem(family);
  std::vector<std::unique_ptr<FontFace>> loaded;
  for (const char* style : kStyles) {
    std::string tried, error;
    std::unique_ptr<FontFace> face;
    for (const auto& dir : dirs) {
      auto path = join_path(dir, "fonts/" + stem + "-" + style + ".ttf");
      struct stat st {};
      if (::stat(path.c_str(), &st) != 0) {
        tried += (tried.empty() ? "'" : ", '") + path + "'";
        continue;
      }
      face = FontFace::load(path, error);
      break;
    }
    if (!face) {
      diags.error(at, error.empty() ? "font '" + family + "' " + style + " not found (tried " + tried + ")"
                                    : error);
      return -1;
    }
    loaded.push_back(std::move(face));
  }
  families_.push_back(family);
  for (auto& f : loaded) faces_.push_back(std::move(f));
  return static_cast<int>(families_.size() - 1);
}

}  // namespace handout
