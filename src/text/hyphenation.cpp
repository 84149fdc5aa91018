#include "text/hyphenation.h"

#include <dirent.h>
#include <hyphen.h>
#include <iconv.h>

#include <locale.h>
#include <wctype.h>

#include <algorithm>

#include "util/text.h"
#include "util/utf8.h"

namespace handout {
namespace {

// Candidate pattern files for a language tag, most specific first.
std::vector<std::string> candidates(const std::string& lang, const std::string& dir) {
  std::string tag = lang;
  std::replace(tag.begin(), tag.end(), '-', '_');
  const std::string primary = tag.substr(0, tag.find('_'));
  std::string upper = primary;
  std::transform(upper.begin(), upper.end(), upper.begin(), ::toupper);
  std::vector<std::string> out{dir + "/hyph_" + tag + ".dic", dir + "/hyph_" + primary + ".dic",
                               dir + "/hyph_" + primary + "_" + upper + ".dic"};
  if (DIR* d = ::opendir(dir.c_str())) {  // any regional variant, e.g. hyph_es_MX.dic
    std::vector<std::string> found;
    while (auto* e = ::readdir(d)) {
      std::string f = e->d_name;
      if (f.rfind("hyph_" + primary + "_", 0) == 0 && f.ends_with(".dic")) found.push_back(dir + "/" + f);
    }
    ::closedir(d);
    std::sort(found.begin(), found.end());
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

// A UTF-8 character-type locale of our own: the process locale ("C" by default) knows only
// ASCII letters, and changing it would affect the whole program.
locale_t unicode_locale() {
  static locale_t loc = [] {
    locale_t l = newlocale(LC_CTYPE_MASK, "C.UTF-8", static_cast<locale_t>(0));
    return l ? l : newlocale(LC_CTYPE_MASK, "C", static_cast<locale_t>(0));
  }();
  return loc;
}

char32_t to_lower(char32_t c) { return static_cast<char32_t>(towlower_l(static_cast<wint_t>(c), unicode_locale())); }

}  // namespace

bool is_letter(char32_t c) { return iswalpha_l(static_cast<wint_t>(c), unicode_locale()); }

std::vector<std::string> Hyphenator::pattern_files(const std::string& lang, const std::string& dict_dir) {
  return lang.empty() ? std::vector<std::string>{} : candidates(lang, dict_dir);
}

std::unique_ptr<Hyphenator> Hyphenator::for_language(const std::string& lang, const std::string& dict_dir) {
  if (lang.empty()) return nullptr;
  for (const auto& path : candidates(lang, dict_dir)) {
    if (!is_file(path)) continue;
    HyphenDict* dict = hnj_hyphen_load(path.c_str());
    if (!dict) continue;
    std::unique_ptr<Hyphenator> h(new Hyphenator());
    h->dict_ = dict;
    h->path_ = path;
    // Some pattern files are in a legacy 8-bit charset (German ISO8859-1, Russian KOI8-R);
    // words must be converted to it.
    if (!dict->utf8) {
      iconv_t cd = iconv_open(dict->cset, "UTF-8");
      if (cd == reinterpret_cast<iconv_t>(-1)) continue;  // an unknown charset: unusable
      h->converter_ = cd;
    }
    return h;
  }
  return nullptr;
}

Hyphenator::~Hyphenator() {
  if (converter_) iconv_close(static_cast<iconv_t>(converter_));
  hnj_hyphen_free(static_cast<HyphenDict*>(dict_));
}

// Converts UTF-8 text to the pattern file's charset; false if a character has no place in it.
bool Hyphenator::to_charset(std::string& text) const {
  std::lock_guard<std::mutex> lock(converter_mutex_);
  auto cd = static_cast<iconv_t>(converter_);
  iconv(cd, nullptr, nullptr, nullptr, nullptr);  // back to the initial state
  std::string out(text.size() * 4 + 4, '\0');
  char* in_ptr = text.data();
  char* out_ptr = out.data();
  std::size_t in_left = text.size(), out_left = out.size();
  const bool ok = iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left) != static_cast<std::size_t>(-1) && in_left == 0;
  if (ok) text = out.substr(0, out.size() - out_left);
  return ok;
}

std::vector<std::size_t> Hyphenator::points(const std::u32string& word) const {
  constexpr std::size_t kMinWord = 6, kLeftMin = 2, kRightMin = 3;
  if (word.size() < kMinWord || word.size() > 60) return {};
  std::u32string lower;
  for (char32_t c : word) {
    if (!is_letter(c)) return {};  // digits, '@', '/', '.', '-' ...: never split
    lower.push_back(to_lower(c));
  }
  auto* dict = static_cast<HyphenDict*>(dict_);
  std::string bytes = utf8_encode(lower);
  if (converter_ && !to_charset(bytes)) return {};
  std::vector<char> hyphens(bytes.size() + 5, '0');
  char** rep = nullptr;
  int* pos = nullptr;
  int* cut = nullptr;
  const int rc = hnj_hyphen_hyphenate3(dict, bytes.c_str(), static_cast<int>(bytes.size()), hyphens.data(), nullptr,
                                       &rep, &pos, &cut, kLeftMin, kRightMin, kLeftMin, kRightMin);
  // libhyphen reports per character (it converts UTF-8 byte positions itself): an odd digit
  // at k-1 allows a hyphen after character k. Non-standard breaks (rep) change spelling: skipped.
  std::vector<std::size_t> out;
  const std::size_t n = lower.size();
  for (std::size_t k = kLeftMin; rc == 0 && k + kRightMin <= n; ++k)
    if ((hyphens[k - 1] - '0') % 2 == 1 && !(rep && rep[k - 1])) out.push_back(k);
  if (rep) {
    for (std::size_t i = 0; i < bytes.size(); ++i) free(rep[i]);
    free(rep);
  }
  free(pos);
  free(cut);
  return out;
}

}  // namespace handout
