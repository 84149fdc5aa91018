#include "fonts/font_set.h"

#include <algorithm>

#include "fonts/system_fonts.h"
#include "util/text.h"

namespace handout {
namespace {

const char* const kStyles[] = {"Regular", "Bold", "Italic", "BoldItalic"};

// Where Debian's fonts-noto-core puts its files, named <Stem>-<Style>.ttf: found by path,
// without starting fontconfig.
const char* const kSystemDirs[] = {"/usr/share/fonts/truetype/noto", "/usr/share/fonts/opentype/noto"};

}  // namespace

std::string family_file_stem(const std::string& family) {
  std::string stem;
  for (char c : family)
    if (c != ' ') stem += c;
  return stem;
}

FontSet::Location FontSet::locate(const std::string& family, const std::vector<std::string>& dirs) {
  const auto stem = family_file_stem(family);
  Location where;
  auto& paths = where.files;
  auto try_dir = [&](const std::string& dir) {
    const auto regular = dir + "/" + stem + "-Regular.ttf";
    if (!is_file(regular)) return (where.tried += (where.tried.empty() ? "'" : ", '") + regular + "'"), false;
    for (int s = 0; s < 4; ++s)
      if (const auto p = dir + "/" + stem + "-" + kStyles[s] + ".ttf"; is_file(p)) paths[s] = {p, 0};
    return true;
  };
  // Debian's fonts-noto-cjk keeps a weight's regional faces in one collection, named for the
  // family less its last word: "Noto Sans CJK SC" is a face of NotoSansCJK-Regular.ttc.
  auto try_collection = [&](const std::string& dir) {
    const auto cut = family.rfind(' ');
    if (cut == std::string::npos) return false;
    const auto collection = dir + "/" + family_file_stem(family.substr(0, cut)) + "-";
    for (int s = 0; s < 2; ++s)
      if (const auto p = collection + kStyles[s] + ".ttc"; is_file(p))
        if (const int index = collection_face_index(p, family); index >= 0) paths[s] = {p, unsigned(index)};
    return !paths[0].path.empty();
  };
  bool found = false;
  for (const auto& d : dirs) found = found || try_dir(join_path(d, "fonts"));
  for (const char* d : kSystemDirs) found = found || try_dir(d) || try_collection(d);
  if (!found) {
    for (int s = 0; s < 4; ++s) paths[s] = find_system_font(family, s & 1, s & 2);
    for (int s = 1; s < 4; ++s)
      if (paths[s] == paths[0]) paths[s] = {};  // fontconfig offers the regular face instead
  }
  return where;
}

FontSet::Location FontSet::locate_once(const std::string& family, const std::vector<std::string>& dirs) const {
  {
    std::lock_guard lock(located_mutex_);
    if (auto it = located_.find(family); it != located_.end()) return it->second;
  }
  Location where = locate(family, dirs);
  std::lock_guard lock(located_mutex_);
  return located_.emplace(family, std::move(where)).first->second;
}

std::string FontSet::Location::file(int style) const {
  const SystemFont& f = files[style];
  return f.path.empty() ? "" : f.index ? f.path + "#" + std::to_string(f.index) : f.path;
}

// Finds the family's four files (locate) and loads them. Errors go to `diags` when given,
// else into the family's `problem`.
void FontSet::load(Family& f, Diagnostics* diags, const SourcePos& at) const {
  f.location = locate_once(f.name, f.dirs);
  open_faces(f, diags, at);
  f.located = true;  // after the faces: consulted() reads them from other threads
}

void FontSet::open_faces(Family& f, Diagnostics* diags, const SourcePos& at) const {
  const auto& paths = f.location.files;
  auto fail = [&](const std::string& message) {
    if (diags) diags->error(at, message);
    f.problem = message;
  };
  if (paths[0].path.empty())
    return fail("font '" + f.name + "' Regular not found (tried " + f.location.tried + ", and the installed fonts)");
  for (int s = 0; s < 4; ++s) {
    if (paths[s].path.empty()) continue;
    std::string error;
    f.faces[s] = FontFace::load(paths[s].path, error, paths[s].index);
    if (!f.faces[s]) {
      for (auto& face : f.faces) face.reset();
      return fail(error);
    }
  }
  // Stand-ins: Bold -> Regular, Italic -> Regular, BoldItalic -> Bold (or Regular).
  if (!f.faces[1]) f.faces[1] = f.faces[0];
  if (!f.faces[2]) f.faces[2] = f.faces[0];
  if (!f.faces[3]) f.faces[3] = f.faces[1];
}

namespace {
// The families the calling thread's handout has looked at (FontSet::Consultation), by index.
thread_local std::vector<bool>* t_consulted = nullptr;
}  // namespace

FontSet::Consultation::Consultation(const FontSet& set) : set_(set), previous_(t_consulted) {
  t_consulted = &seen_;
}

FontSet::Consultation::~Consultation() { t_consulted = previous_; }

std::vector<FontSet::Consulted> FontSet::Consultation::families() const {
  std::vector<Consulted> out;
  for (std::size_t i = 0; i < seen_.size() && i < set_.families_.size(); ++i) {
    const Family& f = *set_.families_[i];
    if (!seen_[i] || !f.located.load()) continue;
    Consulted c{f.name, f.location, {}};
    for (int s = 0; s < 4; ++s)
      if (!f.location.files[s].path.empty() && f.faces[0]) c.states[s] = f.faces[s]->file_state();
    out.push_back(std::move(c));
  }
  return out;
}

int FontSet::load_family(const std::string& family, const std::vector<std::string>& dirs, const SourcePos& at,
                         Diagnostics& diags) {
  const int id = add_lazy_family(family, dirs);
  Family& f = *families_[id];
  bool ran = false;
  std::call_once(f.loaded, [&] { ran = true, load(f, &diags, at); });
  if (!f.faces[0]) {
    if (!ran) diags.error(at, f.problem);  // tried before, lazily: report it here too
    return -1;
  }
  return id;
}

int FontSet::add_lazy_family(const std::string& family, const std::vector<std::string>& dirs) {
  for (std::size_t i = 0; i < families_.size(); ++i)
    if (families_[i]->name == family) return static_cast<int>(i);
  auto f = std::make_unique<Family>();
  f->name = family;
  f->dirs = dirs;
  families_.push_back(std::move(f));
  return static_cast<int>(families_.size() - 1);
}

FontSet::Family& FontSet::family_of(FontId id) const {
  const auto index = static_cast<std::size_t>(id / 4);
  Family& f = *families_.at(index);
  if (t_consulted) {
    if (t_consulted->size() <= index) t_consulted->resize(families_.size());
    (*t_consulted)[index] = true;
  }
  std::call_once(f.loaded, [&] { load(f, nullptr, {}); });
  return f;
}

const FontFace& FontSet::face(FontId id) const { return *family_of(id).faces[id % 4]; }

std::vector<std::string> FontSet::problems() const {
  std::vector<std::string> out;
  for (const auto& f : families_)
    if (!f->problem.empty()) out.push_back(f->problem);
  return out;
}

bool FontSet::needs_synthetic_bold(FontId id) const {
  const int style = id % 4;
  const Family& f = family_of(id);
  return (style == 1 || style == 3) && f.faces[style] == f.faces[0];
}

bool FontSet::italic_stands_in(FontId id) const {
  const int style = id % 4;
  const Family& f = family_of(id);
  return style >= 2 && f.faces[style] == f.faces[style - 2];
}

bool FontSet::covers(FontId id, char32_t c) const {
  const Family& f = family_of(id);
  return f.faces[0] && f.faces[id % 4]->covers(c);
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
  if (covers(preferred, c)) return preferred;
  const int style = preferred % 4;
  for (int family : chain(lang))
    if (covers(family * 4 + style, c)) return family * 4 + style;
  covered = false;
  return preferred;
}

FontId FontSet::resolve_all(FontId preferred, const std::u32string& text, const std::string& lang) const {
  const int style = preferred % 4;
  for (int family : chain(lang)) {
    const FontId id = family * 4 + style;
    if (std::all_of(text.begin(), text.end(), [&](char32_t c) { return covers(id, c); })) return id;
  }
  return -1;
}

}  // namespace handout
