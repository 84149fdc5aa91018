// Which writing system a text is in (ICU's script property), for telling a reader's software
// which language a passage is in.
#pragma once
#include <string>

namespace handout {

/// True when `text` has Latin letters and letters of no other script (digits, punctuation and
/// marks are neutral): "Willow Creek", "ISSWSH", "Café".
bool written_in_latin(const std::string& text);

}  // namespace handout
