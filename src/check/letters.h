// Letters as the syllable rules see them: lowercased, with and without their accents.
#pragma once
#include <string>
#include <string_view>

namespace handout::reading {

/// A lowercased word: `cp` keeps each letter as written ("é"), `base` drops accents ("e").
struct Letters {
  std::u32string cp;
  std::u32string base;
};

/// The letters of a UTF-8 word (apostrophes kept as '\'', other non-letters dropped).
Letters letters_of(std::string_view word);
/// True for letters and combining marks (ICU Alphabetic or a mark), the stuff words are made of.
bool is_word_char(char32_t c);
/// True for characters counted one by one instead of words: Han, Hiragana, Katakana.
bool is_unspaced_cjk(char32_t c);
/// True for Hangul and Thai letters: part of words, but also counted as characters.
bool is_counted_character(char32_t c);
/// True for a letter (not a mark): what Gulpease and LIX count.
bool is_letter(char32_t c);
/// True for an apostrophe that may join two letters of one word (' and ’).
bool is_apostrophe(char32_t c);

/// True for white space (ICU White_Space), including no-break and ideographic spaces.
bool is_space(char32_t c);
/// True for a lowercase letter (ICU Lowercase).
bool is_lowercase(char32_t c);
/// The simple lowercase mapping of one code point.
char32_t to_lower(char32_t c);

}  // namespace handout::reading
