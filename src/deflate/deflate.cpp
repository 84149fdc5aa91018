#include "deflate/deflate.h"

#include <libdeflate.h>

#include <algorithm>
#include <array>
#include <memory>

namespace handout {
namespace {

struct CompressorFree {
  void operator()(libdeflate_compressor* c) const { libdeflate_free_compressor(c); }
};

// A compressor holds about 1 MB of tables at high levels: made once per thread and level.
libdeflate_compressor* compressor(int level) {
  thread_local std::array<std::unique_ptr<libdeflate_compressor, CompressorFree>, 13> by_level;
  auto& c = by_level.at(static_cast<std::size_t>(level));
  if (!c) c.reset(libdeflate_alloc_compressor(level));
  return c.get();
}

}  // namespace

std::string deflate_zlib(std::string_view data, int level) {
  libdeflate_compressor* c = compressor(level < 1 ? 1 : level > 12 ? 12 : level);
  if (!c) return {};
  std::string out(libdeflate_zlib_compress_bound(c, data.size()), '\0');
  const std::size_t n = libdeflate_zlib_compress(c, data.data(), data.size(), out.data(), out.size());
  out.resize(n);  // 0 cannot happen with the bound's room
  return out;
}

bool inflate_zlib(std::string_view data, std::size_t max_size, std::string& out) {
  std::unique_ptr<libdeflate_decompressor, void (*)(libdeflate_decompressor*)> d(libdeflate_alloc_decompressor(),
                                                                                  libdeflate_free_decompressor);
  if (!d) return false;
  // Room for four times the input (deflate rarely does better), four times more while it
  // runs out, up to the limit: never the whole limit's worth for a small stream.
  std::size_t room = std::min(max_size, std::max<std::size_t>(1 << 16, data.size() * 4));
  for (;;) {
    out.resize(room);
    std::size_t n = 0;
    const auto result = libdeflate_zlib_decompress(d.get(), data.data(), data.size(), out.data(), out.size(), &n);
    if (result == LIBDEFLATE_SUCCESS) return out.resize(n), true;
    if (result != LIBDEFLATE_INSUFFICIENT_SPACE || room == max_size) return false;
    room = std::min(max_size, room * 4);
  }
}

}  // namespace handout
