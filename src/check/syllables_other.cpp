// French, German and the generic vowel-group counter used for every other language.
#include <algorithm>
#include <string_view>

#include "check/syllables.h"

namespace handout::reading {
namespace {

bool is_cyrillic_vowel(char32_t c) { return std::u32string_view(U"аеёиоуыэюяієїў").find(c) != std::u32string_view::npos; }

bool is_greek_vowel(char32_t base) { return std::u32string_view(U"αεηιουω").find(base) != std::u32string_view::npos; }

bool ends_with(const std::u32string& s, std::u32string_view tail) {
  return s.size() >= tail.size() && std::u32string_view(s).substr(s.size() - tail.size()) == tail;
}

// French -ent words that are not verb plurals (their -ent is said): nouns, adjectives, adverbs.
constexpr std::u32string_view kSaidEnt[] = {
    U"moment", U"souvent", U"comment", U"parent", U"present", U"different", U"client", U"patient",
    U"accident", U"argent", U"content", U"dent", U"cent", U"lent", U"vent", U"talent", U"urgent",
    U"frequent", U"evident", U"recent", U"agent", U"absent", U"adolescent", U"serpent", U"torrent",
    U"president", U"concurrent", U"excellent", U"intelligent", U"permanent", U"prudent", U"innocent",
    U"equivalent", U"impatient", U"incident", U"continent", U"ingredient", U"competent", U"violent",
    U"apparent", U"coherent", U"transparent", U"vraiment", U"element", U"aliment", U"segment"};

// A French word's silent ending, if any: -e, -es, or the verb-plural -ent.
std::size_t french_silent_tail(const Letters& w) {
  const std::u32string& cp = w.cp;
  if (ends_with(cp, U"ent")) {
    const std::u32string_view stem = std::u32string_view(w.base).substr(0, w.base.size() - 3);
    const bool said = std::find(std::begin(kSaidEnt), std::end(kSaidEnt), w.base) != std::end(kSaidEnt) ||
                      (w.base.ends_with(U"ment") && latin_vowel_groups(std::u32string(stem.substr(0, stem.size() - 1)), true) >= 2);
    return said ? 0 : 3;
  }
  if (ends_with(cp, U"es")) return 2;
  if (ends_with(cp, U"e")) return 1;
  return 0;
}

// Do the French vowels at i-1 and i belong to different syllables? (ré-el, po-è-me, na-ïf, pa-yer)
bool french_split(const Letters& w, std::size_t i) {
  const char32_t a = w.cp[i - 1], b = w.cp[i];
  if (b == U'ë' || b == U'ï' || b == U'é' || b == U'è') return true;
  if (a == U'é') return true;
  return a == U'y' && i >= 2 && is_latin_vowel(w.base[i - 2]);
}

}  // namespace

bool is_latin_vowel(char32_t b) {
  return std::u32string_view(U"aeiouyæœø").find(b) != std::u32string_view::npos;
}

int latin_vowel_groups(const std::u32string& base, bool y_is_vowel) {
  int n = 0;
  bool in_group = false;
  for (char32_t b : base) {
    const bool vowel = is_latin_vowel(b) && (y_is_vowel || b != U'y');
    if (vowel && !in_group) ++n;
    in_group = vowel;
  }
  return n;
}

int french_syllables(const Letters& word) {
  Letters w = word;
  // qu and gu before a vowel: the u is not said (quoi, guerre, langue).
  for (std::size_t i = 1; i + 1 < w.base.size(); ++i) {
    if (w.cp[i] == U'u' && (w.base[i - 1] == U'q' || w.base[i - 1] == U'g') && is_latin_vowel(w.base[i + 1])) {
      w.cp[i] = w.base[i] = U'-';
    }
  }
  const std::size_t tail = french_silent_tail(w);
  const std::size_t end = w.base.size() - tail;
  if (tail > 0 && latin_vowel_groups(w.base.substr(0, end), true) == 0) return std::max(1, latin_vowel_groups(w.base, true));
  int n = 0;
  for (std::size_t i = 0; i < end; ++i) {
    if (!is_latin_vowel(w.base[i])) continue;
    if (i == 0 || !is_latin_vowel(w.base[i - 1]) || french_split(w, i)) ++n;
  }
  return std::max(n, 1);
}

int german_syllables(const Letters& w) {
  static constexpr std::u32string_view kOneSound[] = {U"ie", U"ei", U"ai", U"eu", U"äu", U"au", U"aa", U"ee", U"oo", U"ey", U"ay"};
  const std::u32string& s = w.cp;
  auto vowel = [&](std::size_t i) {
    return std::u32string_view(U"aeiouyäöü").find(s[i]) != std::u32string_view::npos &&
           !(s[i] == U'u' && i > 0 && s[i - 1] == U'q');  // qu: the u is a consonant
  };
  int n = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (!vowel(i)) continue;
    ++n;
    if (i + 1 >= s.size() || !vowel(i + 1)) continue;
    const std::u32string_view pair = std::u32string_view(s).substr(i, 2);
    // Pa-ti-ent, Ef-fi-zi-enz: -ient/-ienz are two syllables although "ie" is usually one.
    const bool ient = pair == U"ie" && i + 3 < s.size() && s[i + 2] == U'n' && (s[i + 3] == U't' || s[i + 3] == U'z');
    if (!ient && std::find(std::begin(kOneSound), std::end(kOneSound), pair) != std::end(kOneSound)) ++i;
  }
  return std::max(n, s.empty() ? 0 : 1);
}

int generic_syllables(const Letters& w) {
  int n = 0;
  bool in_group = false;
  for (std::size_t i = 0; i < w.base.size(); ++i) {
    const char32_t b = w.base[i];
    const bool hangul_block = w.cp[i] >= 0xAC00 && w.cp[i] <= 0xD7A3;  // one Hangul block is one syllable
    if (is_cyrillic_vowel(w.cp[i]) || hangul_block) {  // Cyrillic spelling has no vowel digraphs: мо-я
      ++n;
      in_group = false;
      continue;
    }
    const bool vowel = is_latin_vowel(b) || is_greek_vowel(b);
    if (vowel && !in_group) ++n;
    in_group = vowel;
  }
  return std::max(n, w.base.empty() ? 0 : 1);  // scripts without vowel letters: one per word
}

}  // namespace handout::reading
