// Page breaking: cuts the flow into pages at permitted break points.
#pragma once
#include <functional>
#include <vector>

#include "layout/flow.h"

namespace handout {

/// A box placed on a page, `y` points below the content area's top.
struct PlacedBox {
  std::size_t box = 0;
  double y = 0;
  bool repeated = false;  ///< a table's header row drawn again above its continuation
};

/// The boxes of each page, in order.
struct Pagination {
  std::vector<std::vector<PlacedBox>> pages;
  int forced_breaks = 0;  ///< breaks made where no rule allowed one (a block taller than a page)
};

/// Says whether frame `frame` may end after box `box` (on top of the boxes' own rules).
using FrameEndRule = std::function<bool(int frame, std::size_t box)>;

/// Fills each page (height given per 0-based page index) greedily, then moves the break back
/// to the last box after which a break is allowed. Gaps at the top of a page are dropped. A
/// page that starts with a table's body row starts with its header row drawn again.
/// With `gap_shrink` (a share, e.g. 0.25), a page's white space may shrink by up to that share
/// to take one more box: a heading and its first lines then close the page they belong to
/// rather than leave an inch empty at its foot.
Pagination paginate(const std::vector<FlowBox>& boxes, const std::function<double(int)>& page_height,
                    const FrameEndRule& may_end = nullptr, double gap_shrink = 0);

/// A label drawn again ("… (continued)", a box's label) heads a page, not each column: the
/// reader of a page's second column has just read it in the first. Removes it from the top of
/// every column but a page's first (frames are columns, `columns` to a page), moving the
/// column's boxes up, and gives back the top padding of a box that opened the column.
void labels_head_pages_only(const std::vector<FlowBox>& boxes, int columns,
                            std::vector<std::vector<PlacedBox>>& frames);

/// Cuts `boxes` into at most `columns` frames of one height, as short as possible (to within
/// half a point), obeying the same break rules. Empty when they do not fit frames of `max_height`.
Pagination balance_columns(const std::vector<FlowBox>& boxes, int columns, double max_height);

}  // namespace handout
