#include "job/strings_cache.h"

#include <string_view>

#include "config/config.h"
#include "hash/content_hash.h"
#include "job/cache_file.h"
#include "job/file_output.h"
#include "util/input_file.h"
#include "util/text.h"

namespace handout {
namespace {

constexpr const char* kMagic = "handout-strings 1";  // the format's version
constexpr const char* kFile = ".handout-cache/strings";
constexpr std::size_t kMaxFile = 16u << 20;

void put(std::string& out, const std::string& s) { out += std::to_string(s.size()) + " " + s + "\n"; }

// Reads the cache text from the front: counts, and strings as "<length> <bytes>\n".
class Reader {
 public:
  explicit Reader(std::string_view text) : rest_(text) {}
  bool number(std::size_t& n, char end) {
    n = 0;
    std::size_t i = 0;
    for (; i < rest_.size() && i < 12 && rest_[i] >= '0' && rest_[i] <= '9'; ++i) n = n * 10 + (rest_[i] - '0');
    if (i == 0 || i >= rest_.size() || rest_[i] != end) return false;
    rest_.remove_prefix(i + 1);
    return true;
  }
  bool text(std::string& s) {
    std::size_t n = 0;
    if (!number(n, ' ') || n >= rest_.size() || rest_[n] != '\n') return false;
    s.assign(rest_.substr(0, n));
    rest_.remove_prefix(n + 1);
    return true;
  }
  bool word(std::string_view w) {
    if (rest_.substr(0, w.size()) != w) return false;
    rest_.remove_prefix(w.size());
    return true;
  }
  bool done() const { return rest_.empty(); }

 private:
  std::string_view rest_;
};

bool read_entry(Reader& r, std::map<std::uint64_t, Strings>& out) {
  std::string hash;
  std::size_t labels = 0, months = 0, names = 0;
  if (!r.word("E ") || !r.text(hash) || hash.size() != 16 || !r.number(labels, ' ') || !r.number(months, ' ') ||
      !r.number(names, '\n'))
    return false;
  std::uint64_t key = 0;
  for (char c : hash) {
    const int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    if (d < 0) return false;
    key = key << 4 | static_cast<unsigned>(d);
  }
  Strings s;
  for (std::size_t i = 0; i < labels; ++i) {
    std::string k, v;
    if (!r.text(k) || !r.text(v)) return false;
    s.labels[k] = v;
  }
  for (std::size_t i = 0; i < months; ++i)
    if (!r.text(s.months.emplace_back())) return false;
  for (std::size_t i = 0; i < names; ++i) {
    std::string k, v;
    if (!r.text(k) || !r.text(v)) return false;
    s.language_names[k] = v;
  }
  out[key] = std::move(s);
  return true;
}

}  // namespace

std::string strings_cache_text(const std::map<std::uint64_t, Strings>& entries, const std::string& binary) {
  std::string payload;
  for (const auto& [key, s] : entries) {
    payload += "E ";
    put(payload, hash_hex(key));
    payload += std::to_string(s.labels.size()) + " " + std::to_string(s.months.size()) + " " +
               std::to_string(s.language_names.size()) + "\n";
    for (const auto& [k, v] : s.labels) put(payload, k), put(payload, v);
    for (const auto& m : s.months) put(payload, m);
    for (const auto& [k, v] : s.language_names) put(payload, k), put(payload, v);
  }
  return cache_file_text(kMagic, binary, payload);
}

bool parse_strings_cache(const std::string& text, const std::string& binary, std::map<std::uint64_t, Strings>& out) {
  out.clear();
  std::string_view payload;
  if (!cache_file_payload(text, kMagic, binary, payload)) return false;
  Reader r(payload);
  while (!r.done())
    if (!read_entry(r, out)) return out.clear(), false;
  return true;
}

void StringsCache::load(const std::string& out_dir) {
  std::string text;
  std::lock_guard lock(mutex_);
  if (read_file(join_path(out_dir, kFile), text) && text.size() <= kMaxFile) parse_strings_cache(text, binary_stamp(), loaded_);
}

bool StringsCache::read(const std::string& path, long long max_bytes, Strings& out, Diagnostics& diags) {
  std::string text;
  if (!read_input_file(path, "strings file", max_bytes, text, diags)) return false;
  const std::uint64_t key = content_hash(text);
  {
    std::lock_guard lock(mutex_);
    auto known = used_.find(key);
    if (known == used_.end())
      if (auto kept = loaded_.find(key); kept != loaded_.end()) known = used_.emplace(key, kept->second).first;
    if (known != used_.end()) {
      out = known->second;
      return true;
    }
  }
  Diagnostics messages;
  const bool ok = parse_strings(text, path, out, messages);
  const bool clean = messages.items().empty();
  diags.append(messages);
  std::lock_guard lock(mutex_);
  ++parsed_;
  if (ok && clean) used_.emplace(key, out);
  return ok;
}

void StringsCache::save(const std::string& out_dir) const {
  std::lock_guard lock(mutex_);
  if (used_.empty() || used_ == loaded_) return;
  std::string error;
  // A failed write costs only the next run's time.
  write_output_file(out_dir, kFile, strings_cache_text(used_, binary_stamp()), error, Durability::kCache);
}

int StringsCache::parsed() const {
  std::lock_guard lock(mutex_);
  return parsed_;
}

}  // namespace handout
