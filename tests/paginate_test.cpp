// Page breaking on hand-made flows: breaks only where allowed, gaps dropped at page edges.
#include <doctest/doctest.h>

#include "layout/paginate.h"

using namespace handout;

namespace {

FlowBox line(double h = 10, bool break_after = true) {
  FlowBox b;
  b.height = h;
  b.break_after = break_after;
  b.is_line = true;
  return b;
}

FlowBox gap(double h) {
  FlowBox b;
  b.height = h;
  b.is_gap = true;
  return b;
}

std::vector<std::vector<std::size_t>> boxes_per_page(const Pagination& p) {
  std::vector<std::vector<std::size_t>> out;
  for (const auto& page : p.pages) {
    out.emplace_back();
    for (const auto& b : page) out.back().push_back(b.box);
  }
  return out;
}

}  // namespace

TEST_CASE("pages are filled greedily") {
  std::vector<FlowBox> boxes(7, line());
  auto p = paginate(boxes, [](int) { return 35.0; });
  CHECK(boxes_per_page(p) == std::vector<std::vector<std::size_t>>{{0, 1, 2}, {3, 4, 5}, {6}});
  CHECK(p.forced_breaks == 0);
  CHECK(p.pages[0][2].y == 20);
}

TEST_CASE("a break moves back to the last box after which one is allowed") {
  std::vector<FlowBox> boxes(6, line());
  boxes[1].break_after = false;
  boxes[2].break_after = false;  // boxes 1..3 must stay together
  auto p = paginate(boxes, [](int) { return 35.0; });
  CHECK(boxes_per_page(p) == std::vector<std::vector<std::size_t>>{{0}, {1, 2, 3}, {4, 5}});
}

TEST_CASE("gaps never start or end a page") {
  std::vector<FlowBox> boxes{line(), line(), gap(8), line(), line()};
  auto p = paginate(boxes, [](int) { return 25.0; });
  CHECK(boxes_per_page(p) == std::vector<std::vector<std::size_t>>{{0, 1}, {3, 4}});
  CHECK(p.pages[1][0].y == 0);
}

TEST_CASE("a label drawn again heads the page a box opens; its container's top padding gives way") {
  // 0, 1: lines; 2: a label drawn only as a repeat; 3: a box's top padding; 4, 5: its lines,
  // the first of which repeats the label at the top of a page it opens.
  std::vector<FlowBox> boxes{line(), line(), line(6), line(2, false), line(), line()};
  boxes[2].repeat_only = true;
  boxes[3].container_top = true;
  boxes[4].repeat = 2;
  boxes[4].break_after = false;
  auto p = paginate(boxes, [](int) { return 30.0; });
  CHECK(boxes_per_page(p) == std::vector<std::vector<std::size_t>>{{0, 1}, {2, 4, 5}});
  CHECK(p.pages[1][0].repeated);
  CHECK(p.pages[1][1].y == 6);
  CHECK(p.forced_breaks == 0);
  // Where the box does not open the page, its padding stays and the label is not drawn.
  p = paginate(boxes, [](int) { return 100.0; });
  CHECK(boxes_per_page(p) == std::vector<std::vector<std::size_t>>{{0, 1, 3, 4, 5}});
}

TEST_CASE("a label drawn again heads a page, not a page's second column; padding comes back") {
  // 0: a line; 1: its container's top padding; 2: a label drawn as a repeat; 3, 4: lines.
  std::vector<FlowBox> boxes{line(), line(4, false), line(6), line(), line()};
  boxes[1].container_top = true;
  boxes[2].repeat_only = true;
  boxes[3].repeat = 2, boxes[4].repeat = 2;
  // Two columns a page: the box opens the second column of page 1 and the first of page 2.
  std::vector<std::vector<PlacedBox>> frames{{{0, 0}}, {{2, 0, true}, {3, 6}}, {{2, 0, true}, {4, 6}}};
  labels_head_pages_only(boxes, 2, frames);
  CHECK(frames[0].size() == 1);
  REQUIRE(frames[1].size() == 2);  // the padding, then the line under it
  CHECK(frames[1][0].box == 1);
  CHECK(frames[1][0].y == 0);
  CHECK(frames[1][1].box == 3);
  CHECK(frames[1][1].y == 4);
  REQUIRE(frames[2].size() == 2);  // a page's first column keeps its label
  CHECK(frames[2][0].repeated);
  // A column continuing the box (no padding before its first line): the label goes, the rest moves up.
  frames = {{{0, 0}}, {{2, 0, true}, {4, 6}}};
  labels_head_pages_only(boxes, 2, frames);
  REQUIRE(frames[1].size() == 1);
  CHECK(frames[1][0].box == 4);
  CHECK(frames[1][0].y == 0);
}

TEST_CASE("boxes that fit a page but not under their repeated label are cut, not sent on forever") {
  std::vector<FlowBox> boxes{line(), line(6), line(), line(10, false), line()};
  boxes[1].repeat_only = true;
  boxes[3].repeat = 1, boxes[4].repeat = 1;
  auto p = paginate(boxes, [](int) { return 25.0; });  // 20 pt kept together under a 6 pt label
  CHECK(boxes_per_page(p) == std::vector<std::vector<std::size_t>>{{0, 2}, {1, 3}, {1, 4}});
  CHECK(p.forced_breaks == 1);
}

TEST_CASE("the first page can be shorter than the rest") {
  std::vector<FlowBox> boxes(6, line());
  auto p = paginate(boxes, [](int page) { return page == 0 ? 20.0 : 40.0; });
  CHECK(boxes_per_page(p) == std::vector<std::vector<std::size_t>>{{0, 1}, {2, 3, 4, 5}});
}

TEST_CASE("a short first page too small for a heading and its lines stays empty, uncut") {
  std::vector<FlowBox> boxes{line(10, false), line(10, false), line(), line(), line()};  // 0..2 together
  auto p = paginate(boxes, [](int page) { return page == 0 ? 25.0 : 40.0; });
  CHECK(boxes_per_page(p) == std::vector<std::vector<std::size_t>>{{}, {0, 1, 2, 3}, {4}});
  CHECK(p.forced_breaks == 0);
  // What no later page holds either is still cut, as before: an empty page would not help.
  auto q = paginate(boxes, [](int page) { return page == 0 ? 25.0 : 28.0; });
  CHECK(q.forced_breaks == 1);
  CHECK_FALSE(q.pages[0].empty());
}

TEST_CASE("content taller than a page is cut and counted, never lost or looping") {
  std::vector<FlowBox> boxes(5, line(10, false));
  boxes.push_back(line(100));  // taller than the page on its own
  auto p = paginate(boxes, [](int) { return 30.0; });
  std::size_t placed = 0;
  for (const auto& page : p.pages) placed += page.size();
  CHECK(placed == boxes.size());
  CHECK(p.forced_breaks >= 1);
}

TEST_CASE("column balancing: equal columns, as short as the break rules allow") {
  std::vector<FlowBox> boxes(23, line());  // 230 pt of lines
  auto p = balance_columns(boxes, 2, 500);
  REQUIRE(p.pages.size() == 2);
  CHECK(p.pages[0].size() == 12);  // 120 pt and 110 pt: the shortest height that holds them
  CHECK(p.pages[1].size() == 11);
  // A paragraph that may not break in the middle moves whole to the second column.
  boxes.assign(10, line());
  for (int i = 2; i < 8; ++i) boxes[i].break_after = false;  // boxes 2..8 stay together
  p = balance_columns(boxes, 2, 500);
  REQUIRE(p.pages.size() == 2);
  CHECK(boxes_per_page(p)[0] == std::vector<std::size_t>{0, 1});
  // Too much for the columns at their full height: nothing is balanced.
  CHECK(balance_columns(std::vector<FlowBox>(60, line()), 2, 200).pages.empty());
}
