// measure(): samples -> sentences -> words -> syllables, with the source line of each.
#include "check/readability.h"

#include "check/language.h"
#include "check/letters.h"
#include "check/sentences.h"
#include "check/syllables.h"
#include "util/text.h"
#include "util/utf8.h"

namespace handout {
namespace {

using namespace reading;

int syllables_in(const Letters& w, Language lang) {
  switch (lang) {
    case Language::En: return english_syllables(w);
    case Language::Es: return spanish_syllables(w);
    case Language::It: return italian_syllables(w);
    case Language::Pt: return portuguese_syllables(w);
    case Language::Fr: return french_syllables(w);
    case Language::De: return german_syllables(w);
    default: return generic_syllables(w);
  }
}

// Walks one sample, keeping the line of the current position.
struct SampleWalk {
  std::u32string_view text;
  Language lang;
  ReadingStats& stats;
  int line;
  std::size_t pos = 0;

  int line_at(std::size_t i) {
    for (; pos < i; ++pos) line += text[pos] == U'\n';
    return line;
  }

  void add_word(std::u32string_view word, int word_line) {
    int letters = 0;
    for (char32_t c : word) {
      letters += is_letter(c);
      stats.cjk_characters += is_counted_character(c);
    }
    if (letters == 0) return;
    const std::string utf8 = utf8_encode(word);
    const int syllables = syllables_in(letters_of(utf8), lang);
    ++stats.words;
    stats.syllables += syllables;
    stats.letters += letters;
    stats.polysyllables += syllables >= 3;
    stats.monosyllables += syllables == 1;
    stats.long_words += letters > 6;
    if (syllables >= 4) stats.hard_words.push_back({utf8, word_line, syllables});
  }

  // Counts the words and characters of text[begin, end); returns whether it had any.
  bool count_words(std::size_t begin, std::size_t end, int& words) {
    const int before = stats.words, cjk_before = stats.cjk_characters;
    for (std::size_t i = begin; i < end;) {
      if (is_unspaced_cjk(text[i])) ++stats.cjk_characters;
      if (!is_word_char(text[i]) || is_unspaced_cjk(text[i])) {
        ++i;
        continue;
      }
      std::size_t j = i + 1;
      while (j < end && ((is_word_char(text[j]) && !is_unspaced_cjk(text[j])) ||
                         (is_apostrophe(text[j]) && j + 1 < end && is_word_char(text[j + 1])))) ++j;
      add_word(text.substr(i, j - i), line_at(i));
      i = j;
    }
    words = stats.words - before;
    return words > 0 || stats.cjk_characters > cjk_before;
  }

  void add_sentence(SentenceSpan span) {
    std::size_t first = span.begin;
    while (first < span.end && is_space(text[first])) ++first;
    const int sentence_line = line_at(first);
    int words = 0;
    if (!count_words(first, span.end, words)) return;
    ++stats.sentences;
    stats.sentence_list.push_back({collapse_spaces(utf8_encode(text.substr(first, span.end - first))), sentence_line, words});
  }
};

}  // namespace

int count_syllables(std::string_view word, std::string_view lang) {
  return syllables_in(letters_of(word), language_of(lang));
}

ReadingStats measure(const std::vector<TextSample>& samples, std::string_view lang) {
  ReadingStats stats;
  const Language language = language_of(lang);
  for (const TextSample& sample : samples) {
    const std::u32string text = utf8_decode(sample.text);
    SampleWalk walk{text, language, stats, sample.line};
    for (SentenceSpan span : split_sentences(text)) walk.add_sentence(span);
  }
  return stats;
}

}  // namespace handout
