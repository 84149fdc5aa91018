// JPEG through libjpeg-turbo. Its errors longjmp back here; warnings about corrupt data are
// treated as errors too, so a truncated photo is refused instead of printed half grey.
// jpeglib.h needs size_t and FILE declared before it.
#include <csetjmp>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include <jpeglib.h>

#include "assets/codecs.h"
#include "assets/downsample.h"

namespace handout::codecs {
namespace {

struct ErrorManager {
  jpeg_error_mgr mgr;
  std::jmp_buf jump;
  char message[JMSG_LENGTH_MAX];
};

[[noreturn]] void on_error(j_common_ptr info) {
  auto* err = reinterpret_cast<ErrorManager*>(info->err);
  info->err->format_message(info, err->message);
  std::longjmp(err->jump, 1);
}

void on_message(j_common_ptr info, int level) {
  if (level < 0) on_error(info);  // a warning: the data is corrupt
}

// The denominator (1, 2, 4 or 8) of libjpeg's built-in DCT scaling that keeps at least
// `scale` of the pixels: the cheapest way to shrink a large photo.
unsigned dct_denominator(double scale) {
  unsigned d = 1;
  while (d < 8 && 1.0 / (d * 2) >= scale) d *= 2;
  return d;
}

// CMYK as Adobe writes it (inverted) to RGB, in place, keeping three channels.
void cmyk_to_rgb(std::vector<std::uint8_t>& row, int width) {
  for (int x = 0; x < width; ++x) {
    const std::uint8_t* p = &row[static_cast<std::size_t>(x) * 4];
    const unsigned k = p[3];
    const std::uint8_t r = static_cast<std::uint8_t>(p[0] * k / 255), g = static_cast<std::uint8_t>(p[1] * k / 255),
                       b = static_cast<std::uint8_t>(p[2] * k / 255);
    row[static_cast<std::size_t>(x) * 3] = r, row[static_cast<std::size_t>(x) * 3 + 1] = g;
    row[static_cast<std::size_t>(x) * 3 + 2] = b;
  }
}

bool encode_jpeg(const DecodedImage& img, std::string& out, std::string& error) {
  jpeg_compress_struct c{};
  ErrorManager err{};
  c.err = jpeg_std_error(&err.mgr);
  err.mgr.error_exit = on_error;
  unsigned char* buffer = nullptr;
  unsigned long size = 0;
  if (setjmp(err.jump)) {
    jpeg_destroy_compress(&c);
    std::free(buffer);
    error = std::string("cannot re-encode JPEG: ") + err.message;
    return false;
  }
  jpeg_create_compress(&c);
  jpeg_mem_dest(&c, &buffer, &size);
  c.image_width = static_cast<JDIMENSION>(img.width);
  c.image_height = static_cast<JDIMENSION>(img.height);
  c.input_components = img.channels;
  c.in_color_space = img.channels == 1 ? JCS_GRAYSCALE : JCS_RGB;
  jpeg_set_defaults(&c);
  jpeg_set_quality(&c, 90, TRUE);
  jpeg_start_compress(&c, TRUE);
  while (c.next_scanline < c.image_height) {
    auto* row = const_cast<JSAMPROW>(&img.pixels[static_cast<std::size_t>(c.next_scanline) * img.width * img.channels]);
    jpeg_write_scanlines(&c, &row, 1);
  }
  jpeg_finish_compress(&c);
  jpeg_destroy_compress(&c);
  out.assign(reinterpret_cast<char*>(buffer), size);
  std::free(buffer);
  return true;
}

}  // namespace

bool decode_jpeg(const std::string& bytes, double scale, DecodedImage& out, std::string& error) {
  jpeg_decompress_struct d{};
  ErrorManager err{};
  d.err = jpeg_std_error(&err.mgr);
  err.mgr.error_exit = on_error;
  err.mgr.emit_message = on_message;
  // Declared before setjmp so a longjmp skips no destructor.
  std::vector<std::uint8_t> row;
  Downsampler* volatile rows = nullptr;  // volatile: read after a longjmp
  bool keep_original = false;
  if (setjmp(err.jump)) {
    delete rows;
    jpeg_destroy_decompress(&d);
    error = std::string("broken JPEG: ") + err.message;
    return false;
  }
  jpeg_create_decompress(&d);
  jpeg_mem_src(&d, reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<unsigned long>(bytes.size()));
  jpeg_read_header(&d, TRUE);
  const bool cmyk = d.jpeg_color_space == JCS_CMYK || d.jpeg_color_space == JCS_YCCK;
  const bool grey = d.num_components == 1;
  keep_original = scale >= 1 && !cmyk && !d.progressive_mode && (grey || d.num_components == 3);
  d.out_color_space = cmyk ? JCS_CMYK : grey ? JCS_GRAYSCALE : JCS_RGB;
  d.scale_num = 1;
  d.scale_denom = dct_denominator(scale);
  jpeg_start_decompress(&d);
  const int w = static_cast<int>(d.output_width), h = static_cast<int>(d.output_height);
  const int channels = grey ? 1 : 3;
  const double rest = scale * d.scale_denom;  // what DCT scaling left to do
  out.width = std::max(1, std::min(w, static_cast<int>(std::lround(w * rest))));
  out.height = std::max(1, std::min(h, static_cast<int>(std::lround(h * rest))));
  out.channels = channels;
  rows = new Downsampler(w, h, channels, out.width, out.height);
  row.resize(static_cast<std::size_t>(w) * d.output_components);
  while (d.output_scanline < d.output_height) {
    JSAMPROW p = row.data();
    jpeg_read_scanlines(&d, &p, 1);
    if (cmyk) cmyk_to_rgb(row, w);
    rows->add_row(row.data());
  }
  jpeg_finish_decompress(&d);
  jpeg_destroy_decompress(&d);
  out.pixels = rows->take();
  delete rows;
  if (keep_original) {
    out.jpeg = bytes;
    out.pixels.clear();
    return true;
  }
  const bool ok = encode_jpeg(out, out.jpeg, error);
  out.pixels.clear();
  return ok;
}

}  // namespace handout::codecs
