// Syllable counters, one per language family: vowel groups with each language's exceptions
// (not hyphenation patterns, which split where a printer may, not where a speaker does).
#pragma once
#include "check/letters.h"

namespace handout::reading {

/// English: vowel groups, silent -e/-es/-ed, hiatus rules and a list of irregular words.
int english_syllables(const Letters& w);
/// Spanish (RAE): strong vowels in hiatus split, accented í/ú break diphthongs, silent u in qu/gu.
int spanish_syllables(const Letters& w);
/// Italian: as Spanish (diphthongs of i/u, strong vowels in hiatus, accented ì/ù in hiatus).
int italian_syllables(const Letters& w);
/// Portuguese: rising diphthongs split (his-tó-ri-a), falling and nasal ones (ão, õe, ãe) do not.
int portuguese_syllables(const Letters& w);
/// French: written vowel groups, silent final -e/-es/-ent, é/ë/ï start a new syllable.
int french_syllables(const Letters& w);
/// German: vowel groups where ie/ei/ai/eu/äu/au/aa/ee/oo are one and other pairs split.
int german_syllables(const Letters& w);
/// Other languages: Latin and Greek vowel groups; each Cyrillic vowel letter is one syllable.
int generic_syllables(const Letters& w);

/// Vowel letters by their unaccented form: a e i o u y (Latin), æ œ ø.
bool is_latin_vowel(char32_t base);
/// Vowel groups of a Latin-script word; `y_is_vowel` decides whether y counts.
int latin_vowel_groups(const std::u32string& base, bool y_is_vowel);

}  // namespace handout::reading
