// UTF-8 <-> code points. Invalid bytes decode to U+FFFD so nothing crashes on bad input.
#pragma once
#include <string>
#include <string_view>

namespace handout {

/// Decodes UTF-8; each invalid byte becomes U+FFFD.
std::u32string utf8_decode(std::string_view s);
/// Length of the valid UTF-8 sequence starting at s[i] (1 to 4), or 0 when none starts there.
std::size_t utf8_sequence_length(std::string_view s, std::size_t i);
/// Encodes code points as UTF-8.
std::string utf8_encode(std::u32string_view s);
/// Appends one code point as UTF-8.
void utf8_append(std::string& out, char32_t cp);

}  // namespace handout
