// Reading level of a handout's text: sentences, words and syllables counted per language,
// then the published readability formulas of that language, each mapped onto a US school grade.
// Pure functions: no I/O, no exceptions; `handout check` (later) turns the scores into diagnostics.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace handout {

/// A piece of plain text from an article with the source line it starts on (paragraph, list item, heading).
struct TextSample {
  std::string text;
  int line = 0;
};

/// One sentence found in the samples.
struct Sentence {
  std::string text;  ///< the sentence with runs of whitespace collapsed
  int line = 0;      ///< line of its first character (the sample's line plus newlines before it)
  int words = 0;     ///< words in it (CJK characters are not words, see ReadingStats)
};

/// A word with its syllable count and line.
struct CountedWord {
  std::string word;
  int line = 0;
  int syllables = 0;
};

/// Counts over the samples, in the handout's language.
struct ReadingStats {
  int sentences = 0, words = 0, syllables = 0, letters = 0;
  int polysyllables = 0;   ///< words of 3+ syllables (SMOG, Wiener)
  int long_words = 0;      ///< words of more than 6 letters (LIX, Wiener)
  int monosyllables = 0;   ///< 1-syllable words (Wiener)
  int cjk_characters = 0;  ///< Han/Kana/Hangul (and Thai) characters, for character-based languages
  std::vector<Sentence> sentence_list;
  std::vector<CountedWord> hard_words;  ///< words of 4+ syllables
};

/// A formula's result: its value, on its own scale, and an estimated US school grade.
struct ReadingScore {
  std::string formula;  ///< e.g. "Flesch-Kincaid grade"
  double value = 0;     ///< on the formula's own scale
  double grade = 0;     ///< estimated US school grade (step table of the formula's interpretation)
  std::string band;     ///< the interpretation table's words, e.g. "fairly easy"
};

/// The formulas this module knows; `formulas_for` picks them per language.
enum class ReadingFormula {
  FleschKincaidGrade,  ///< en
  Smog,                ///< en
  FernandezHuerta,     ///< es
  SzigrisztInflesz,    ///< es
  KandelMoles,         ///< fr
  WienerSachtext,      ///< de
  Gulpease,            ///< it
  FleschMartins,       ///< pt, pt-BR
  Lix,                 ///< other alphabetic languages
  CharactersPerSentence,  ///< zh, ja, ko, th
};

/// Syllables in one word (1 or more for any word with a letter); lang: BCP47 code like "en", "es", "pt-BR".
int count_syllables(std::string_view word, std::string_view lang);
/// Splits the samples into sentences and words and counts them in `lang`.
ReadingStats measure(const std::vector<TextSample>& samples, std::string_view lang);
/// The formulas used for `lang` (its primary subtag decides: "pt-BR" -> pt).
std::vector<ReadingFormula> formulas_for(std::string_view lang);
/// One formula applied to counts (which may be given directly, without `measure`); zero counts give value 0.
ReadingScore score_from_counts(ReadingFormula formula, const ReadingStats& counts);
/// The scores of `lang`'s formulas; empty when there is no sentence or nothing to count.
std::vector<ReadingScore> reading_scores(const ReadingStats& stats, std::string_view lang);

}  // namespace handout
