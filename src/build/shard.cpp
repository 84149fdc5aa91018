#include "build/shard.h"

#include "hash/content_hash.h"

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

int shard_of(const std::string& language, const std::string& article, const std::string& layout, int count) {
  if (count <= 1) return 0;
  return static_cast<int>(content_hash(language + '\n' + article + '\n' + layout) % static_cast<std::uint64_t>(count));
}

}  // namespace handout
