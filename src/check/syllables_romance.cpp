// Spanish, Italian and Portuguese syllables: every vowel is a nucleus unless it forms a
// diphthong with its neighbour. Diphthong = an unstressed i/u next to any vowel; two strong
// vowels (a, e, o) are in hiatus; a written accent on i/u (día, país, saúde) breaks the
// diphthong (RAE, Ortografía 2010, §4.1.1; same rules in Italian and Portuguese grammars).
#include "check/syllables.h"

namespace handout::reading {
namespace {

enum class Vowel { None, Strong, Weak, StressedWeak };

// The role of the letter at i; u in qu/gu + vowel is silent or a glide and counts as none.
Vowel role(const Letters& w, std::size_t i) {
  const char32_t c = w.cp[i], b = w.base[i];
  if (b == U'a' || b == U'e' || b == U'o') return Vowel::Strong;
  if (b == U'u' && c == U'u' && i > 0 && i + 1 < w.base.size() &&
      (w.base[i - 1] == U'q' || w.base[i - 1] == U'g') && role(w, i + 1) != Vowel::None) {
    return Vowel::None;
  }
  if (b == U'i' || b == U'u') return (c == b || c == U'ü' || c == U'ï') ? Vowel::Weak : Vowel::StressedWeak;
  // y is a vowel only at the end of a word after a vowel (hoy, muy) or alone (the conjunction).
  if (b == U'y' && i + 1 == w.base.size()) {
    const bool after_vowel = i > 0 && w.base[i - 1] != U'y' && is_latin_vowel(w.base[i - 1]);
    return (i == 0 || after_vowel) ? Vowel::Weak : Vowel::None;
  }
  return Vowel::None;
}

bool is_nasal_diphthong(char32_t first, char32_t second) {
  return (first == U'ã' && (second == U'o' || second == U'e')) || (first == U'õ' && second == U'e');
}

// Do the vowels at i-1 and i belong to different syllables?
bool in_hiatus(const Letters& w, std::size_t i, Vowel prev, Vowel cur, bool rising_splits) {
  if (is_nasal_diphthong(w.cp[i - 1], w.cp[i])) return false;                      // co-ra-ção, põe
  if (prev == Vowel::StressedWeak || cur == Vowel::StressedWeak) return true;      // dí-a, pa-ís
  if (prev == Vowel::Strong && cur == Vowel::Strong) return true;                  // a-é-re-o
  return rising_splits && prev == Vowel::Weak && cur == Vowel::Strong;             // his-tó-ri-a
}

int nuclei(const Letters& w, bool rising_splits) {
  int n = 0;
  Vowel prev = Vowel::None;
  for (std::size_t i = 0; i < w.base.size(); ++i) {
    const Vowel cur = role(w, i);
    if (cur != Vowel::None && (prev == Vowel::None || in_hiatus(w, i, prev, cur, rising_splits))) ++n;
    prev = cur;
  }
  return n > 0 ? n : (w.base.empty() ? 0 : 1);
}

}  // namespace

int spanish_syllables(const Letters& w) { return nuclei(w, false); }

int italian_syllables(const Letters& w) { return nuclei(w, false); }

// Portuguese dictionaries (Priberam, Houaiss) split rising diphthongs: his-tó-ri-a, sé-ri-e.
int portuguese_syllables(const Letters& w) { return nuclei(w, true); }

}  // namespace handout::reading
