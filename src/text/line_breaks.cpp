#include "text/line_breaks.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <map>
#include <memory>

namespace handout {
namespace {

bool is_space(char32_t c) { return c == U' ' || c == U'\n' || c == U'\t'; }

bool is_hangul(char32_t c) {
  return (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0x1100 && c <= 0x11FF) || (c >= 0x3130 && c <= 0x318F);
}

// One iterator per language, kind and thread: creating one loads rules and dictionaries.
icu::BreakIterator* iterator_for(const std::string& lang, bool words) {
  thread_local std::map<std::pair<std::string, bool>, std::unique_ptr<icu::BreakIterator>> cache;
  auto& slot = cache[{lang, words}];
  if (!slot) {
    auto make = [&](const icu::Locale& locale, UErrorCode& status) {
      return words ? icu::BreakIterator::createWordInstance(locale, status)
                   : icu::BreakIterator::createLineInstance(locale, status);
    };
    UErrorCode status = U_ZERO_ERROR;
    slot.reset(make(icu::Locale::forLanguageTag(lang, status), status));
    if (U_FAILURE(status)) {
      status = U_ZERO_ERROR;
      slot.reset(make(icu::Locale::getRoot(), status));
    }
  }
  return slot.get();
}

// What joins the digits of one number, time, date, range or phone number: "8:00–18:00",
// "555-0142", "1.5", "3/4", Arabic's decimal and thousands separators.
bool joins_digits(char32_t c) {
  return c == U':' || c == U'.' || c == U',' || c == U'-' || c == U'/' || c == U'\u2010' || c == U'\u2011' ||
         c == U'\u2013' || c == U'\u2014' || c == U'\u066B' || c == U'\u066C';
}

// Breaks inside such a run of digits: a line must never end "8:00–" or start "–18:00;"
// (read as a negative number) or cut a phone number.
void keep_numbers_whole(const std::u32string& text, std::vector<BreakAfter>& out) {
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    if (out[i] != BreakAfter::Allowed || !(u_isdigit(static_cast<UChar32>(text[i])) || joins_digits(text[i]))) continue;
    std::size_t p = i, q = i + 1, joiners = 0;
    while (p > 0 && joins_digits(text[p])) --p, ++joiners;
    while (q < text.size() && joins_digits(text[q])) ++q, ++joiners;
    if (joiners >= 1 && joiners <= 2 && u_isdigit(static_cast<UChar32>(text[p])) && q < text.size() &&
        u_isdigit(static_cast<UChar32>(text[q])))
      out[i] = BreakAfter::None;
  }
}

// A web or mail address breaks only after a '/' (or before nothing at all): a line ending
// "handouts/zh-" leaves the reader guessing whether the hyphen belongs to the address.
void keep_addresses_whole(const std::u32string& text, std::vector<BreakAfter>& out) {
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = start;
    // A run of visible ASCII: an address inside Chinese or Thai text (no spaces) is its own run.
    while (end < text.size() && text[end] > U' ' && text[end] < 0x7F) ++end;
    if (end == start) {
      ++start;
      continue;
    }
    const std::u32string_view word(text.data() + start, end - start);
    const bool address = word.find(U'/') != std::u32string_view::npos && word.find(U'.') != std::u32string_view::npos;
    if (address)
      for (std::size_t i = start; i + 1 < end; ++i)
        if (text[i] != U'/') out[i] = BreakAfter::None;
    start = end;
  }
}

}  // namespace

std::vector<BreakAfter> line_breaks(const std::u32string& text, const std::string& lang, bool whole_words) {
  std::vector<BreakAfter> out(text.size(), BreakAfter::None);
  if (text.empty()) return out;
  const icu::UnicodeString utf16 =
      icu::UnicodeString::fromUTF32(reinterpret_cast<const UChar32*>(text.data()), static_cast<int32_t>(text.size()));
  std::vector<std::size_t> char_at(static_cast<std::size_t>(utf16.length()) + 1, 0);  // UTF-16 index -> character
  for (std::size_t i = 0, u = 0; i < text.size(); ++i) {
    char_at[u] = i;
    u += text[i] >= 0x10000 ? 2 : 1;
  }
  icu::BreakIterator* it = iterator_for(lang, false);
  if (!it) return out;
  it->setText(utf16);
  for (int32_t b = it->next(); b != icu::BreakIterator::DONE; b = it->next()) {
    if (b <= 0 || b > utf16.length()) continue;
    // A boundary at UTF-16 index b follows the character that ends there.
    const std::size_t after = b == utf16.length() ? text.size() - 1 : char_at[static_cast<std::size_t>(b)] - 1;
    out[after] = it->getRuleStatus() >= UBRK_LINE_HARD ? BreakAfter::Mandatory : BreakAfter::Allowed;
  }
  keep_numbers_whole(text, out);
  keep_addresses_whole(text, out);
  if (icu::BreakIterator* words = whole_words ? iterator_for(lang, true) : nullptr) {
    std::vector<bool> word_end(text.size(), false);
    words->setText(utf16);
    for (int32_t b = words->next(); b != icu::BreakIterator::DONE; b = words->next())
      if (b > 0 && b <= utf16.length())
        word_end[b == utf16.length() ? text.size() - 1 : char_at[static_cast<std::size_t>(b)] - 1] = true;
    for (std::size_t i = 0; i < text.size(); ++i)
      if (out[i] == BreakAfter::Allowed && !word_end[i]) out[i] = BreakAfter::None;
  }
  // Korean breaks at spaces, not between syllables (UAX #14 allows both; this is the tailoring).
  if (lang.rfind("ko", 0) == 0)
    for (std::size_t i = 0; i + 1 < text.size(); ++i)
      if (out[i] == BreakAfter::Allowed && !is_space(text[i]) && !is_space(text[i + 1]) &&
          (is_hangul(text[i]) || is_hangul(text[i + 1])))
        out[i] = BreakAfter::None;
  return out;
}

}  // namespace handout
