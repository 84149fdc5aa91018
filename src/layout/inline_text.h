// Sets a paragraph's styled spans into lines of positioned text runs.
#pragma once
#include <string>
#include <vector>

#include "content/document.h"
#include "diag/diagnostic.h"
#include "layout/frame.h"
#include "layout/text_source.h"
#include "style/style.h"

namespace handout {

/// One set line. Item positions are relative to the line's left edge and its baseline.
struct SetLine {
  std::vector<TextItem> runs;
  std::vector<LinkItem> links;
  std::vector<RectItem> backgrounds;  ///< behind code spans
  std::vector<LineItem> strikes;      ///< through struck-out text
  double width = 0;
  bool hyphenated = false;  ///< ends with a hyphen added by hyphenation
  double space_ratio = 1;   ///< justified: word space width over its natural width (1 = natural)
  bool loose = false;       ///< justified line too loose to fill: set short, with spaces at the limit
};

/// Justified word spaces never grow past this multiple of their natural width.
constexpr double kMaxSpaceRatio = 2.0;

class Hyphenator;

/// How a paragraph is broken into lines.
struct ParagraphOptions {
  bool rtl = false;  ///< right-to-left paragraph on a mirrored page (see Script)
  bool justify = false;
  bool total_fit = true;                 ///< Knuth-Plass; false: first fit (for comparison)
  const Hyphenator* hyphenator = nullptr; ///< null: no hyphenation
  /// Titles, headings, taglines: lines end only where words end, and the lines are balanced
  /// (as narrow as they can be for their number), so no word is cut and none is left alone.
  bool balance = false;
};

/// Breaks `spans` into lines no wider than `width`. Words wider than a line are split
/// (after URL punctuation when possible) rather than allowed to overflow.
std::vector<SetLine> set_paragraph(const std::vector<Span>& spans, const InlineStyles& styles,
                                   double width, const FontSet& fonts, const std::string& lang,
                                   const TextSource& source, Diagnostics& diags,
                                   const ParagraphOptions& options = {});

/// One line of plain text in one style (labels, footers); never broken. Fallback fonts,
/// shaping and bidi apply as in paragraphs. Positions are relative to x = 0 and the baseline.
SetLine set_label(const std::string& text, const TextStyle& style, const FontSet& fonts, const Script& script);

/// Copies a set line's items into `out`, moved to (x, baseline).
void place_line(const SetLine& line, double x, double baseline, std::vector<Item>& out);

}  // namespace handout
