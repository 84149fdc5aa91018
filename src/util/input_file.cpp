#include "util/input_file.h"

#include <sys/stat.h>

#include <cstdio>
#include <string_view>

#include "util/text.h"
#include "util/utf8.h"

namespace handout {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

struct Place {
  int line = 0, col = 0;
};

// What one pass over the text found.
struct Scan {
  std::size_t bad = 0;         // bytes that are not UTF-8, and NUL bytes
  std::size_t nul = 0;         // NUL bytes
  std::size_t multibyte = 0;   // valid UTF-8 characters outside ASCII
  std::size_t cp1252 = 0;      // bad bytes 0x80-0x9F Windows-1252 prints (curly quotes, dashes, euro)
  std::size_t unassigned = 0;  // bad bytes 0x81, 0x8D, 0x8F, 0x90, 0x9D: nothing in Windows-1252
  unsigned char first_byte = 0;
  Place first;                 // the first bad byte
  std::size_t replacements = 0;
  Place replacement;           // the first U+FFFD
};

// Columns count characters (a byte that is not UTF-8 counts as one, as the editor that wrote
// it shows it), so file:line:col points where the person looks.
Scan scan(const std::string& text) {
  Scan s;
  int line = 1, col = 1;
  for (std::size_t i = 0; i < text.size();) {
    const auto b = static_cast<unsigned char>(text[i]);
    const std::size_t n = b == 0 ? 0 : utf8_sequence_length(text, i);
    if (n == 0) {
      if (s.bad++ == 0) s.first_byte = b, s.first = {line, col};
      if (b == 0) ++s.nul;
      if (b == 0x81 || b == 0x8D || b == 0x8F || b == 0x90 || b == 0x9D)
        ++s.unassigned;
      else if (b >= 0x80 && b <= 0x9F)
        ++s.cp1252;
      ++col, ++i;
      continue;
    }
    if (n > 1) ++s.multibyte;
    if (text.compare(i, n, kReplacement) == 0 && s.replacements++ == 0) s.replacement = {line, col};
    if (b == '\n')
      ++line, col = 1;
    else
      ++col;
    i += n;
  }
  return s;
}

std::string utf16(const char* is) {
  return std::string("the file ") + is + " UTF-16 (\"Unicode\" in Notepad and Word); save it as UTF-8";
}

// A file that is no text at all, or text in UTF-16, known by how it starts ("" when not).
std::string not_text(const std::string& text) {
  if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF")) {
    char head[48];
    std::snprintf(head, sizeof head, "invalid UTF-8 (byte 0x%02X): ", static_cast<unsigned char>(text[0]));
    return head + utf16("is");
  }
  constexpr const char* save_as = "save it as plain text, encoding UTF-8";
  if (text.starts_with("PK\x03\x04"))
    return std::string("not a text file: a zip archive, such as a Word document (.docx); ") +
           "in Word, Save As \"Plain Text\" with the encoding \"Unicode (UTF-8)\"";
  if (text.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"))
    return std::string("not a text file: a Word 97-2003 document (.doc) or another Office file; ") + save_as;
  if (text.starts_with("{\\rtf"))
    return std::string("not a text file: Rich Text Format (what WordPad and TextEdit save); ") + save_as;
  return "";
}

// Why the bytes of `s` are not UTF-8, as the encoding they look like and what to do.
std::string diagnosis(const Scan& s, std::size_t size, bool& whole_file) {
  whole_file = s.nul >= 2 && s.nul * 10 >= size;  // UTF-16 without its byte-order mark
  if (whole_file) return utf16("looks like");
  if (s.first_byte == 0) return "a text file has none (is this one damaged?); remove it";
  if (s.multibyte > s.bad)
    return "the rest of the file is UTF-8, so the character here was damaged or pasted from another "
           "encoding; retype it";
  if (s.unassigned) return "the file is not UTF-8 (nor Windows-1252); save it as UTF-8";
  if (s.cp1252) return "the file looks like Windows-1252; save it as UTF-8";
  return "the file looks like Windows-1252 or Latin-1; save it as UTF-8";
}

}  // namespace

bool check_input_text(std::string& text, const std::string& file, Diagnostics& diags) {
  if (text.starts_with(kUtf8Bom)) text.erase(0, kUtf8Bom.size());
  if (const std::string why = not_text(text); !why.empty()) {
    diags.error(file, 1, 1, why);
    return false;
  }
  const Scan s = scan(text);
  if (s.bad) {
    char head[48];
    if (s.first_byte == 0)
      std::snprintf(head, sizeof head, "NUL byte: ");
    else
      std::snprintf(head, sizeof head, "invalid UTF-8 (byte 0x%02X): ", s.first_byte);
    bool whole_file = false;
    std::string message = head + diagnosis(s, text.size(), whole_file);
    if (s.bad == 2 && !whole_file) message += " (1 more invalid byte follows)";
    if (s.bad > 2 && !whole_file) message += " (" + std::to_string(s.bad - 1) + " more invalid bytes follow)";
    diags.error(file, s.first.line, s.first.col, message);
  }
  if (s.replacements) {
    std::string message =
        "U+FFFD (\xEF\xBF\xBD) stands for a character lost before this text was saved; retype the character it "
        "replaced";
    if (s.replacements > 1)
      message += " (" + std::to_string(s.replacements - 1) + " more follow" + (s.replacements == 2 ? "s)" : ")");
    diags.error(file, s.replacement.line, s.replacement.col, message);
  }
  return s.bad == 0 && s.replacements == 0;
}

bool read_input_bytes(const std::string& path, const std::string& what, long long max_bytes, std::string& bytes,
                      Diagnostics& diags) {
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > max_bytes) {
    char msg[160];
    std::snprintf(msg, sizeof msg, "file is %.1f MB, over the limit of %lld MB (raise limits.input_megabytes)",
                  st.st_size / 1048576.0, max_bytes >> 20);
    diags.error(path, 0, 0, msg);
    return false;
  }
  if (!read_file(path, bytes)) {
    diags.error(path, 0, 0, "cannot read " + what + " '" + path + "'");
    return false;
  }
  return true;
}

bool read_input_file(const std::string& path, const std::string& what, long long max_bytes, std::string& text,
                     Diagnostics& diags) {
  return read_input_bytes(path, what, max_bytes, text, diags) && check_input_text(text, path, diags);
}

}  // namespace handout
