#include "layout/paginate.h"

#include <algorithm>

namespace handout {
namespace {

// The height of the boxes from `i` up to the first one after which a page may end: what must
// stand together at the top of a page.
double unbreakable_height(const std::vector<FlowBox>& boxes, std::size_t i) {
  double h = 0;
  for (std::size_t k = i; k < boxes.size(); ++k) {
    if (boxes[k].repeat_only) continue;
    h += boxes[k].height;
    if (!boxes[k].is_gap && boxes[k].break_after) break;
  }
  return h;
}

// True when one of the next few frames is taller than `avail` and holds `need`: a short frame
// (page 1 under a tall title block) is better left empty than cut where no break is allowed.
// `above` is what a later frame draws above the boxes too (a label or header drawn again).
bool fits_a_later_frame(const std::function<double(int)>& page_height, int frame, double avail, double need,
                        double above) {
  constexpr int kLookAhead = 4;  // two-column pages: the next page's columns
  for (int k = frame + 1; k <= frame + kLookAhead; ++k) {
    const double h = page_height(k) - above;
    if (h > avail + 1e-6 && need <= h + 1e-6) return true;
  }
  return false;
}

}  // namespace

Pagination paginate(const std::vector<FlowBox>& boxes, const std::function<double(int)>& page_height,
                    const FrameEndRule& may_end, double gap_shrink) {
  Pagination out;
  std::size_t i = 0;
  const std::size_t n = boxes.size();
  while (i < n) {
    while (i < n && (boxes[i].is_gap || boxes[i].repeat_only)) ++i;  // white space never starts a page
    if (i == n) break;
    if (boxes[i].container_top) {  // the box after it may have a label to draw above it
      std::size_t k = i + 1;
      while (k < n && boxes[k].repeat_only) ++k;
      if (k < n && boxes[k].repeat >= 0 && static_cast<std::size_t>(boxes[k].repeat) < k) i = k;
    }
    // A table continued from the page before: its header row is drawn again above it.
    const int header = boxes[i].repeat >= 0 && static_cast<std::size_t>(boxes[i].repeat) < i ? boxes[i].repeat : -1;
    const double repeat_height = header >= 0 ? boxes[static_cast<std::size_t>(header)].height : 0;
    const double avail = page_height(static_cast<int>(out.pages.size())) - repeat_height;
    double y = 0, gaps = 0;
    std::size_t j = i;
    std::size_t last_ok = n;  // last box after which this page may end
    auto fits = [&](const FlowBox& b) {
      return y + b.height <= avail + gap_shrink * (gaps + (b.is_gap ? b.height : 0)) + 1e-6;
    };
    while (j < n && (boxes[j].repeat_only || fits(boxes[j]) || j == i)) {
      if (boxes[j].repeat_only) {
        ++j;
        continue;
      }
      y += boxes[j].height;
      if (boxes[j].is_gap) gaps += boxes[j].height;
      if (!boxes[j].is_gap && boxes[j].break_after && (!may_end || may_end(static_cast<int>(out.pages.size()), j)))
        last_ok = j;
      ++j;
    }
    std::size_t end;  // one past the page's last box
    if (j == n) {
      end = n;
    } else if (last_ok != n && last_ok >= i) {
      end = last_ok + 1;
    } else if (fits_a_later_frame(page_height, static_cast<int>(out.pages.size()), avail, unbreakable_height(boxes, i),
                                  repeat_height)) {
      out.pages.emplace_back();  // this frame stays empty; the boxes start the next one
      continue;
    } else {
      // Nothing breakable fits: cut as late as possible rather than overflow the page.
      end = std::max(j, i + 1);
      while (end > i + 1 && (boxes[end - 1].is_gap || boxes[end - 1].repeat_only)) --end;
      ++out.forced_breaks;
    }
    std::vector<PlacedBox> page;
    double py = 0;
    if (header >= 0) page.push_back({static_cast<std::size_t>(header), 0, true}), py = repeat_height;
    std::size_t last = end;
    while (last > i && (boxes[last - 1].is_gap || boxes[last - 1].repeat_only)) --last;  // nor does it end a page
    // White space squeezed evenly when the page holds more than its height.
    double total = 0, white = 0;
    for (std::size_t k = i; k < last; ++k) {
      if (boxes[k].repeat_only) continue;
      total += boxes[k].height;
      if (boxes[k].is_gap) white += boxes[k].height;
    }
    const double squeeze = total > avail && white > 0 ? std::max(1 - gap_shrink, 1 - (total - avail) / white) : 1;
    for (std::size_t k = i; k < last; ++k) {
      if (boxes[k].repeat_only) continue;
      page.push_back({k, py});
      py += boxes[k].height * (boxes[k].is_gap ? squeeze : 1);
    }
    out.pages.push_back(std::move(page));
    i = end;
  }
  return out;
}

void labels_head_pages_only(const std::vector<FlowBox>& boxes, int columns,
                            std::vector<std::vector<PlacedBox>>& frames) {
  for (std::size_t i = 0; i < frames.size(); ++i) {
    auto& frame = frames[i];
    if (i % static_cast<std::size_t>(columns) == 0 || frame.empty() || !frame.front().repeated ||
        !boxes[frame.front().box].repeat_only)
      continue;
    double dy = boxes[frame.front().box].height;
    frame.erase(frame.begin());
    // A box that opened the column had its top padding give way to the label: it comes back.
    std::size_t k = frame.empty() ? 0 : frame.front().box;
    while (k > 0 && boxes[k - 1].repeat_only) --k;
    const bool padded = k > 0 && boxes[k - 1].container_top;
    if (padded) dy -= boxes[k - 1].height;
    for (auto& p : frame) p.y -= dy;
    if (padded) frame.insert(frame.begin(), PlacedBox{k - 1, 0});
  }
}

Pagination balance_columns(const std::vector<FlowBox>& boxes, int columns, double max_height) {
  auto fits = [&](double h) {
    const auto p = paginate(boxes, [&](int) { return h; });
    return p.pages.size() <= static_cast<std::size_t>(columns) && p.forced_breaks == 0;
  };
  if (!fits(max_height)) return {};
  double lo = 0, hi = max_height;
  while (hi - lo > 0.5) {
    const double mid = (lo + hi) / 2;
    (fits(mid) ? hi : lo) = mid;
  }
  return paginate(boxes, [&](int) { return hi; });
}

}  // namespace handout
