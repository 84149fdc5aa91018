#include "render/pdf/pdf_text_encoding.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace handout {
namespace {

std::string hex4(unsigned v) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%04X", v & 0xFFFF);
  return buf;
}

constexpr std::size_t kMaxRun = 8000;  // libharu caps an array at 32,767 elements

// A CMap program: its header, one code space, and its mappings: lines of each kind (bfchar,
// bfrange, cidrange) in blocks of at most 100, as the CMap syntax allows.
std::string cmap_program(const std::string& system_info, const std::string& name, const std::string& type,
                         const std::string& codespace,
                         const std::vector<std::pair<std::string, std::vector<std::string>>>& mappings) {
  std::string cmap = "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << " +
                     system_info + " >> def\n/CMapName /" + name + " def\n/CMapType " + type +
                     " def\n1 begincodespacerange\n" + codespace + "\nendcodespacerange\n";
  for (const auto& [kind, lines] : mappings)
    for (std::size_t i = 0; i < lines.size(); i += 100) {
      const std::size_t n = std::min<std::size_t>(100, lines.size() - i);
      cmap += std::to_string(n) + " begin" + kind + "\n";
      for (std::size_t k = i; k < i + n; ++k) cmap += lines[k];
      cmap += "end" + kind + "\n";
    }
  return cmap + "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
}

}  // namespace

std::string pdf_number(double v) {
  long long milli = std::llround(v * 1000);
  std::string out;
  if (milli < 0) out += '-', milli = -milli;
  out += std::to_string(milli / 1000);
  if (int frac = static_cast<int>(milli % 1000)) {
    char digits[4] = {char('0' + frac / 100), char('0' + frac / 10 % 10), char('0' + frac % 10), 0};
    int n = 3;
    while (digits[n - 1] == '0') --n;
    out += '.';
    out.append(digits, n);
  }
  return out == "-0" ? "0" : out;
}

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

std::string to_unicode_cmap(const std::map<unsigned, std::u32string>& text_of, int code_bytes) {
  auto code = [&](unsigned c) { return code_bytes == 1 ? hex4(c).substr(2) : hex4(c); };
  // Runs of consecutive codes for consecutive single characters (a to z, mostly) become one
  // bfrange line. A range may only step the last byte of its code and of its text.
  auto single = [](const std::u32string& t) { return t.size() == 1 && t[0] < 0xD800; };
  std::vector<std::string> chars, ranges;
  const std::vector<std::pair<unsigned, std::u32string>> entries(text_of.begin(), text_of.end());
  for (std::size_t i = 0; i < entries.size();) {
    std::size_t j = i + 1;
    if (single(entries[i].second))
      while (j < entries.size() && single(entries[j].second) && entries[j].first == entries[j - 1].first + 1 &&
             entries[j].second[0] == entries[j - 1].second[0] + 1 && (entries[j].first & 0xFF) != 0 &&
             (entries[j].second[0] & 0xFF) != 0)
        ++j;
    if (j - i >= 3)
      ranges.push_back("<" + code(entries[i].first) + "> <" + code(entries[j - 1].first) + "> <" +
                       utf16_hex(entries[i].second) + ">\n");
    else
      for (std::size_t k = i; k < j; ++k)
        chars.push_back("<" + code(entries[k].first) + "> <" + utf16_hex(entries[k].second) + ">\n");
    i = j;
  }
  return cmap_program("/Registry (Adobe) /Ordering (UCS) /Supplement 0", "Adobe-Identity-UCS", "2",
                      "<" + code(0) + "> <" + code(0xFFFF) + ">", {{"bfchar", chars}, {"bfrange", ranges}});
}

std::string one_byte_cmap(const std::string& name) {
  return cmap_program("/Registry (Adobe) /Ordering (Identity) /Supplement 0", name, "1 def\n/WMode 0", "<00> <FF>",
                      {{"cidrange", {"<00> <FF> 0\n"}}});
}

void append_code(std::string& literal, unsigned code, int bytes) {
  for (int shift = 8 * (bytes - 1); shift >= 0; shift -= 8) {
    const char c = static_cast<char>((code >> shift) & 0xFF);
    if (c == '(' || c == ')' || c == '\\')
      literal += '\\', literal += c;
    else if (c == '\r')
      literal += "\\r";
    else
      literal += c;
  }
}

}  // namespace handout
