// Pure pieces of writing text into a PDF, kept apart so tests can check them without a PDF.
#pragma once
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace handout {

/// A number for a content stream: at most three decimals, no trailing zeros ("12", "-0.25"),
/// written with integer arithmetic (content streams hold thousands of them).
std::string pdf_number(double v);

/// UTF-16BE hex of a text (surrogate pairs above U+FFFF), for ToUnicode and ActualText.
std::string utf16_hex(const std::u32string& text);

/// Glyph widths grouped into runs of consecutive ids, as /W writes them: [first [w w ...] ...].
/// `widths` must be sorted by id.
std::vector<std::pair<unsigned, std::vector<double>>> width_ranges(const std::vector<std::pair<unsigned, double>>& widths);

/// A ToUnicode CMap mapping each code (`code_bytes` long: 1 or 2) to the characters it draws.
std::string to_unicode_cmap(const std::map<unsigned, std::u32string>& text_of, int code_bytes = 2);

/// An encoding CMap (a Type0 font's /Encoding) for one-byte codes, each code its own CID:
/// Identity-H's map in one byte a glyph instead of two, which halves text in content streams.
std::string one_byte_cmap(const std::string& name);

/// Appends a code, `bytes` long (1 or 2, big-endian), to the inside of a PDF literal string:
/// '(', ')' and '\' escaped, and CR, which a reader would take for an end of line.
void append_code(std::string& literal, unsigned code, int bytes);

}  // namespace handout
