#include "layout/line_breaker.h"

namespace handout {

std::vector<std::size_t> break_first_fit(const std::vector<BreakItem>& items, double width) {
  std::vector<std::size_t> ends;
  double x = 0;  // width used on the current line, including the last item's trailing space
  bool line_empty = true;
  for (std::size_t i = 0; i < items.size(); ++i) {
    // A tiny tolerance keeps rounding noise from pushing a word that fits onto the next line.
    if (!line_empty && x + items[i].width > width + 1e-6) {
      ends.push_back(i);
      x = 0;
      line_empty = true;
    }
    x += items[i].width + items[i].space_after;
    line_empty = false;
    if (items[i].forced_break_after) {
      ends.push_back(i + 1);
      x = 0;
      line_empty = true;
    }
  }
  if (!line_empty) ends.push_back(items.size());
  return ends;
}

}  // namespace handout
