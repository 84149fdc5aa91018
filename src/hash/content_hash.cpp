#include "hash/content_hash.h"

#include <fcntl.h>
#include <unistd.h>
#include <xxhash.h>

#include <memory>

namespace handout {

std::uint64_t content_hash(std::string_view bytes) { return XXH3_64bits(bytes.data(), bytes.size()); }

std::array<unsigned char, 16> content_hash_128(std::string_view bytes) {
  XXH128_canonical_t canonical;
  XXH128_canonicalFromHash(&canonical, XXH3_128bits(bytes.data(), bytes.size()));
  std::array<unsigned char, 16> out;
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = canonical.digest[i];
  return out;
}

bool file_content_hash(const std::string& path, std::uint64_t& hash) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  std::unique_ptr<XXH3_state_t, XXH_errorcode (*)(XXH3_state_t*)> state(XXH3_createState(), XXH3_freeState);
  bool ok = state && XXH3_64bits_reset(state.get()) == XXH_OK;
  constexpr std::size_t kChunk = 1 << 18;  // read in pieces that stay in the cache while hashed
  const std::unique_ptr<char[]> buf(new char[kChunk]);  // not zeroed: a first build hashes 40 MB of fonts
  for (ssize_t n; ok && (n = ::read(fd, buf.get(), kChunk)) != 0;) {
    if (n < 0) ok = false;
    else ok = XXH3_64bits_update(state.get(), buf.get(), static_cast<std::size_t>(n)) == XXH_OK;
  }
  ::close(fd);
  if (ok) hash = XXH3_64bits_digest(state.get());
  return ok;
}

std::string hash_hex(std::uint64_t hash) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, hash >>= 4) out[static_cast<std::size_t>(i)] = kDigits[hash & 15];
  return out;
}

}  // namespace handout
