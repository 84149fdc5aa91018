// Where lines may break (UAX #14 with ICU's dictionaries, so Thai, Lao, Khmer and Myanmar,
// written without spaces, break between words). The only file that sees ICU.
#pragma once
#include <string>
#include <vector>

namespace handout {

enum class BreakAfter : char { None, Allowed, Mandatory };

/// For each character of `text`, whether a line may (or must) end after it, for language
/// `lang` (BCP 47). Korean is tailored to break at spaces only, as Korean is set; no line
/// ends inside a number, time or range. With `whole_words`, only where a word ends (ICU's
/// word boundaries, by dictionary for Chinese, Japanese and Thai): what titles and short
/// lines need, where a word cut in two ("以/及", "で/きない") reads as two words.
std::vector<BreakAfter> line_breaks(const std::u32string& text, const std::string& lang, bool whole_words = false);

}  // namespace handout
