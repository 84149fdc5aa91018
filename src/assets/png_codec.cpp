// PNG through libpng. Its errors longjmp back here and become values; CRC and data errors are
// fatal, so a truncated or corrupt file is refused rather than drawn half blank. Rows are read
// one at a time and fed to the downsampler, so a large image never sits whole in memory
// (interlaced images, whose rows arrive in seven passes, are the exception).
#include <png.h>

#include <algorithm>
#include <cmath>
#include <csetjmp>
#include <cstdio>
#include <cstring>
#include <vector>

#include "assets/codecs.h"
#include "assets/downsample.h"

namespace handout::codecs {
namespace {

struct Reader {
  const std::string* bytes;
  std::size_t pos = 0;
  char message[200] = "";
};

void on_error(png_structp png, png_const_charp message) {
  auto* r = static_cast<Reader*>(png_get_error_ptr(png));
  std::snprintf(r->message, sizeof r->message, "%s", message);
  png_longjmp(png, 1);
}

void on_warning(png_structp, png_const_charp) {}  // benign: unknown chunks, gamma notes

void read_bytes(png_structp png, png_bytep out, png_size_t n) {
  auto* r = static_cast<Reader*>(png_get_io_ptr(png));
  if (n > r->bytes->size() - r->pos) png_error(png, "the file ends too soon");
  std::memcpy(out, r->bytes->data() + r->pos, n);
  r->pos += n;
}

// Splits one row of grey/RGB (+ alpha) into colour and alpha rows for the two downsamplers.
struct RowSplitter {
  int width, colour;
  bool has_alpha;
  Downsampler colour_rows, alpha_rows;
  std::vector<std::uint8_t> c, a;
  bool opaque = true;

  RowSplitter(int w, int h, int colour_channels, bool alpha, int out_w, int out_h)
      : width(w), colour(colour_channels), has_alpha(alpha), colour_rows(w, h, colour_channels, out_w, out_h),
        alpha_rows(w, h, 1, out_w, out_h), c(static_cast<std::size_t>(w) * colour_channels),
        a(static_cast<std::size_t>(w), 255) {}

  void add(const std::uint8_t* row) {
    if (!has_alpha) return colour_rows.add_row(row);  // already grey or RGB rows
    const int channels = colour + 1;
    for (int x = 0; x < width; ++x) {
      std::memcpy(&c[static_cast<std::size_t>(x) * colour], row + static_cast<std::size_t>(x) * channels, colour);
      a[x] = row[static_cast<std::size_t>(x) * channels + colour];
      opaque = opaque && a[x] == 255;
    }
    colour_rows.add_row(c.data());
    if (has_alpha) alpha_rows.add_row(a.data());
  }
};

}  // namespace

bool decode_png(const std::string& bytes, double scale, DecodedImage& out, std::string& error) {
  Reader reader{&bytes};
  png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &reader, on_error, on_warning);
  png_infop info = png ? png_create_info_struct(png) : nullptr;
  if (!info) {
    png_destroy_read_struct(&png, nullptr, nullptr);
    error = "out of memory";
    return false;
  }
  // Declared before setjmp and only reached through pointers after it, so a longjmp skips no
  // destructor and reads no stale register.
  std::vector<std::uint8_t> row, whole;
  std::vector<png_bytep> rows;
  RowSplitter* volatile split = nullptr;
  if (setjmp(png_jmpbuf(png))) {
    delete split;
    png_destroy_read_struct(&png, &info, nullptr);
    error = std::string("broken PNG: ") + reader.message;
    return false;
  }
  png_set_read_fn(png, &reader, read_bytes);
  png_set_user_limits(png, 0x7FFFFFFF, 0x7FFFFFFF);  // the pixel limit was checked from the header
  png_read_info(png, info);
  // Everything to 8-bit grey or RGB, with alpha when the file has any transparency.
  png_set_expand(png);
  png_set_strip_16(png);
  png_set_packing(png);
  const int passes = png_set_interlace_handling(png);
  png_read_update_info(png, info);
  const int w = static_cast<int>(png_get_image_width(png, info)), h = static_cast<int>(png_get_image_height(png, info));
  const int channels = png_get_channels(png, info);
  const bool colour = channels >= 3, alpha = channels == 2 || channels == 4;
  out.width = std::max(1, static_cast<int>(std::lround(w * scale)));
  out.height = std::max(1, static_cast<int>(std::lround(h * scale)));
  out.channels = colour ? 3 : 1;
  split = new RowSplitter(w, h, out.channels, alpha, out.width, out.height);
  const std::size_t stride = png_get_rowbytes(png, info);
  if (passes == 1) {
    row.resize(stride);
    for (int y = 0; y < h; ++y) png_read_row(png, row.data(), nullptr), split->add(row.data());
  } else {
    whole.resize(stride * static_cast<std::size_t>(h));
    rows.resize(static_cast<std::size_t>(h));
    for (int y = 0; y < h; ++y) rows[y] = whole.data() + stride * static_cast<std::size_t>(y);
    png_read_image(png, rows.data());
    for (int y = 0; y < h; ++y) split->add(rows[y]);
  }
  png_read_end(png, nullptr);
  png_destroy_read_struct(&png, &info, nullptr);
  out.pixels = split->colour_rows.take();
  if (!split->opaque) out.alpha = split->alpha_rows.take();
  delete split;
  return true;
}

}  // namespace handout::codecs
