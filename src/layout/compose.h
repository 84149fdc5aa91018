// Putting paginated boxes onto pages (used by the page and tri-fold layouts): frames, their
// container backgrounds and bookmarks, and mirroring for right-to-left pages.
#pragma once
#include <vector>

#include "layout/flow.h"
#include "layout/frame.h"
#include "layout/paginate.h"

namespace handout {

/// A rectangle of a page that boxes flow into (a column or a panel).
struct FrameArea {
  int page = 0;
  double x = 0, y = 0, w = 0, h = 0;
};

/// Draws the backgrounds of the containers cut by this frame, then its boxes' items.
void place_frame(PageFrame& page, const Flow& flow, const std::vector<PlacedBox>& placed, const FrameArea& area);

/// How many times each of the flow's boxes is placed in `frames` (a table's header row is
/// drawn again on each page it runs onto).
std::vector<int> box_uses(const Flow& flow, const std::vector<std::vector<PlacedBox>>& frames);
/// As above, for the flow's last use: a box's items move to the page at its last placement
/// (`uses_left`, from box_uses, counts down) instead of being copied, so a long article's
/// glyphs are held once, not twice. The box is left without items.
void place_frame(PageFrame& page, Flow& flow, const std::vector<PlacedBox>& placed, const FrameArea& area,
                 std::vector<int>& uses_left);

/// Bookmarks of the boxes placed in a frame.
void collect_outline(const Flow& flow, const std::vector<PlacedBox>& placed, const FrameArea& area,
                     std::vector<OutlineEntry>& out);

/// Moves every item of a box by (dx, dy) into `out`.
void offset_items(const std::vector<Item>& items, double dx, double dy, std::vector<Item>& out);
void offset_items(std::vector<Item>&& items, double dx, double dy, std::vector<Item>& out);

/// Mirrors a page left to right, for right-to-left languages. Text runs keep their reading
/// order because lines are set pre-mirrored (see ParagraphOptions::rtl).
void mirror_page(PageFrame& page, double page_width);

}  // namespace handout
