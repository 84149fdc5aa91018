// ASCII character classes for validating names, codes and addresses. (std::regex costs more
// to compile than a whole handout takes to build.)
#pragma once
#include <algorithm>
#include <string_view>

namespace handout::ascii {

inline bool alpha(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
inline bool digit(char c) { return c >= '0' && c <= '9'; }
inline bool alnum(char c) { return alpha(c) || digit(c); }
inline bool hex(char c) { return digit(c) || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f'); }
/// True when every character of `s` passes `pred` (and `s` is not empty).
template <typename Pred>
bool all(std::string_view s, Pred pred) {
  return !s.empty() && std::all_of(s.begin(), s.end(), pred);
}
/// A DNS-style host: labels of letters, digits and '-', joined by '.', at least two of them.
inline bool host_name(std::string_view s) {
  int labels = 0;
  for (std::size_t start = 0; start <= s.size(); ++labels) {
    const auto end = std::min(s.find('.', start), s.size());
    if (!all(s.substr(start, end - start), [](char c) { return alnum(c) || c == '-'; })) return false;
    start = end + 1;
  }
  return labels >= 2;
}

}  // namespace handout::ascii
