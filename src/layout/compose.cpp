#include "layout/compose.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "layout/structure.h"

namespace handout {

void offset_items(std::vector<Item>&& items, double dx, double dy, std::vector<Item>& out) {
  for (auto& item : items) {
    std::visit(
        [&](auto& it) {
          using T = std::decay_t<decltype(it)>;
          if constexpr (std::is_same_v<T, TextItem>) {
            it.x += dx, it.baseline += dy;
          } else if constexpr (std::is_same_v<T, LineItem>) {
            it.x1 += dx, it.x2 += dx, it.y1 += dy, it.y2 += dy;
          } else {
            it.x += dx, it.y += dy;
          }
        },
        item);
    out.push_back(std::move(item));
  }
  items.clear();
}

void offset_items(const std::vector<Item>& items, double dx, double dy, std::vector<Item>& out) {
  offset_items(std::vector<Item>(items), dx, dy, out);
}

namespace {

bool in_container(const FlowBox& box, int c) {
  return std::find(box.containers.begin(), box.containers.end(), c) != box.containers.end();
}

// Draws each container's background in a frame: from its first to its last box there, with
// padding added where a frame break cut it.
void add_container_backgrounds(PageFrame& page, const Flow& flow, const std::vector<PlacedBox>& placed,
                               const FrameArea& area) {
  std::map<int, std::pair<std::size_t, std::size_t>> span;  // container -> (first, last) placed index
  for (std::size_t k = 0; k < placed.size(); ++k)
    for (int c : flow.boxes[placed[k].box].containers) {
      auto [it, inserted] = span.try_emplace(c, k, k);
      if (!inserted) it->second.second = k;
    }
  for (const auto& [c, range] : span) {
    const auto& con = flow.containers[c];
    const std::size_t first = placed[range.first].box, last = placed[range.second].box;
    const bool opens_here = first == 0 || !in_container(flow.boxes[first - 1], c);
    const bool closes_here = flow.boxes[last].is_gap;
    const double y0 = area.y + placed[range.first].y - (opens_here ? 0 : con.pad);
    const double y1 = area.y + placed[range.second].y + flow.boxes[last].height + (closes_here ? 0 : con.pad);
    const double x = area.x + con.x;
    page.items.push_back(RectItem{x, y0, con.w, y1 - y0, con.fill, con.stroke, 0.8, con.radius, {}});
    if (con.bar) page.items.push_back(RectItem{x, y0, con.bar_width, y1 - y0, con.bar, {}, 0, 0, {}});
  }
}

}  // namespace

namespace {

// Places a frame's boxes; `take(box)` says whether the box's items may move to the page.
template <typename FlowRef, typename Take>
void place_boxes(PageFrame& page, FlowRef& flow, const std::vector<PlacedBox>& placed, const FrameArea& area,
                 Take take) {
  add_container_backgrounds(page, flow, placed, area);
  for (const auto& p : placed) {
    auto& items = flow.boxes[p.box].items;
    std::vector<Item> mine;
    if constexpr (!std::is_const_v<FlowRef>) {
      if (take(p.box)) mine = std::move(items);
    }
    if (mine.empty()) mine = items;
    // A header row drawn again: the structure has it once, where it was written.
    if (p.repeated) Structure::artifact(mine, Artifact::Pagination);
    offset_items(std::move(mine), area.x, area.y + p.y, page.items);
  }
}

}  // namespace

void place_frame(PageFrame& page, const Flow& flow, const std::vector<PlacedBox>& placed, const FrameArea& area) {
  place_boxes(page, flow, placed, area, [](std::size_t) { return false; });
}

std::vector<int> box_uses(const Flow& flow, const std::vector<std::vector<PlacedBox>>& frames) {
  std::vector<int> uses(flow.boxes.size(), 0);
  for (const auto& frame : frames)
    for (const auto& p : frame) ++uses[p.box];
  return uses;
}

void place_frame(PageFrame& page, Flow& flow, const std::vector<PlacedBox>& placed, const FrameArea& area,
                 std::vector<int>& uses_left) {
  place_boxes(page, flow, placed, area, [&](std::size_t box) { return --uses_left[box] == 0; });
}

void collect_outline(const Flow& flow, const std::vector<PlacedBox>& placed, const FrameArea& area,
                     std::vector<OutlineEntry>& out) {
  for (const auto& p : placed) {
    const auto& box = flow.boxes[p.box];
    if (!box.bookmark) continue;
    OutlineEntry e = *box.bookmark;
    e.page = area.page;
    e.y = area.y + p.y;
    out.push_back(e);
  }
}

void mirror_page(PageFrame& page, double w) {
  for (auto& item : page.items) {
    std::visit(
        [&](auto& it) {
          using T = std::decay_t<decltype(it)>;
          if constexpr (std::is_same_v<T, TextItem>) {
            it.x = w - (it.x + it.width);
          } else if constexpr (std::is_same_v<T, LineItem>) {
            it.x1 = w - it.x1, it.x2 = w - it.x2;
          } else {
            it.x = w - (it.x + it.w);
          }
        },
        item);
  }
}

}  // namespace handout
