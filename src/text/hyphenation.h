// Hyphenation points from the LibreOffice patterns Debian ships (libhyphen, hyphen-* packages).
#pragma once
#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace handout {

/// True for a letter of any script (Unicode-aware, independent of the process locale).
bool is_letter(char32_t c);

/// Finds where a word may be hyphenated, for one language.
class Hyphenator {
 public:
  /// Words shorter than this are never split; a split leaves at least kMinBefore letters on the
  /// line and carries at least kMinAfter to the next. Why 7 and 3: a fragment of one or two
  /// letters ("in-", "-ly") hides the word's shape from a reader who reads word by word (many
  /// patients do) and moves too little to help the line; a six-letter word could only be split
  /// 3 + 3, which rarely saves a line in a ragged column.
  static constexpr std::size_t kMinWord = 7, kMinBefore = 3, kMinAfter = 3;

  /// Loads the patterns for a BCP 47 language ("en", "pt-BR", "es") from `dict_dir`;
  /// returns null when Debian has none for it (then the language is not hyphenated).
  /// Uses the compiled form of the pattern file the build made (compiled_dirs()) when it was
  /// made from these very bytes (same content hash); else libhyphen loads the file itself,
  /// which takes seconds for large pattern sets such as German's.
  static std::unique_ptr<Hyphenator> for_language(const std::string& lang,
                                                  const std::string& dict_dir = "/usr/share/hyphen");
  /// The pattern file `dic_path`, from a compiled file in one of `compiled_dirs` made from its
  /// bytes, else loaded by libhyphen (hnj_hyphen_load); null when neither works.
  static std::unique_ptr<Hyphenator> open(const std::string& dic_path, const std::vector<std::string>& compiled_dirs);
  /// Where the program's compiled pattern files are: the build tree for a binary inside it,
  /// <bindir>/../share/handout/hyphen, the install prefix's share/handout/hyphen.
  static const std::vector<std::string>& compiled_dirs();
  /// The pattern files for_language tries, in order (the first that exists and loads is used).
  static std::vector<std::string> pattern_files(const std::string& lang, const std::string& dict_dir = "/usr/share/hyphen");
  ~Hyphenator();
  Hyphenator(const Hyphenator&) = delete;
  Hyphenator& operator=(const Hyphenator&) = delete;

  /// The same patterns (shared, not copied) with words never to split: each word of `texts`
  /// (the article's title, headings and keywords, its key terms) of kMinWord letters or more,
  /// also where it is part of a longer word ("vaginismus's", "Beckenbodentherapie" keeps
  /// "Beckenboden" whole but may break after it). Compared in lower case.
  std::unique_ptr<Hyphenator> keeping_whole(const std::vector<std::string>& texts) const;

  /// Positions k (1 <= k < word.size()) where a hyphen may go after word[k-1]. Words under
  /// kMinWord letters, words kept whole, and anything that is not purely letters (numbers,
  /// URLs, e-mail addresses, phone numbers) get none. At least kMinBefore letters stay before
  /// and kMinAfter after a break.
  std::vector<std::size_t> points(const std::u32string& word) const;
  /// The pattern file in use.
  const std::string& path() const;
  /// True when the patterns came from a compiled file, false when libhyphen loaded them.
  bool compiled() const;
  /// Why no compiled file was used ("" when one was, or none was looked for): for a note.
  const std::string& fallback_reason() const;
  /// Everything libhyphen answers for `word` (hnj_hyphen_hyphenate2 and, with this class's
  /// limits, hnj_hyphen_hyphenate3: the digit vectors and any non-standard replacements), as
  /// text: two dictionaries that answer the same for every word hyphenate alike. `word` is
  /// UTF-8, or already in the pattern file's charset when `in_file_charset`; "" when it cannot
  /// be converted.
  std::string libhyphen_answer(const std::string& word, bool in_file_charset) const;

 private:
  struct Patterns;
  Hyphenator() = default;
  std::shared_ptr<const Patterns> patterns_;  // shared with keeping_whole's hyphenators
  std::vector<std::u32string> kept_;          // lower-case words never split
};

/// The pattern file a compiled file was made from.
struct PatternSource {
  std::string name;                      ///< its file name after symbolic links ("hyph_de_DE.dic")
  std::uint64_t size = 0;                ///< bytes
  std::array<unsigned char, 16> hash{};  ///< content_hash_128 of its bytes
};

/// The compiled file's name for pattern file `dic_path` (symbolic links followed):
/// "/usr/share/hyphen/hyph_de.dic" -> "hyph_de_DE.hyb".
std::string compiled_pattern_name(const std::string& dic_path);
/// Loads `dic_path` with libhyphen and writes the dictionary it builds to `out_path` (see
/// hyphenation.cpp for the format), recording the file's name, size and content hash. False
/// with `error` set when the file cannot be loaded or written.
bool compile_patterns(const std::string& dic_path, const std::string& out_path, std::string& error);
/// The source recorded in compiled file `path`; nothing when it is not one.
std::optional<PatternSource> compiled_pattern_source(const std::string& path);

}  // namespace handout
