// Pure pieces of writing text into a PDF, kept apart so tests can check them without a PDF.
#pragma once
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace handout {

/// UTF-16BE hex of a text (surrogate pairs above U+FFFF), for ToUnicode and ActualText.
std::string utf16_hex(const std::u32string& text);

/// Glyph widths grouped into runs of consecutive ids, as /W writes them: [first [w w ...] ...].
/// `widths` must be sorted by id.
std::vector<std::pair<unsigned, std::vector<double>>> width_ranges(const std::vector<std::pair<unsigned, double>>& widths);

/// A ToUnicode CMap mapping each glyph id to the characters it draws.
std::string to_unicode_cmap(const std::map<unsigned, std::u32string>& text_of);

}  // namespace handout
