// Area-averaging downsampler fed one source row at a time, so a large image never needs a
// second full-size buffer.
#pragma once
#include <cstdint>
#include <vector>

namespace handout {

class Downsampler {
 public:
  /// Source rows of `src_w` pixels with `channels` interleaved bytes each, `src_h` rows in all;
  /// the result is `dst_w` x `dst_h` (each no larger than the source).
  Downsampler(int src_w, int src_h, int channels, int dst_w, int dst_h);
  /// Adds the next source row (src_w x channels bytes).
  void add_row(const std::uint8_t* row);
  /// The finished image, dst_w x dst_h x channels bytes; call after the last row.
  std::vector<std::uint8_t> take() { return std::move(out_); }

 private:
  void flush_row();
  int src_w_, src_h_, channels_, dst_w_, dst_h_;
  int src_y_ = 0, dst_y_ = 0;
  std::vector<int> column_of_;         // source x -> destination x
  std::vector<std::uint32_t> sums_;    // per destination pixel and channel
  std::vector<std::uint32_t> counts_;  // source pixels summed per destination pixel
  std::vector<std::uint8_t> out_;
};

/// Scale that keeps `print_dpi` pixels per inch when a w x h pixel image is placed as large as
/// fits a box of box_w x box_h points; 1 when the image has no more pixels than that.
double print_scale(int w, int h, double box_w, double box_h, double print_dpi);

}  // namespace handout
