// Hyphenation points from the LibreOffice patterns Debian ships (libhyphen, hyphen-* packages).
#pragma once
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace handout {

/// True for a letter of any script (Unicode-aware, independent of the process locale).
bool is_letter(char32_t c);

/// Finds where a word may be hyphenated, for one language.
class Hyphenator {
 public:
  /// Loads the patterns for a BCP 47 language ("en", "pt-BR", "es") from `dict_dir`;
  /// returns null when Debian has none for it (then the language is not hyphenated).
  /// Slow for large pattern sets (German: 1.1 MB, ~2 s in libhyphen's fixed-size hash table
  /// of pattern prefixes), so a run loads each language once and shares it.
  static std::unique_ptr<Hyphenator> for_language(const std::string& lang,
                                                  const std::string& dict_dir = "/usr/share/hyphen");
  /// The pattern files for_language tries, in order (the first that exists and loads is used).
  static std::vector<std::string> pattern_files(const std::string& lang, const std::string& dict_dir = "/usr/share/hyphen");
  ~Hyphenator();
  Hyphenator(const Hyphenator&) = delete;
  Hyphenator& operator=(const Hyphenator&) = delete;

  /// Positions k (1 <= k < word.size()) where a hyphen may go after word[k-1]. Words under
  /// six letters, and anything that is not purely letters (numbers, URLs, e-mail addresses,
  /// phone numbers), get none. At least two letters stay before and three after a break.
  std::vector<std::size_t> points(const std::u32string& word) const;
  /// The pattern file in use.
  const std::string& path() const { return path_; }

 private:
  Hyphenator() = default;
  bool to_charset(std::string& text) const;

  void* dict_ = nullptr;       // HyphenDict*, opaque so libhyphen stays in this file
  void* converter_ = nullptr;  // iconv_t from UTF-8 to an 8-bit pattern file's charset, opened once
  mutable std::mutex converter_mutex_;  // iconv keeps state between calls
  std::string path_;
};

}  // namespace handout
