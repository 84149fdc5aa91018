// The body as a vertical list of unbreakable boxes, with the rules for where pages may break.
#pragma once
#include <optional>
#include <vector>

#include "layout/frame.h"

namespace handout {

/// A decorated region (call-out or resources box) that may span several boxes and pages.
struct Container {
  double x = 0, w = 0;  ///< horizontal extent, relative to the content area's left edge
  std::optional<Color> fill, stroke;
  std::optional<Color> bar;  ///< a thick bar on the leading edge (block quotes)
  double bar_width = 0;
  double radius = 0;
  double pad = 0;  ///< drawn above/below the boxes when the region is cut by a page break
};

/// One unbreakable slice of the flow: a line, a gap, or a composite block.
struct FlowBox {
  double height = 0;
  std::vector<Item> items;  ///< relative to the content area's left edge and this box's top
  bool is_gap = false;      ///< white space: dropped when a page starts or ends here
  bool break_after = true;  ///< may a page end right after this box?
  std::vector<int> containers;  ///< enclosing containers, outermost first
  std::optional<OutlineEntry> bookmark;  ///< page and y are filled in by pagination
  /// Opens a part a reader can start on: a heading's first line, the top of the resources box
  /// (labelled or not). A tri-fold's flap opens only on one.
  bool opens_part = false;
  bool is_line = false;     ///< a single line of text
  bool is_heading = false;  ///< a line of a heading
  int paragraph = -1;       ///< lines of one paragraph share this id (-1: not a paragraph line)
  bool hyphenated = false;  ///< the line ends with an added hyphen
  double space_ratio = 1;   ///< justified lines: word space width over its natural width
  bool loose = false;       ///< justified line that could not be filled within the space limit
  double overflow = 0;      ///< how far the line sticks out of its column (<= 0: it fits)
  /// A table's body row: the flow index of the table's header row, drawn again (as an
  /// artifact) at the top of a page or column this row starts; -1 for any other box.
  int repeat = -1;
  /// Drawn only as another box's `repeat` (a box's "… (continued)" label): pagination never
  /// places it in the flow's own run, and it takes no room there.
  bool repeat_only = false;
  /// A container's top padding. On a page it would open, it gives way to the next box when that
  /// box has a `repeat` to draw: the container's background pads the top of the page itself.
  bool container_top = false;
};

/// The whole body flow.
struct Flow {
  std::vector<FlowBox> boxes;
  std::vector<Container> containers;
};

}  // namespace handout
