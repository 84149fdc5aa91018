// The PNG and JPEG codecs behind load_image; private to src/assets/.
#pragma once
#include <string>

#include "assets/image.h"

namespace handout::codecs {

/// Reads the size from a PNG or JPEG header without decoding pixels; false when the bytes are
/// neither (or the header is cut short).
bool read_header(const std::string& bytes, ImageInfo& out);

/// Decodes a whole PNG into `out` (grey or RGB, alpha split off), scaled by `scale` (<= 1).
bool decode_png(const std::string& bytes, double scale, DecodedImage& out, std::string& error);

/// Decodes a whole JPEG; keeps the original stream in `out.jpeg` when it can be embedded as
/// it is, else re-encodes the (scaled) pixels as a baseline JPEG.
bool decode_jpeg(const std::string& bytes, double scale, DecodedImage& out, std::string& error);

}  // namespace handout::codecs
