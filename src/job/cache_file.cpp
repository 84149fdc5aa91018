#include "job/cache_file.h"

#include <sys/stat.h>

#include <cstdint>

#include "hash/content_hash.h"

namespace handout {
namespace {

// "<length> <bytes>\n" at the front of `rest`, taken off it.
bool take_counted(std::string_view& rest, std::string_view& out) {
  std::size_t n = 0, i = 0;
  for (; i < rest.size() && i < 12 && rest[i] >= '0' && rest[i] <= '9'; ++i) n = n * 10 + (rest[i] - '0');
  if (i == 0 || i >= rest.size() || rest[i] != ' ') return false;
  rest.remove_prefix(i + 1);
  if (n >= rest.size() || rest[n] != '\n') return false;
  out = rest.substr(0, n);
  rest.remove_prefix(n + 1);
  return true;
}

void put_counted(std::string& out, std::string_view s) {
  out += std::to_string(s.size());
  out += ' ';
  out += s;
  out += '\n';
}

}  // namespace

std::string binary_stamp() {
  struct stat st {};
  if (::stat("/proc/self/exe", &st) != 0) return "";
  return std::string(HANDOUT_VERSION) + " " + std::to_string(st.st_size) + " " +
         std::to_string(static_cast<long long>(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec);
}

std::string cache_file_text(std::string_view magic, std::string_view stamp, std::string_view payload) {
  std::string out(magic);
  out += '\n';
  put_counted(out, stamp);
  put_counted(out, hash_hex(content_hash(payload)));
  out += payload;
  return out;
}

bool cache_file_payload(std::string_view text, std::string_view magic, std::string_view stamp,
                        std::string_view& payload) {
  std::string_view written, sum;
  if (stamp.empty() || text.substr(0, magic.size()) != magic || text.substr(magic.size(), 1) != "\n") return false;
  text.remove_prefix(magic.size() + 1);
  if (!take_counted(text, written) || written != stamp || !take_counted(text, sum) || sum != hash_hex(content_hash(text)))
    return false;
  payload = text;
  return true;
}

}  // namespace handout
