#include "render/pdf/pdf_text_encoding.h"

#include <algorithm>
#include <cstdio>

namespace handout {
namespace {

std::string hex4(unsigned v) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%04X", v & 0xFFFF);
  return buf;
}

constexpr std::size_t kMaxRun = 8000;  // libharu caps an array at 32,767 elements

}  // namespace

std::string utf16_hex(const std::u32string& text) {
  std::string out;
  for (char32_t c : text) {
    if (c >= 0x10000) {
      c -= 0x10000;
      out += hex4(0xD800 + (c >> 10)) + hex4(0xDC00 + (c & 0x3FF));
    } else {
      out += hex4(c);
    }
  }
  return out;
}

std::vector<std::pair<unsigned, std::vector<double>>> width_ranges(const std::vector<std::pair<unsigned, double>>& w) {
  std::vector<std::pair<unsigned, std::vector<double>>> out;
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (out.empty() || w[i].first != w[i - 1].first + 1 || out.back().second.size() >= kMaxRun)
      out.push_back({w[i].first, {}});
    out.back().second.push_back(w[i].second);
  }
  return out;
}

std::string to_unicode_cmap(const std::map<unsigned, std::u32string>& text_of) {
  std::string cmap =
      "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  const std::vector<std::pair<unsigned, std::u32string>> entries(text_of.begin(), text_of.end());
  for (std::size_t i = 0; i < entries.size(); i += 100) {  // at most 100 entries per block
    const std::size_t n = std::min<std::size_t>(100, entries.size() - i);
    cmap += std::to_string(n) + " beginbfchar\n";
    for (std::size_t k = i; k < i + n; ++k)
      cmap += "<" + hex4(entries[k].first) + "> <" + utf16_hex(entries[k].second) + ">\n";
    cmap += "endbfchar\n";
  }
  return cmap + "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
}

}  // namespace handout
