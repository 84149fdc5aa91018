// Images kept between builds in the output folder (<out>/.handout-cache/images/): a PNG logo
// decoded, scaled for print and deflated once, not again on every run (3 ms for the example's
// 256 x 256 logo; a clinic's 2000 x 2000 logo much more). Entries are named by what they were
// made from (the file's bytes, the box it was scaled for, the print resolution) and carry a
// hash of their contents: a stale, damaged or foreign entry is never used, only made again.
#pragma once
#include <cstdint>
#include <string>

#include "assets/image.h"

namespace handout {

/// The entry name for an image made from `bytes` for `box` within `limits`.
std::string image_cache_entry(const std::string& bytes, const PlacementBox& box, const ImageLimits& limits);

/// Fills `out` (size, channels, deflated pixels and alpha; `info` is the caller's) from the
/// entry `relative` in `root`; false when there is no usable entry.
bool load_cached_image(const std::string& root, const std::string& relative, DecodedImage& out);

/// Writes `image` as the entry `relative` in `root`, atomically. Images embedded as they are
/// (JPEG) are not kept: they cost nothing to load. False only when the write failed.
bool save_cached_image(const std::string& root, const std::string& relative, const DecodedImage& image);

}  // namespace handout
