#include "layout/layout_stats.h"

#include <algorithm>
#include <cstdio>

namespace handout {

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

}  // namespace handout
