// Right-to-left text: Unicode bidi levels and visual order of a line, via GNU FriBidi.
// The only file that sees fribidi.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace handout {

/// True for languages written right to left (ar, fa, he, ur, ps, yi, ...), by BCP 47 primary tag.
bool is_rtl_language(const std::string& lang);

/// True when `text` holds a strong right-to-left character (Hebrew, Arabic, ...).
bool has_rtl(const std::u32string& text);

/// The result of analysing one paragraph in logical order.
struct BidiParagraph {
  std::vector<std::uint8_t> levels;  ///< embedding level per character (odd: right to left)
  std::vector<std::uint32_t> types;  ///< bidi character types, for reordering lines
  bool rtl_base = false;             ///< resolved paragraph direction
};

/// Resolves embedding levels (UAX #9) for a paragraph. Its base direction comes from its first
/// strong character; `rtl_default` (a right-to-left page) applies when it has none, and keeps
/// any paragraph holding a right-to-left letter right to left.
/// (Joining and mirroring are the shaper's: HarfBuzz shapes each run in its direction.)
BidiParagraph analyse_bidi(const std::u32string& text, bool rtl_default);

/// Visual order (left to right) of the logical characters [begin, end) of a line: each entry
/// is a logical index.
std::vector<std::size_t> visual_order(const BidiParagraph& para, const std::u32string& text, std::size_t begin,
                                      std::size_t end);

}  // namespace handout
