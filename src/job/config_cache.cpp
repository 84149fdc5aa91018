#include "job/config_cache.h"

#include "config/config.h"
#include "config/config_bytes.h"
#include "hash/content_hash.h"
#include "job/cache_file.h"
#include "job/file_output.h"
#include "util/input_file.h"
#include "util/text.h"

namespace handout {
namespace {

constexpr const char* kMagic = "handout-config 1";  // the format's version
constexpr const char* kFile = ".handout-cache/config";
constexpr std::size_t kMaxFile = 4u << 20;

}  // namespace

std::string named_output_dir(const std::string& text, const std::string& path) {
  std::string named = "out";
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t end = std::min(text.find('\n', at), text.size());
    const std::string_view line(text.data() + at, end - at);
    at = end + 1;
    if (line.substr(0, 7) != "output:") continue;
    std::string_view value = line.substr(7);
    if (const std::size_t hash = value.find(" #"); hash != std::string_view::npos) value = value.substr(0, hash);
    const std::size_t first = value.find_first_not_of(" \t\r"), last = value.find_last_not_of(" \t\r");
    if (first == std::string_view::npos) return "";
    value = value.substr(first, last - first + 1);
    if (value.find_first_of("\"'[]{}&*!|>%@`#,") != std::string_view::npos) return "";  // not plain
    named = value;
  }
  return join_path(dir_of(path), named);
}

std::string config_cache_text(const std::string& key, const std::string& config_bytes, const std::string& binary) {
  return cache_file_text(kMagic, binary, key + "\n" + config_bytes);
}

bool parse_config_cache(const std::string& text, const std::string& key, const std::string& binary, ClinicConfig& out) {
  std::string_view payload;
  return cache_file_payload(text, kMagic, binary, payload) && payload.substr(0, key.size() + 1) == key + "\n" &&
         parse_clinic_config_bytes(payload.substr(key.size() + 1), out);
}

bool ConfigCache::load(const std::string& path, const std::string& out_dir, ClinicConfig& out, Diagnostics& diags) {
  std::string text;
  Diagnostics messages;
  const bool read = read_input_file(path, "config file", kDefaultMaxInputBytes, text, messages);
  const bool clean_read = messages.items().empty();
  key_ = hash_hex(content_hash(path + '\0' + text));
  const std::string dir = out_dir.empty() ? named_output_dir(text, path) : out_dir;
  std::string kept;
  if (read && clean_read && !dir.empty() && read_file(join_path(dir, kFile), kept) && kept.size() <= kMaxFile &&
      parse_config_cache(kept, key_, binary_stamp(), out) &&
      (out.clinic.logo_path.empty() || is_file(out.clinic.logo_path)))  // the one file the config checks
    return true;
  parsed_ = true;
  if (!read) return diags.append(messages), false;
  out = ClinicConfig{};
  const bool ok = parse_clinic_config(text, path, out, messages);
  if (ok && messages.items().empty()) config_ = clinic_config_bytes(out);
  diags.append(messages);
  return ok;
}

void ConfigCache::save(const std::string& out_dir) const {
  if (config_.empty()) return;
  std::string error;
  // A failed write costs only the next run's time.
  write_output_file(out_dir, kFile, config_cache_text(key_, config_, binary_stamp()), error, Durability::kCache);
}

}  // namespace handout
