#include "job/shard.h"

#include <algorithm>
#include <numeric>

namespace handout {

bool parse_shard(const std::string& text, Shard& out, std::string& error) {
  const auto slash = text.find('/');
  auto number = [](const std::string& s, int& v) {
    if (s.empty() || s.size() > 5 || s.find_first_not_of("0123456789") != std::string::npos) return false;
    v = std::stoi(s);
    return true;
  };
  Shard s;
  if (slash == std::string::npos || !number(text.substr(0, slash), s.index) ||
      !number(text.substr(slash + 1), s.count) || s.count < 1 || s.count > 10000 || s.index < 1 ||
      s.index > s.count) {
    error = "invalid --shard '" + text + "' (expected K/N with 1 <= K <= N, e.g. 2/4)";
    return false;
  }
  out = s;
  return true;
}

std::vector<int> assign_shards(const std::vector<double>& costs, int count) {
  std::vector<std::size_t> order(costs.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return costs[a] > costs[b]; });
  std::vector<double> load(std::max(count, 1), 0.0);
  std::vector<int> out(costs.size(), 0);
  for (std::size_t item : order) {
    const int lightest = static_cast<int>(std::min_element(load.begin(), load.end()) - load.begin());
    out[item] = lightest;
    load[lightest] += costs[item];
  }
  return out;
}

}  // namespace handout
