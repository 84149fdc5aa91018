#include "content/pasted_text.h"

#include <algorithm>
#include <string_view>
#include <vector>

namespace handout {
namespace {

// What a word processor puts before a list item's text when its text is copied.
constexpr std::string_view kBullets[] = {
    "\xE2\x80\xA2",  // • U+2022 BULLET (Word, Google Docs, Pages)
    "\xC2\xB7",      // · U+00B7 MIDDLE DOT
    "\xE2\x96\xAA",  // ▪ U+25AA BLACK SMALL SQUARE
    "\xE2\x97\xA6",  // ◦ U+25E6 WHITE BULLET (a second level)
    "\xE2\x80\x93",  // – U+2013 EN DASH
    "\xEF\x82\xB7",  // U+F0B7: Word's bullet in the Symbol font, copied as its private code
};

// The printable name of a bullet in the warning (U+F0B7 draws as nothing).
std::string shown(std::string_view bullet) {
  return bullet == kBullets[5] ? "U+F0B7 (Word's Symbol bullet)" : "'" + std::string(bullet) + "'";
}

bool blank(char c) { return c == ' ' || c == '\t'; }

// A fence line opening or closing fenced code: its character and length (0 when none).
std::size_t fence_length(std::string_view line, std::size_t at, char& fence) {
  if (at >= line.size() || (line[at] != '`' && line[at] != '~')) return 0;
  std::size_t n = 0;
  while (at + n < line.size() && line[at + n] == line[at]) ++n;
  if (n < 3) return 0;
  // An info string after backticks may not hold one (then it is inline code, not a fence).
  if (line[at] == '`' && line.find('`', at + n) != std::string_view::npos) return 0;
  fence = line[at];
  return n;
}

}  // namespace

std::string normalise_pasted_bullets(const std::string& markdown_body, const std::string& path, Diagnostics& diags) {
  std::string out;
  out.reserve(markdown_body.size());
  std::vector<std::string_view> used;  // the bullets met, in order
  int first_line = 0, first_col = 0;
  char fence = 0;
  std::size_t fence_len = 0;  // > 0 inside fenced code
  int number = 0;
  bool after_bullet = false;  // the line before was a pasted bullet's
  for (std::size_t start = 0; start < markdown_body.size();) {
    const std::size_t end = markdown_body.find('\n', start);
    const std::size_t next = end == std::string::npos ? markdown_body.size() : end + 1;
    const std::string_view line = std::string_view(markdown_body).substr(start, next - start);
    ++number;
    start = next;
    std::size_t indent = 0;  // blanks before the first character, tabs counting 4
    std::size_t at = 0;
    for (; at < line.size() && blank(line[at]); ++at) indent += line[at] == '\t' ? 4 - indent % 4 : 1;
    char c = 0;
    if (fence_len) {  // inside fenced code: only its closing fence matters
      const std::size_t n = fence_length(line, at, c);
      if (n >= fence_len && c == fence && line.find_first_not_of(" \t\r\n", at + n) == std::string_view::npos)
        fence_len = 0;
      out += line;
      continue;
    }
    // A fence at any indentation counts: a fence in a list item is indented too, and a line
    // wrongly taken for one only leaves text as it was.
    if (const std::size_t n = fence_length(line, at, c)) {
      fence = c, fence_len = n;
      out += line;
      continue;
    }
    std::string_view bullet;
    if (indent <= 3)
      for (const std::string_view b : kBullets)
        if (line.substr(at).starts_with(b)) bullet = b;
    std::size_t text = at + bullet.size();
    while (!bullet.empty() && text < line.size() && blank(line[text])) ++text;
    // A bullet, a blank, and some text: an empty item could not start a list inside a paragraph.
    if (bullet.empty() || text == at + bullet.size() || line.find_first_not_of(" \t\r\n", text) == std::string_view::npos) {
      // Text straight under a pasted list would run into its last item (Markdown's lazy
      // continuation): said, since no line can be added to part them without moving every
      // line number after it.
      if (after_bullet && at < line.size() && line.find_first_not_of(" \t\r\n", at) != std::string_view::npos &&
          indent == 0)
        diags.warning(path, number, 1,
                      "this line is read as part of the list item above it; leave an empty line after the list "
                      "to start a new paragraph");
      after_bullet = false;
      out += line;
      continue;
    }
    after_bullet = true;
    if (used.empty()) first_line = number, first_col = static_cast<int>(at) + 1;
    if (std::find(used.begin(), used.end(), bullet) == used.end()) used.push_back(bullet);
    // "-" and as many spaces as the marker had bytes, so the text keeps its column; more than
    // four spaces would make the item's text a code block.
    const std::size_t spaces = std::min<std::size_t>(text - at - 1, 4);
    out.append(line.substr(0, at)).append("-").append(spaces, ' ').append(line.substr(text));
  }
  if (!used.empty()) {
    std::string names;
    for (std::size_t i = 0; i < used.size(); ++i)
      names += (i == 0 ? "" : i + 1 == used.size() ? " or " : ", ") + shown(used[i]);
    diags.note(path, first_line, first_col,
                  "lines starting with " + names + " are read as a bulleted list (pasted from a word processor?)");
  }
  return out;
}

}  // namespace handout
