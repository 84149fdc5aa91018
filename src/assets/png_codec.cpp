// PNG through libpng's simplified API: it validates every chunk and CRC, handles interlacing,
// palettes, 16-bit and transparency, and reports errors as values instead of aborting.
#include <png.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <memory>

#include "assets/codecs.h"
#include "assets/downsample.h"

namespace handout::codecs {
namespace {

struct ImageFree {
  void operator()(png_image* img) const { png_image_free(img); }
};

// Splits interleaved grey+alpha or RGBA rows into colour and alpha, scaling as it goes.
void split_and_scale(const std::vector<std::uint8_t>& pixels, int w, int h, int colour, bool has_alpha, double scale,
                     DecodedImage& out) {
  const int channels = colour + (has_alpha ? 1 : 0);
  out.width = std::max(1, static_cast<int>(std::lround(w * scale)));
  out.height = std::max(1, static_cast<int>(std::lround(h * scale)));
  Downsampler colour_rows(w, h, colour, out.width, out.height), alpha_rows(w, h, 1, out.width, out.height);
  std::vector<std::uint8_t> c(static_cast<std::size_t>(w) * colour), a(static_cast<std::size_t>(w));
  bool opaque = true;
  for (int y = 0; y < h; ++y) {
    const std::uint8_t* row = pixels.data() + static_cast<std::size_t>(y) * w * channels;
    for (int x = 0; x < w; ++x) {
      std::memcpy(&c[static_cast<std::size_t>(x) * colour], row + static_cast<std::size_t>(x) * channels, colour);
      a[x] = has_alpha ? row[static_cast<std::size_t>(x) * channels + colour] : 255;
      opaque = opaque && a[x] == 255;
    }
    colour_rows.add_row(c.data());
    alpha_rows.add_row(a.data());
  }
  out.channels = colour;
  out.pixels = colour_rows.take();
  if (!opaque) out.alpha = alpha_rows.take();
}

}  // namespace

bool decode_png(const std::string& bytes, double scale, DecodedImage& out, std::string& error) {
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  std::unique_ptr<png_image, ImageFree> guard(&image);
  if (!png_image_begin_read_from_memory(&image, bytes.data(), bytes.size())) {
    error = std::string("broken PNG: ") + image.message;
    return false;
  }
  const bool colour = (image.format & PNG_FORMAT_FLAG_COLOR) != 0;
  const bool alpha = (image.format & PNG_FORMAT_FLAG_ALPHA) != 0;
  image.format = colour ? (alpha ? PNG_FORMAT_RGBA : PNG_FORMAT_RGB) : (alpha ? PNG_FORMAT_GA : PNG_FORMAT_GRAY);
  std::vector<std::uint8_t> pixels(PNG_IMAGE_SIZE(image));
  if (!png_image_finish_read(&image, nullptr, pixels.data(), 0, nullptr)) {
    error = std::string("broken PNG: ") + image.message;
    return false;
  }
  split_and_scale(pixels, static_cast<int>(image.width), static_cast<int>(image.height), colour ? 3 : 1, alpha,
                  scale, out);
  return true;
}

}  // namespace handout::codecs
