#include "assets/downsample.h"

#include <algorithm>
#include <cmath>

namespace handout {

Downsampler::Downsampler(int src_w, int src_h, int channels, int dst_w, int dst_h)
    : src_w_(src_w), src_h_(src_h), channels_(channels), dst_w_(dst_w), dst_h_(dst_h),
      column_of_(static_cast<std::size_t>(src_w)),
      sums_(static_cast<std::size_t>(dst_w) * channels),
      counts_(static_cast<std::size_t>(dst_w)) {
  for (int x = 0; x < src_w; ++x)
    column_of_[x] = static_cast<int>(static_cast<long long>(x) * dst_w / src_w);
  out_.reserve(static_cast<std::size_t>(dst_w) * dst_h * channels);
}

void Downsampler::add_row(const std::uint8_t* row) {
  if (dst_w_ == src_w_ && dst_h_ == src_h_) {  // nothing to average: keep the row as it is
    out_.insert(out_.end(), row, row + static_cast<std::size_t>(src_w_) * channels_);
    return;
  }
  const int target = static_cast<int>(static_cast<long long>(src_y_) * dst_h_ / src_h_);
  if (target != dst_y_) flush_row();
  dst_y_ = target;
  for (int x = 0; x < src_w_; ++x) {
    const std::size_t d = static_cast<std::size_t>(column_of_[x]);
    for (int c = 0; c < channels_; ++c) sums_[d * channels_ + c] += row[static_cast<std::size_t>(x) * channels_ + c];
    ++counts_[d];
  }
  if (++src_y_ == src_h_) flush_row();
}

void Downsampler::flush_row() {
  for (int x = 0; x < dst_w_; ++x) {
    const std::uint32_t n = std::max<std::uint32_t>(1, counts_[x]);
    for (int c = 0; c < channels_; ++c)
      out_.push_back(static_cast<std::uint8_t>((sums_[static_cast<std::size_t>(x) * channels_ + c] + n / 2) / n));
  }
  std::fill(sums_.begin(), sums_.end(), 0);
  std::fill(counts_.begin(), counts_.end(), 0);
}

double print_scale(int w, int h, double box_w, double box_h, double print_dpi) {
  if (w <= 0 || h <= 0) return 1;
  const double points_per_pixel = std::min(box_w / w, box_h / h);  // largest placement that fits
  return std::min(1.0, points_per_pixel / 72.0 * print_dpi);
}

}  // namespace handout
