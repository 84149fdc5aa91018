// Sentence ends by punctuation, with the usual exceptions for a period: it does not end a
// sentence inside a number or address (no space after it), after a known abbreviation or a
// single initial, or when the next word starts in lowercase ("approx. five").
#include "check/sentences.h"

#include <algorithm>

#include "check/letters.h"

namespace handout::reading {
namespace {

// Abbreviations (lowercase, without their final period) in the handout languages.
constexpr std::u32string_view kAbbreviations[] = {
    U"mr", U"mrs", U"ms", U"dr", U"drs", U"prof", U"st", U"vs", U"etc", U"cf", U"approx", U"no", U"nr",
    U"fig", U"jr", U"sr", U"sra", U"srta", U"dra", U"dept", U"ca", U"vol", U"pp", U"tel", U"min", U"max",
    U"dott", U"sig", U"ecc", U"av", U"ex", U"bzw", U"usw", U"ggf", U"evtl", U"mme", U"mlle", U"esp",
    U"aprox", U"pág", U"núm", U"art", U"ref", U"med", U"inkl", U"bzgl", U"vgl"};

// "e.g", "z.B", "p.m", "Ph.D": dotted abbreviations have only short parts (not "example.org").
bool is_dotted_abbreviation(std::u32string_view token) {
  if (token.find(U'.') == std::u32string_view::npos) return false;
  std::size_t part = 0;
  for (char32_t c : token) {
    part = c == U'.' ? 0 : part + 1;
    if (part > 2 || !(c == U'.' || is_letter(c))) return false;
  }
  return true;
}

bool is_terminator(char32_t c) {
  return std::u32string_view(U"!?…‼⁇⁈⁉。！？｡।॥።؟۔").find(c) != std::u32string_view::npos;
}

bool is_closer(char32_t c) {
  return std::u32string_view(U"\"'”’»›)]}」』）］〕》〉").find(c) != std::u32string_view::npos;
}

// The word before text[dot], lowercased, without opening punctuation.
std::u32string token_before(std::u32string_view text, std::size_t dot) {
  std::size_t j = dot;
  while (j > 0 && !is_space(text[j - 1])) --j;
  while (j < dot && !is_word_char(text[j])) ++j;
  std::u32string token(text.substr(j, dot - j));
  for (char32_t& c : token) c = to_lower(c);
  return token;
}

bool period_ends_sentence(std::u32string_view text, std::size_t i) {
  std::size_t next = i + 1;
  while (next < text.size() && text[next] == U'.') ++next;  // an ellipsis "..." ends like one period
  if (next < text.size() && !is_space(text[next]) && !is_closer(text[next])) return false;  // 3.5, e.g
  const std::u32string token = token_before(text, i);
  if (next == i + 1) {
    if (token.size() == 1 && is_letter(token[0])) return false;  // an initial: "J. Smith"
    if (is_dotted_abbreviation(token)) return false;  // "e.g.", "z.B."
    if (std::find(std::begin(kAbbreviations), std::end(kAbbreviations), token) != std::end(kAbbreviations)) return false;
  }
  while (next < text.size() && (is_space(text[next]) || is_closer(text[next]))) ++next;
  return next >= text.size() || !is_lowercase(text[next]);
}

}  // namespace

std::vector<SentenceSpan> split_sentences(std::u32string_view text) {
  std::vector<SentenceSpan> spans;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool ends = is_terminator(text[i]) || (text[i] == U'.' && period_ends_sentence(text, i));
    if (!ends) continue;
    std::size_t j = i + 1;
    while (j < text.size() && (is_terminator(text[j]) || text[j] == U'.' || is_closer(text[j]))) ++j;
    spans.push_back({start, j});
    start = j;
    i = j - 1;
  }
  if (start < text.size()) spans.push_back({start, text.size()});
  return spans;
}

}  // namespace handout::reading
