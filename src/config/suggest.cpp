#include "config/suggest.h"

#include <algorithm>
#include <cctype>
#include <map>

namespace handout {

int edit_distance(const std::string& a, const std::string& b) {
  // Optimal string alignment distance: a typo that swaps two letters costs 1.
  const std::size_t n = a.size(), m = b.size();
  std::vector<std::vector<int>> d(n + 1, std::vector<int>(m + 1));
  for (std::size_t i = 0; i <= n; ++i) d[i][0] = static_cast<int>(i);
  for (std::size_t j = 0; j <= m; ++j) d[0][j] = static_cast<int>(j);
  for (std::size_t i = 1; i <= n; ++i) {
    for (std::size_t j = 1; j <= m; ++j) {
      int cost = std::tolower(static_cast<unsigned char>(a[i - 1])) ==
                         std::tolower(static_cast<unsigned char>(b[j - 1]))
                     ? 0
                     : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[n][m];
}

std::string closest_match(const std::string& word, const std::vector<std::string>& candidates) {
  // Allow about one typo per three letters, and always at least two.
  const int limit = std::max(2, static_cast<int>(word.size() / 3));
  std::string best;
  int best_distance = limit + 1;
  for (const auto& c : candidates) {
    int dist = edit_distance(word, c);
    if (dist < best_distance) {
      best = c;
      best_distance = dist;
    }
  }
  return best;
}

std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates) {
  auto match = closest_match(word, candidates);
  return match.empty() ? "" : " (did you mean '" + match + "'?)";
}

namespace {

std::string lowered(std::string s) {
  for (char& c : s) c = c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string primary_of(const std::string& code) { return lowered(code.substr(0, code.find_first_of("-_"))); }

// Codes people write for a language that are not its BCP 47 code: country codes, ISO 639-2
// codes, regional Chinese codes. Each maps to a code or a primary language ("zh": both scripts).
const std::map<std::string, std::string>& mistaken_codes() {
  static const std::map<std::string, std::string> table{
      {"sp", "es"},       {"spa", "es"},      {"esp", "es"},     {"eng", "en"},     {"fra", "fr"},
      {"fre", "fr"},      {"rus", "ru"},      {"vie", "vi"},     {"vn", "vi"},      {"cn", "zh-Hans"},
      {"zh-cn", "zh-Hans"}, {"zh-sg", "zh-Hans"}, {"chi", "zh"}, {"zho", "zh"},
      {"zh-tw", "zh-Hant"}, {"zh-hk", "zh-Hant"}, {"zh-mo", "zh-Hant"}, {"kr", "ko"}, {"kor", "ko"},
      {"jp", "ja"},       {"jpn", "ja"},      {"ara", "ar"},     {"por", "pt"},     {"br", "pt-BR"},
      {"tgl", "tl"},      {"fil", "tl"},      {"ph", "tl"},      {"hat", "ht"},     {"per", "fa"},
      {"fas", "fa"},      {"ir", "fa"},       {"hin", "hi"},     {"ben", "bn"},     {"tha", "th"},
      {"amh", "am"},      {"ger", "de"},      {"deu", "de"},     {"ita", "it"},     {"ua", "uk"},
      {"ukr", "uk"},      {"gr", "el"},       {"gre", "el"},     {"ell", "el"},     {"heb", "he"},
      {"iw", "he"},       {"som", "so"},      {"pol", "pl"},     {"arm", "hy"},     {"hye", "hy"},
  };
  return table;
}

}  // namespace

std::vector<std::string> language_suggestions(const std::string& code, const std::vector<std::string>& known) {
  if (std::find(known.begin(), known.end(), code) != known.end()) return {};
  std::string wanted = lowered(code);
  for (const auto& k : known)
    if (lowered(k) == wanted) return {k};  // ZH-HANS, pt_br
  if (auto it = mistaken_codes().find(wanted); it != mistaken_codes().end()) {
    for (const auto& k : known)
      if (lowered(k) == lowered(it->second)) return {k};
    wanted = lowered(it->second);  // a primary language: its known codes, below
  }
  // The known codes of the same language; with a subtag given, those closest to it.
  std::vector<std::string> same;
  for (const auto& k : known)
    if (primary_of(k) == primary_of(wanted)) same.push_back(k);
  if (same.size() > 1 && wanted.find('-') != std::string::npos) {
    int best = 1 << 30;
    for (const auto& k : same) best = std::min(best, edit_distance(wanted, k));
    std::erase_if(same, [&](const std::string& k) { return edit_distance(wanted, k) > best; });
  }
  return same;
}

std::string did_you_mean_language(const std::string& code, const std::vector<std::string>& known) {
  const auto found = language_suggestions(code, known);
  if (found.empty()) return "";
  std::string out = " (did you mean ";
  for (std::size_t i = 0; i < found.size(); ++i)
    out += (i == 0 ? "" : i + 1 == found.size() ? " or " : ", ") + ("'" + found[i] + "'");
  return out + "?)";
}

}  // namespace handout
