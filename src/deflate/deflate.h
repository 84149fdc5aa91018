// Compressing PDF streams: the one owner of libdeflate, which writes the zlib format a PDF's
// /FlateDecode filter reads at about twice zlib's speed and a few percent smaller.
#pragma once
#include <string>
#include <string_view>

namespace handout {

/// Compression levels (libdeflate's scale, 1-12): kDeflateFast for content streams, maps and
/// images, kDeflateSmall for font subsets (made once per run and shared by its handouts).
inline constexpr int kDeflateFast = 6;
inline constexpr int kDeflateSmall = 9;

/// `data` deflated in the zlib format at `level` (1-12). Thread-safe: each thread keeps its own
/// compressors. Empty only when out of memory.
std::string deflate_zlib(std::string_view data, int level);

/// The inverse, for tests and checks: false when `data` is not a whole zlib stream that
/// inflates to at most `max_size` bytes.
bool inflate_zlib(std::string_view data, std::size_t max_size, std::string& out);

}  // namespace handout
