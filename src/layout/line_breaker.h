// Chooses where lines end. Pure arithmetic on widths, so it is easy to test and to swap.
#pragma once
#include <cstddef>
#include <vector>

namespace handout {

/// What may happen after an item.
enum class BreakKind {
  Space,   ///< a word space: a line may end here, dropping the space
  Plain,   ///< a break with no space, e.g. after "self-" or a "/" in a URL
  Hyphen,  ///< a hyphenation point: ending a line here adds a hyphen
  Forced,  ///< a hard line break or the end of the paragraph
  None,    ///< no break (first-fit ignores hyphenation points this way)
};

/// An unbreakable piece of a paragraph (a word, a syllable, a word plus its punctuation).
struct BreakItem {
  double width = 0;        ///< width without trailing spaces
  double space_after = 0;  ///< width of the spaces that follow (dropped at a line end)
  BreakKind after = BreakKind::Space;
  double hyphen_width = 0;  ///< width of the hyphen drawn when a line ends at a Hyphen
  /// A Plain break right after the word's own hyphen ("self-|esteem"): a line ending here ends
  /// in a hyphen too, so it counts towards the run of hyphenated lines (no hyphen penalty).
  bool ends_in_hyphen = false;
};

/// First-fit: fills each line with as many items as fit in `width`. Returns, for each line,
/// the index one past its last item. Every item must fit alone (split wider ones first).
/// Hyphenation points are not used.
std::vector<std::size_t> break_first_fit(const std::vector<BreakItem>& items, double width);

/// Settings of the total-fit breaker.
struct TotalFitParams {
  double width = 0;
  bool justify = false;         ///< stretch word spaces to fill lines (else ragged right)
  double ragged_stretch = 30;   ///< ragged right: how short a line may be before it costs much
  double tolerance = 1.26;      ///< justified: largest stretch ratio on the first pass (TeX's tolerance 200)
  double hyphen_penalty = 50;
  double double_hyphen_demerits = 3000;  ///< two lines in a row ending in a hyphen
  double fitness_demerits = 100;         ///< a tight line next to a loose one
  /// Never more lines in a row ending in a hyphen, added or the word's own ("self-"); at most 2.
  int max_hyphen_run = 2;
};

/// One line chosen by the breaker.
struct LineBreak {
  std::size_t end = 0;      ///< one past the line's last item
  double ratio = 0;         ///< justified: how far spaces stretch (>0) or shrink (<0), in units of their stretch
  bool hyphenated = false;  ///< the line ends at a hyphenation point
};

/// Knuth-Plass total fit: chooses all breaks of the paragraph together, minimising the sum of
/// each line's badness squared plus penalties for hyphens. Never returns a line wider than
/// `width` when every item fits alone.
std::vector<LineBreak> break_total_fit(const std::vector<BreakItem>& items, const TotalFitParams& params);

/// The shrink and stretch of a justified word space, as fractions of its width.
constexpr double kSpaceStretch = 0.5, kSpaceShrink = 1.0 / 3.0;

/// How far the spaces of the line [first, end) must stretch (> 0) or shrink (< 0) to fill
/// `width`, in units of their stretch or shrink; 0 for a line ending the paragraph.
double adjustment_ratio(const std::vector<BreakItem>& items, std::size_t first, std::size_t end, double width);

}  // namespace handout
