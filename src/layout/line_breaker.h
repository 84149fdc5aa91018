// Chooses where lines end. Pure arithmetic on widths, so it is easy to test and to swap.
#pragma once
#include <cstddef>
#include <vector>

namespace handout {

/// An unbreakable piece of a paragraph (a word, or a word plus its punctuation).
struct BreakItem {
  double width = 0;        ///< width without trailing spaces
  double space_after = 0;  ///< width of the spaces that follow (dropped at a line end)
  bool forced_break_after = false;  ///< a hard line break or paragraph end follows
};

/// First-fit: fills each line with as many items as fit in `width`. Returns, for each line,
/// the index one past its last item. Every item must fit alone (split wider ones first).
std::vector<std::size_t> break_first_fit(const std::vector<BreakItem>& items, double width);

}  // namespace handout
