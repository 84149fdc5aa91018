// A paragraph as the line breaker sees it: its styled spans flattened to code points, each with
// its span and font (fallbacks chosen per word), bidi levels, shaped by HarfBuzz and measured;
// then cut into pieces between break opportunities (ICU), long words split and hyphenated.
// Used by inline_text.cpp, which assembles the lines.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "content/document.h"
#include "diag/diagnostic.h"
#include "fonts/font_set.h"
#include "text/bidi.h"
#include "layout/line_breaker.h"
#include "layout/text_source.h"
#include "style/style.h"

namespace handout {
class Hyphenator;
}

namespace handout::paragraph {

inline bool is_space(char32_t c) { return c == U' ' || c == U'\n' || c == U'\t'; }

// The hyphen added at a hyphenation break: U+2010 HYPHEN, so that text extraction can tell it
// from a hyphen that belongs to the word (U+002D).
constexpr char32_t kHyphen = U'\u2010';

// A paragraph flattened to code points in logical order, each with its span and font, and
// measured by shaping: a character's advance is that of the glyphs whose cluster starts there
// (0 for the later characters of a ligature or conjunct).
struct FlatText {
  std::u32string chars;  // as written: for line breaking, hyphenation and shaping
  std::vector<int> span_of;
  std::vector<FontId> font_of;
  std::vector<double> advance;  // points
  std::vector<double> prefix;   // prefix[i]: sum of advance[0..i), so any width is O(1)
  bool bidi = false;            // needs reordering (right-to-left text present)
  BidiParagraph para;
  std::string lang;
  bool rtl_at(std::size_t i) const { return bidi && para.levels[i] % 2 == 1; }
  // The paragraph as shaped, run by run (glyphs in points, visual order), so a line can reuse
  // its slice instead of shaping again where HarfBuzz says a break there changes nothing.
  struct ShapedRun {
    std::size_t begin = 0, end = 0;
    std::vector<ShapedGlyph> glyphs;
  };
  std::vector<ShapedRun> runs;
};

// The glyphs of chars[begin, end) from the paragraph's shaping, when the range lies inside one

/// A break item plus the characters it covers: [begin, end) drawn, [end, space_end) spaces.
struct Piece {
  std::size_t begin, end, space_end;
  BreakKind after = BreakKind::Space;
};

/// Newlines and bidi isolates: never drawn.
bool invisible(char32_t c);
/// The style a span is set in.
const TextStyle& style_of(const Span& s, const InlineStyles& st);
/// Flattens, chooses fonts (warning once per character no font covers) and shapes a paragraph.
FlatText flatten(const std::vector<Span>& spans, const InlineStyles& styles, const FontSet& fonts, bool rtl,
                 const std::string& lang, const TextSource& source, Diagnostics& diags);
/// The glyphs of chars[begin, end) from the paragraph's shaping, when the range lies inside one
/// run and both its edges are safe to break; null otherwise (then the range is shaped anew).
std::unique_ptr<std::vector<ShapedGlyph>> reuse_shaping(const FlatText& flat, std::size_t begin, std::size_t end);
/// Where one shaping run ends: a change of span, font or direction, or an invisible character.
std::size_t run_end(const FlatText& flat, std::size_t begin, std::size_t limit);
/// Shapes chars[begin, end) as one run and returns its glyphs in points, in visual order.
std::vector<ShapedGlyph> shape_run(const FlatText& flat, std::size_t begin, std::size_t end, double size,
                                   const FontSet& fonts);
/// The paragraph cut at its line-break opportunities.
std::vector<Piece> find_pieces(const FlatText& flat, const std::string& lang);
/// The same for a paragraph set `width` wide: one piece when the whole paragraph fits on one
/// line and has no forced break, without asking where lines could break.
std::vector<Piece> find_pieces(const FlatText& flat, const std::string& lang, double width, bool whole_words = false);
inline double width_of(const FlatText& flat, std::size_t b, std::size_t e) { return flat.prefix[e] - flat.prefix[b]; }
/// Splits a piece too wide for the line into parts that fit, preferring to cut after URL
/// punctuation so a web address stays readable.
void split_wide_piece(const FlatText& flat, Piece p, double width, std::vector<Piece>& out);
/// Splits a piece at the hyphenation points of its words. Pieces holding digits, '@', '/' or
/// ':' (numbers, phone numbers, e-mail and web addresses), links and code are left whole.
void hyphenate_piece(const FlatText& flat, const std::vector<Span>& spans, const Hyphenator& hyph, Piece p,
                     std::vector<Piece>& out);

}  // namespace handout::paragraph
