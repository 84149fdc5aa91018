// English syllables from spelling. English spelling is not phonemic, so this is vowel groups
// corrected by the rules that matter most in patient texts: silent final e, -es/-ed that add
// no syllable, hiatus (di-al, ac-tu-al, qui-et), the -tion/-cial/-cious merges, vowel + -ing,
// syllabic -ism, and a short list of frequent irregular words. Counts follow Merriam-Webster.
#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "check/syllables.h"

namespace handout::reading {
namespace {

using Word = std::string;

// Frequent words the rules get wrong (Merriam-Webster's first pronunciation).
constexpr std::pair<std::string_view, int> kIrregular[] = {
    {"every", 2}, {"everyone", 3}, {"everything", 3}, {"everybody", 4}, {"everywhere", 3},
    {"people", 2}, {"business", 2}, {"area", 3}, {"areas", 3}, {"idea", 3}, {"ideas", 3},
    {"science", 2}, {"scientist", 3}, {"scientists", 3}, {"eye", 1}, {"eyes", 1},
    {"maybe", 2}, {"recipe", 3}, {"catastrophe", 4}, {"apostrophe", 4}, {"museum", 3},
    {"genuine", 3}, {"fluid", 2}, {"fluids", 2}, {"ruin", 2}, {"intuitive", 4}, {"lion", 2},
    {"lions", 2}, {"creature", 2}, {"creatures", 2}, {"naive", 2}, {"rhythm", 2},
    {"marriage", 2}, {"carriage", 2}, {"real", 1}, {"poem", 2}, {"element", 3}, {"elements", 3},
};

// Word beginnings whose first two vowels are in hiatus although they look like one group
// (co-op-er-ate, re-act, cre-ate): each adds one syllable.
constexpr std::string_view kHiatusPrefixes[] = {
    "coop", "coor", "react", "creat", "reinf", "reass", "reeval", "preex", "preop", "deact",
    "reapp", "realiz", "realis", "realit"};

bool is_vowel_char(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

bool ends_with(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

bool any_of_chars(char c, std::string_view set) { return set.find(c) != std::string_view::npos; }

// y is a consonant at the start of a word before a vowel (yes) and between vowels (player).
std::vector<bool> vowel_mask(const Word& w) {
  std::vector<bool> v(w.size());
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (w[i] != 'y') {
      v[i] = is_vowel_char(w[i]);
      continue;
    }
    const bool next_vowel = i + 1 < w.size() && is_vowel_char(w[i + 1]);
    const bool prev_vowel = i > 0 && is_vowel_char(w[i - 1]);
    v[i] = !(next_vowel && (i == 0 || prev_vowel));
  }
  return v;
}

bool has_vowel_before(const std::vector<bool>& v, std::size_t end) {
  return std::any_of(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(end), [](bool b) { return b; });
}

// Consonant + l before the ending: ta-ble, mus-cles, tan-gled keep their e as a syllable.
bool syllabic_l_before(const Word& w, std::size_t e, const std::vector<bool>& v) {
  return e >= 2 && w[e - 1] == 'l' && !v[e - 2] && w[e - 2] != 'l';
}

// Is the e at index `e` of a final -e, -es or -ed silent?
bool silent_ending_e(const Word& w, std::size_t e, const std::vector<bool>& v) {
  if (e == 0 || v[e - 1] || !has_vowel_before(v, e - 1)) return false;
  const std::string_view tail = std::string_view(w).substr(e);
  const char before = w[e - 1];
  if (syllabic_l_before(w, e, v)) return false;
  if (tail == "e") return !(before == 'r' && e >= 2 && !v[e - 2] && w[e - 2] != 'r');  // ac-re
  if (tail == "es") return !any_of_chars(before, "sxzcg") && !ends_with(w.substr(0, e), "sh") &&
                           !ends_with(w.substr(0, e), "ch");
  if (tail == "ed") return before != 't' && before != 'd';
  return false;
}

// Silent e before a suffix or second word: safe-ly, move-ment, some-times.
bool silent_inner_e(const Word& w, std::size_t e, const std::vector<bool>& v) {
  static constexpr std::array<std::string_view, 16> kTails{
      "ly", "ment", "ments", "ness", "ful", "fully", "less", "lessly", "times", "time", "one",
      "thing", "things", "where", "body", "work"};
  if (e == 0 || v[e - 1] || !has_vowel_before(v, e - 1) || syllabic_l_before(w, e, v)) return false;
  const std::string_view rest = std::string_view(w).substr(e + 1);
  return std::find(kTails.begin(), kTails.end(), rest) != kTails.end();
}

std::vector<bool> silent_mask(const Word& w, const std::vector<bool>& v) {
  std::vector<bool> silent(w.size());
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (w[i] != 'e') continue;
    const std::size_t from_end = w.size() - i;
    const bool ending = from_end == 1 || (from_end == 2 && (w.back() == 's' || w.back() == 'd'));
    silent[i] = ending ? silent_ending_e(w, i, v) : silent_inner_e(w, i, v);
  }
  return silent;
}

// i + vowel after c/t/s/g/x merges in -tion, -cial, -cious, -gion (and -llion, -nion, -lian).
bool palatal_merge(const Word& w, std::size_t i) {
  if (i == 0) return false;
  const char prev = w[i - 1];
  const char after = i + 2 < w.size() ? w[i + 2] : '\0';
  if (any_of_chars(prev, "ctsgx")) return after == 'n' || after == 'l' || after == 'u';
  const bool lion = prev == 'l' && i >= 2 && (w[i - 2] == 'l' || has_vowel_before(vowel_mask(w), i - 1));
  return (lion || prev == 'n') && after == 'n';
}

bool ie_splits(const Word& w, std::size_t i) {
  const std::string_view rest = std::string_view(w).substr(i + 2);
  const bool after_palatal = i > 0 && any_of_chars(w[i - 1], "cts");
  if (rest.starts_with("nt") || rest.starts_with("nc")) return !after_palatal;  // cli-ent, pa-tient
  if (rest.starts_with("t")) return true;                                     // di-et, so-ci-e-ty
  if (rest == "r" || rest == "rs" || rest == "st") return has_vowel_before(vowel_mask(w), i);  // eas-i-er
  return false;
}

bool final_ing_at(const Word& w, std::size_t i) {
  return (w.size() >= 3 && i == w.size() - 3 && ends_with(w, "ing")) ||
         (w.size() >= 4 && i == w.size() - 4 && ends_with(w, "ings"));
}

// Do the adjacent vowels at i and i+1 belong to different syllables?
bool hiatus(const Word& w, std::size_t i) {
  const char a = w[i], b = w[i + 1];
  const char prev = i > 0 ? w[i - 1] : '\0';
  const char after = i + 2 < w.size() ? w[i + 2] : '\0';
  if (final_ing_at(w, i + 1)) return true;                                  // go-ing, be-ing
  if (a == 'y') return true;                                                // cry-ing, un-der-ly-ing
  if (a == 'i' && (b == 'a' || b == 'o')) return !palatal_merge(w, i);      // di-al, ra-di-o
  if (a == 'i' && b == 'u') return true;                                    // me-di-um
  if (a == 'i' && b == 'e') return ie_splits(w, i);
  if (a == 'e' && b == 'o') return !(any_of_chars(prev, "gc") && (after == 'n' || after == 'u'));
  if (a == 'u' && (b == 'a' || b == 'o')) return prev != 'q' && prev != 'g';  // ac-tu-al
  if (a == 'u' && b == 'e') return prev != 'q' && prev != 'g' && after != '\0' && any_of_chars(after, "ntl");
  if (a == 'o' && b == 'e') return after != '\0' && after != 's';           // po-em, but goes
  if (a == 'a' && b == 'o') return true;                                    // cha-os
  return false;
}

int count_groups(const Word& w) {
  const std::vector<bool> v = vowel_mask(w);
  const std::vector<bool> silent = silent_mask(w, v);
  int groups = 0;
  bool in_group = false;
  for (std::size_t i = 0; i < w.size(); ++i) {
    const bool vowel = v[i] && !silent[i] && !(w[i] == 'u' && i > 0 && w[i - 1] == 'q');
    if (!vowel) {
      in_group = false;
      continue;
    }
    if (!in_group || hiatus(w, i - 1)) ++groups;
    in_group = true;
  }
  return groups;
}

// -ism, -asm: the m is syllabic (per-fec-tion-ism, spasm).
int syllabic_m(const Word& w) {
  for (std::string_view tail : {"sm", "sms"}) {
    if (ends_with(w, tail) && w.size() > tail.size() && is_vowel_char(w[w.size() - tail.size() - 1])) return 1;
  }
  return 0;
}

// Strips clitics; returns the syllables they add (does-n't adds one, do-n't does not).
int strip_clitics(Word& w) {
  int extra = 0;
  if (ends_with(w, "n't")) {
    w.resize(w.size() - 3);
    if (!w.empty() && !is_vowel_char(w.back())) extra = 1;
  }
  const auto apos = w.find('\'');
  if (apos != Word::npos) w.resize(apos);  // 's 're 'll 've 'd 'm
  return extra;
}

}  // namespace

int english_syllables(const Letters& letters) {
  Word w;
  for (char32_t c : letters.base) {
    if (c == U'æ' || c == U'œ') w += 'e';
    else w += c < 0x80 ? static_cast<char>(c) : 'x';  // other letters act as consonants
  }
  const int extra = strip_clitics(w);
  if (w.empty()) return extra;
  for (const auto& [word, n] : kIrregular) {
    if (w == word) return n + extra;
  }
  int n = count_groups(w) + syllabic_m(w) + extra;
  for (std::string_view p : kHiatusPrefixes) {
    if (w.starts_with(p)) ++n;
  }
  return std::max(n, 1);
}

}  // namespace handout::reading
