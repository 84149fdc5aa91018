// Size of a PNG or JPEG image, read from its header (the layout needs the aspect ratio).
#pragma once
#include <string>

namespace handout {

struct ImageInfo {
  enum class Format { Png, Jpeg };
  Format format = Format::Png;
  int width = 0, height = 0;  ///< pixels
};

/// Reads the format and pixel size; false (with `error`) for a missing or unsupported file.
bool read_image_info(const std::string& path, ImageInfo& out, std::string& error);

}  // namespace handout
