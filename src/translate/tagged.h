// Tagged text: a unit's text with its inline codes written `<N>`, `</N>` (paired) and `<N/>`
// (standalone), N a number. Header-only: the file-format module reads it too.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace handout::translate {

/// A piece of tagged text: plain text, or an opening, closing or standalone code.
struct TaggedPiece {
  enum class Type { Text, Open, Close, Standalone } type = Type::Text;
  std::string text;  ///< Text only
  int id = 0;        ///< the code's id otherwise
  bool operator==(const TaggedPiece&) const = default;
};

/// Tagged text split into pieces (`<N>`, `</N>`, `<N/>` with N a number of up to six digits are
/// codes; every other '<' is text).
inline std::vector<TaggedPiece> split_tagged(const std::string& tagged) {
  std::vector<TaggedPiece> out;
  auto text = [&](std::string_view t) {
    if (t.empty()) return;
    if (!out.empty() && out.back().type == TaggedPiece::Type::Text)
      out.back().text += t;
    else
      out.push_back({TaggedPiece::Type::Text, std::string(t), 0});
  };
  std::size_t i = 0;
  while (i < tagged.size()) {
    const std::size_t lt = tagged.find('<', i);
    if (lt == std::string::npos) break;
    text(std::string_view(tagged).substr(i, lt - i));
    std::size_t j = lt + 1;
    const bool close = j < tagged.size() && tagged[j] == '/';
    if (close) ++j;
    const std::size_t digits = j;
    while (j < tagged.size() && tagged[j] >= '0' && tagged[j] <= '9' && j - digits < 6) ++j;
    const bool has_digits = j > digits;
    const bool standalone = !close && has_digits && j + 1 < tagged.size() && tagged[j] == '/' && tagged[j + 1] == '>';
    const bool plain_end = has_digits && j < tagged.size() && tagged[j] == '>';
    if (has_digits && (standalone || plain_end)) {
      const int id = std::stoi(tagged.substr(digits, j - digits));
      out.push_back({standalone ? TaggedPiece::Type::Standalone : close ? TaggedPiece::Type::Close : TaggedPiece::Type::Open,
                     "", id});
      i = j + (standalone ? 2 : 1);
    } else {
      text("<");
      i = lt + 1;
    }
  }
  if (i < tagged.size()) text(std::string_view(tagged).substr(i));
  return out;
}

}  // namespace handout::translate
