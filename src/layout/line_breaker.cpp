#include "layout/line_breaker.h"

#include <array>
#include <cmath>
#include <limits>

namespace handout {

std::vector<std::size_t> break_first_fit(const std::vector<BreakItem>& items, double width) {
  std::vector<std::size_t> ends;
  double x = 0;  // width used on the current line, including the last item's trailing space
  std::size_t line_start = 0;
  std::size_t last_break = 0;  // one past the last item after which this line may end
  for (std::size_t i = 0; i < items.size(); ++i) {
    // A tiny tolerance keeps rounding noise from pushing a word that fits onto the next line.
    if (i > line_start && x + items[i].width > width + 1e-6 && last_break > line_start) {
      ends.push_back(last_break);
      line_start = last_break;
      x = 0;
      for (std::size_t k = line_start; k < i; ++k) x += items[k].width + items[k].space_after;
    }
    x += items[i].width + items[i].space_after;
    if (items[i].after == BreakKind::Forced) {
      ends.push_back(i + 1);
      line_start = last_break = i + 1;
      x = 0;
    } else if (items[i].after != BreakKind::None && items[i].after != BreakKind::Hyphen) {
      last_break = i + 1;
    }
  }
  if (line_start < items.size()) ends.push_back(items.size());
  return ends;
}

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr int kFitness = 4;   // very tight, tight/decent, loose, very loose
constexpr int kMaxRun = 3;    // hyphen run counts tracked: 0, 1, 2

int fitness_class(double ratio) {
  if (ratio < -0.5) return 0;
  if (ratio <= 0.5) return 1;
  if (ratio <= 1.0) return 2;
  return 3;
}

struct Node {
  double demerits = kInf;
  int prev_break = -1;  // index of the previous break position (-1: paragraph start)
  int prev_state = 0;
  double ratio = 0;
};

// Breakpoints are positions 0..n: position p means "a line ends after item p-1"; 0 is the start.
// States: fitness class x hyphen run length.
struct Solver {
  const std::vector<BreakItem>& items;
  const TotalFitParams& p;
  double tolerance;
  std::vector<std::array<Node, kFitness * kMaxRun>> nodes;
  std::vector<double> width_sum, space_sum;  // prefix sums over items

  bool breakable(std::size_t pos) const {
    if (pos == items.size()) return true;
    auto k = items[pos - 1].after;
    return k != BreakKind::None;
  }

  // Width, stretch and shrink of a line from item a to item b-1, ending at position b, in O(1)
  // from prefix sums (a paragraph of many short items, such as Chinese, stays fast).
  void measure(std::size_t a, std::size_t b, double& w, double& stretch, double& shrink) const {
    const double spaces = space_sum[b - 1] - space_sum[a];  // spaces after items a .. b-2
    w = width_sum[b] - width_sum[a] + spaces;
    stretch = spaces * kSpaceStretch;
    shrink = spaces * kSpaceShrink;
    if (items[b - 1].after == BreakKind::Hyphen) w += items[b - 1].hyphen_width;
  }

  void relax(std::size_t a, std::size_t b) {
    double w, stretch, shrink;
    measure(a, b, w, stretch, shrink);
    const bool last = b == items.size() || items[b - 1].after == BreakKind::Forced;
    const bool hyphen = items[b - 1].after == BreakKind::Hyphen;
    const bool ends_in_hyphen = hyphen || (items[b - 1].after == BreakKind::Plain && items[b - 1].ends_in_hyphen);
    double ratio = 0, badness = 0;
    const double slack = p.width - w;
    if (slack < -1e-6) {
      if (!p.justify || w - shrink > p.width + 1e-6) return;  // overfull: never
      ratio = shrink > 0 ? slack / shrink : -1;
      badness = 100 * std::fabs(ratio * ratio * ratio);
    } else if (!last) {
      const double give = p.justify ? stretch : p.ragged_stretch;
      ratio = give > 0 ? slack / give : kInf;
      if (p.justify && ratio > tolerance) return;
      // On the fallback pass badness is not capped, so the least loose of the bad lines wins.
      badness = std::isinf(ratio) ? 1e8 : 100 * ratio * ratio * ratio;
      if (!std::isinf(tolerance)) badness = std::min(badness, 10000.0);
    }
    const int fit = last ? 1 : fitness_class(ratio);
    const double penalty = hyphen ? p.hyphen_penalty : 0;
    for (int s = 0; s < kFitness * kMaxRun; ++s) {
      const Node& from = nodes[a][s];
      if (std::isinf(from.demerits)) continue;
      const int prev_fit = s % kFitness, prev_run = s / kFitness;
      const int run = ends_in_hyphen ? prev_run + 1 : 0;
      if (run > p.max_hyphen_run || run >= kMaxRun) continue;
      double d = (10 + badness) * (10 + badness) + penalty * penalty;
      if (ends_in_hyphen && prev_run > 0) d += p.double_hyphen_demerits;
      if (a > 0 && std::abs(fit - prev_fit) > 1) d += p.fitness_demerits;
      Node& to = nodes[b][run * kFitness + fit];
      if (from.demerits + d < to.demerits) {
        to.demerits = from.demerits + d;
        to.prev_break = static_cast<int>(a);
        to.prev_state = s;
        to.ratio = last && slack >= 0 ? 0 : ratio;
      }
    }
  }

  bool solve() {
    const std::size_t n = items.size();
    width_sum.assign(n + 1, 0.0);
    space_sum.assign(n + 1, 0.0);
    for (std::size_t i = 0; i < n; ++i) {
      width_sum[i + 1] = width_sum[i] + items[i].width;
      space_sum[i + 1] = space_sum[i] + (items[i].after == BreakKind::Space ? items[i].space_after : 0.0);
    }
    nodes.assign(n + 1, {});
    nodes[0][1].demerits = 0;  // start: "decent" fitness, no hyphen run
    for (std::size_t b = 1; b <= n; ++b) {
      if (!breakable(b)) continue;
      // Scan line starts backwards until the line cannot fit even fully shrunk.
      for (std::size_t a = b; a-- > 0;) {
        if (a > 0 && !breakable(a)) continue;
        double w, stretch, shrink;
        measure(a, b, w, stretch, shrink);
        if (w - (p.justify ? shrink : 0) > p.width + 1e-6 && a + 1 < b) break;
        relax(a, b);
        if (a > 0 && items[a - 1].after == BreakKind::Forced) break;  // a line never spans a hard break
      }
    }
    for (const auto& node : nodes[n])
      if (!std::isinf(node.demerits)) return true;
    return false;
  }

  std::vector<LineBreak> trace() const {
    const std::size_t n = items.size();
    int state = 0;
    for (int s = 1; s < kFitness * kMaxRun; ++s)
      if (nodes[n][s].demerits < nodes[n][state].demerits) state = s;
    std::vector<LineBreak> out;
    for (int pos = static_cast<int>(n); pos > 0;) {
      const Node& node = nodes[pos][state];
      out.push_back({static_cast<std::size_t>(pos), node.ratio, items[pos - 1].after == BreakKind::Hyphen});
      state = node.prev_state;
      pos = node.prev_break;
    }
    return {out.rbegin(), out.rend()};
  }
};

}  // namespace

double adjustment_ratio(const std::vector<BreakItem>& items, std::size_t first, std::size_t end, double width) {
  if (end == items.size() || items[end - 1].after == BreakKind::Forced) return 0;
  double w = 0, spaces = 0;
  for (std::size_t k = first; k < end; ++k) {
    w += items[k].width;
    if (k + 1 < end && items[k].after == BreakKind::Space) w += items[k].space_after, spaces += items[k].space_after;
  }
  if (items[end - 1].after == BreakKind::Hyphen) w += items[end - 1].hyphen_width;
  if (spaces <= 0) return 0;
  return w <= width ? (width - w) / (spaces * kSpaceStretch) : (width - w) / (spaces * kSpaceShrink);
}

std::vector<LineBreak> break_total_fit(const std::vector<BreakItem>& items, const TotalFitParams& params) {
  if (items.empty()) return {};
  // First pass within the tolerance, then a looser one; if still no set of breaks
  // qualifies, accept any that fit, preferring the least loose.
  for (double tolerance : {params.tolerance, params.tolerance * 2, kInf}) {
    Solver solver{items, params, tolerance, {}, {}, {}};
    if (solver.solve()) return solver.trace();
  }
  // Only reachable when an item is wider than the line: fall back to first fit.
  std::vector<LineBreak> out;
  for (auto end : break_first_fit(items, params.width)) out.push_back({end, 0, false});
  return out;
}

}  // namespace handout
