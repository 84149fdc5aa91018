#include "layout/compose.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

namespace handout {

void offset_items(const std::vector<Item>& items, double dx, double dy, std::vector<Item>& out) {
  for (auto item : items) {
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
    page.items.push_back(RectItem{x, y0, con.w, y1 - y0, con.fill, con.stroke, 0.8, con.radius});
    if (con.bar) page.items.push_back(RectItem{x, y0, con.bar_width, y1 - y0, con.bar, {}, 0, 0});
  }
}

}  // namespace

void place_frame(PageFrame& page, const Flow& flow, const std::vector<PlacedBox>& placed, const FrameArea& area) {
  add_container_backgrounds(page, flow, placed, area);
  for (const auto& p : placed) offset_items(flow.boxes[p.box].items, area.x, area.y + p.y, page.items);
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

void count_stats(const Flow& flow, const std::vector<std::vector<PlacedBox>>& frames, int min_lines,
                 LayoutStats& stats) {
  for (std::size_t f = 0; f < frames.size(); ++f) {
    for (const auto& p : frames[f]) {
      const auto& box = flow.boxes[p.box];
      if (!box.is_line) continue;
      ++stats.lines;
      stats.overfull_lines += box.overflow > 0.01;
      stats.hyphenated_lines += box.hyphenated;
      stats.worst_space = std::max(stats.worst_space, box.space_ratio);
      stats.loose_lines += box.loose;
    }
    if (f + 1 == frames.size() || frames[f].empty() || frames[f + 1].empty()) continue;
    // A paragraph cut by this frame break: count its lines on each side.
    const int para = flow.boxes[frames[f].back().box].paragraph;
    if (para < 0 || flow.boxes[frames[f + 1].front().box].paragraph != para) continue;
    int before = 0, after = 0;
    for (const auto& p : frames[f]) before += flow.boxes[p.box].paragraph == para;
    for (const auto& p : frames[f + 1]) after += flow.boxes[p.box].paragraph == para;
    stats.orphans += before < min_lines;
    stats.widows += after < min_lines;
  }
}

void warn_loose_lines(const Flow& flow, const std::vector<std::vector<PlacedBox>>& frames,
                      const std::vector<FrameArea>& areas, const std::string& file, Diagnostics& diags) {
  std::map<int, int> line_on_page;  // page -> lines counted so far
  for (std::size_t f = 0; f < frames.size(); ++f) {
    for (const auto& p : frames[f]) {
      const auto& box = flow.boxes[p.box];
      if (!box.is_line) continue;
      const int line = ++line_on_page[areas[f].page];
      if (!box.loose) continue;
      char msg[200];
      std::snprintf(msg, sizeof msg,
                    "page %d, line %d: too few word spaces to justify this line well; it is set short, with "
                    "spaces at %.1f times their width",
                    areas[f].page + 1, line, box.space_ratio);
      diags.warning(file, 0, 0, msg);
    }
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

DocumentInfo document_info(const HandoutInput& in) {
  DocumentInfo info;
  info.title = in.meta->title;
  info.author = in.config->clinic.name;
  info.subject = in.meta->summary;
  for (const auto& k : in.meta->keywords) info.keywords += (info.keywords.empty() ? "" : ", ") + k;
  info.creator = in.creator;
  info.language = in.lang;
  return info;
}

void normalise_outline(std::vector<OutlineEntry>& outline) {
  // Level 0 marks the handout's own sections (resources, contact), always top level.
  int top_level = 6;
  for (const auto& e : outline)
    if (e.level > 0) top_level = std::min(top_level, e.level);
  for (auto& e : outline) e.level = e.level == 0 ? 1 : e.level - top_level + 1;
}

}  // namespace handout
