#include "util/input_file.h"

#include <sys/stat.h>

#include <cstdio>

#include "util/text.h"
#include "util/utf8.h"

namespace handout {
namespace {

constexpr int kReportedPerFile = 3;  // bad bytes reported one by one; the rest are counted

// Length of the valid sequence at s[i]; 0 for an invalid byte or a NUL (which ends C strings
// in the libraries downstream).
std::size_t valid_sequence(const std::string& s, std::size_t i) { return s[i] == 0 ? 0 : utf8_sequence_length(s, i); }

}  // namespace

std::string repair_utf8(const std::string& text, const std::string& file, Diagnostics& diags) {
  std::string out;
  out.reserve(text.size());
  int line = 1, bad = 0;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < text.size();) {
    if (const std::size_t n = valid_sequence(text, i)) {
      if (text[i] == '\n') ++line, line_start = i + 1;
      out.append(text, i, n);
      i += n;
      continue;
    }
    if (++bad <= kReportedPerFile) {
      char what[64];
      if (text[i] == 0)
        std::snprintf(what, sizeof what, "NUL byte");
      else
        std::snprintf(what, sizeof what, "invalid UTF-8 byte 0x%02X", static_cast<unsigned char>(text[i]));
      diags.warning(file, line, static_cast<int>(i - line_start + 1), std::string(what) + "; replaced by U+FFFD");
    }
    out += "\xEF\xBF\xBD";
    ++i;
  }
  if (bad > kReportedPerFile)
    diags.warning(file, 0, 0, std::to_string(bad - kReportedPerFile) + " more invalid bytes replaced by U+FFFD");
  return out;
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
  std::string raw;
  if (!read_input_bytes(path, what, max_bytes, raw, diags)) return false;
  text = repair_utf8(raw, path, diags);
  return true;
}

}  // namespace handout
