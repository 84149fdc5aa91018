// Unicode properties come from ICU (uchar.h, unorm2.h); nothing else in check/ includes ICU.
#include "check/letters.h"

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>

#include "util/utf8.h"

namespace handout::reading {
namespace {

// First code point of the canonical decomposition: "é" -> "e", "ǘ" -> "u".
char32_t strip_accent(char32_t c) {
  UErrorCode err = U_ZERO_ERROR;
  const UNormalizer2* nfd = unorm2_getNFDInstance(&err);
  UChar buf[16];
  const int32_t n = U_SUCCESS(err) ? unorm2_getDecomposition(nfd, static_cast<UChar32>(c), buf, 16, &err) : -1;
  if (U_FAILURE(err) || n <= 0) return c;
  UChar32 first = 0;
  U16_GET(buf, 0, 0, n, first);
  return static_cast<char32_t>(first);
}

// Canonical composition, so "e" + combining acute is seen as one "é".
std::u32string nfc(std::u32string_view s) {
  std::u16string u16;
  for (char32_t c : s) {
    if (c > 0xFFFF) {
      u16 += static_cast<char16_t>(U16_LEAD(c));
      u16 += static_cast<char16_t>(U16_TRAIL(c));
    } else {
      u16 += static_cast<char16_t>(c);
    }
  }
  UErrorCode err = U_ZERO_ERROR;
  const UNormalizer2* n = unorm2_getNFCInstance(&err);
  std::u16string out(u16.size() * 3 + 4, u'\0');
  const int32_t len = U_SUCCESS(err) ? unorm2_normalize(n, reinterpret_cast<const UChar*>(u16.data()),
      static_cast<int32_t>(u16.size()), reinterpret_cast<UChar*>(out.data()), static_cast<int32_t>(out.size()), &err) : -1;
  if (U_FAILURE(err) || len < 0) return std::u32string(s);
  std::u32string result;
  for (int32_t i = 0; i < len;) {
    UChar32 c = 0;
    U16_NEXT(out.data(), i, len, c);
    result += static_cast<char32_t>(c);
  }
  return result;
}

UScriptCode script_of(char32_t c) {
  UErrorCode err = U_ZERO_ERROR;
  const UScriptCode s = uscript_getScript(static_cast<UChar32>(c), &err);
  return U_SUCCESS(err) ? s : USCRIPT_INVALID_CODE;
}

}  // namespace

bool is_space(char32_t c) { return u_isUWhiteSpace(static_cast<UChar32>(c)); }

bool is_lowercase(char32_t c) { return u_isULowercase(static_cast<UChar32>(c)); }

char32_t to_lower(char32_t c) { return static_cast<char32_t>(u_tolower(static_cast<UChar32>(c))); }

bool is_apostrophe(char32_t c) { return c == U'\'' || c == U'\u2019'; }

bool is_word_char(char32_t c) {
  const auto cat = U_GET_GC_MASK(static_cast<UChar32>(c));
  return u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_ALPHABETIC) || (cat & U_GC_M_MASK) != 0;
}

bool is_letter(char32_t c) {
  return u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_ALPHABETIC) &&
         (U_GET_GC_MASK(static_cast<UChar32>(c)) & U_GC_M_MASK) == 0;
}

bool is_unspaced_cjk(char32_t c) {
  const UScriptCode s = script_of(c);
  return (s == USCRIPT_HAN || s == USCRIPT_HIRAGANA || s == USCRIPT_KATAKANA) && is_letter(c);
}

bool is_counted_character(char32_t c) {
  const UScriptCode s = script_of(c);
  return (s == USCRIPT_HANGUL || s == USCRIPT_THAI) && is_letter(c);
}

Letters letters_of(std::string_view word) {
  Letters out;
  for (char32_t c : nfc(utf8_decode(word))) {
    if (is_apostrophe(c)) {
      out.cp += U'\'';
      out.base += U'\'';
    } else if (is_letter(c)) {
      const char32_t lower = to_lower(c);
      out.cp += lower;
      out.base += strip_accent(lower);
    }
  }
  return out;
}

}  // namespace handout::reading
