#include "translate/align.h"

#include <algorithm>

namespace handout::translate {

bool Alignment::unchanged() const {
  return removed.empty() && std::none_of(same.begin(), same.end(), [](int i) { return i < 0; });
}

Alignment align(const std::vector<std::string>& recorded, const std::vector<std::string>& current) {
  const std::size_t n = recorded.size(), m = current.size();
  // lcs[i][j]: the longest common subsequence of recorded[i..] and current[j..].
  std::vector<std::vector<int>> lcs(n + 1, std::vector<int>(m + 1, 0));
  for (std::size_t i = n; i-- > 0;)
    for (std::size_t j = m; j-- > 0;)
      lcs[i][j] = recorded[i] == current[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
  Alignment out;
  out.same.assign(m, -1);
  out.previous.assign(m, -1);
  std::vector<int> gap_old, gap_new;  // the unmatched stretch since the last match
  auto close_gap = [&] {
    for (std::size_t k = 0; k < gap_new.size(); ++k)
      if (k < gap_old.size()) out.previous[gap_new[k]] = gap_old[k];
    for (std::size_t k = gap_new.size(); k < gap_old.size(); ++k) out.removed.push_back(gap_old[k]);
    gap_old.clear(), gap_new.clear();
  };
  std::size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && recorded[i] == current[j]) {
      close_gap();
      out.same[j] = static_cast<int>(i);
      ++i, ++j;
    } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
      gap_new.push_back(static_cast<int>(j++));
    } else {
      gap_old.push_back(static_cast<int>(i++));
    }
  }
  close_gap();
  return out;
}

}  // namespace handout::translate
