#include "assets/image.h"

#include <algorithm>
#include <cstdio>

#include "assets/codecs.h"
#include "assets/downsample.h"
#include "deflate/deflate.h"
#include "util/text.h"

namespace handout {
namespace codecs {
namespace {

unsigned be16(const unsigned char* p) { return (p[0] << 8) | p[1]; }
unsigned long be32(const unsigned char* p) {
  return (static_cast<unsigned long>(p[0]) << 24) | (p[1] << 16) | (p[2] << 8) | p[3];
}

bool png_header(const unsigned char* d, std::size_t n, ImageInfo& out) {
  static const unsigned char sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  if (n < 24 || !std::equal(sig, sig + 8, d) || std::string(d + 12, d + 16) != "IHDR") return false;
  out.format = ImageInfo::Format::Png;
  const unsigned long w = be32(d + 16), h = be32(d + 20);
  if (w > 0x7FFFFFFF || h > 0x7FFFFFFF) return false;
  out.width = static_cast<int>(w);
  out.height = static_cast<int>(h);
  return true;
}

bool jpeg_header(const unsigned char* d, std::size_t n, ImageInfo& out) {
  if (n < 4 || d[0] != 0xFF || d[1] != 0xD8) return false;
  std::size_t i = 2;
  while (i + 9 < n) {
    if (d[i] != 0xFF) return false;
    const unsigned marker = d[i + 1];
    const unsigned len = be16(d + i + 2);
    // Start-of-frame markers carry the size; C4, C8 and CC are other tables.
    if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
      out.format = ImageInfo::Format::Jpeg;
      out.height = static_cast<int>(be16(d + i + 5));
      out.width = static_cast<int>(be16(d + i + 7));
      return true;
    }
    if (len < 2) return false;
    i += 2 + len;
  }
  return false;
}

}  // namespace

bool read_header(const std::string& bytes, ImageInfo& out) {
  const auto* d = reinterpret_cast<const unsigned char*>(bytes.data());
  return png_header(d, bytes.size(), out) || jpeg_header(d, bytes.size(), out);
}

}  // namespace codecs

namespace {

// Deflated once per run and embedded in every handout, at the fast level: a first build of one
// handout pays for it whole, and a logo's indexed colours (index_colours) already make it small.
// Empty stays empty.
bool deflate_bytes(const std::vector<std::uint8_t>& in, std::string& out) {
  out.clear();
  if (in.empty()) return true;
  out = deflate_zlib(std::string_view(reinterpret_cast<const char*>(in.data()), in.size()), kDeflateFast);
  return !out.empty();
}

}  // namespace

bool read_image_header(const std::string& bytes, const std::string& name, const ImageLimits& limits, ImageInfo& info,
                       std::string& error) {
  info = {};
  if (!codecs::read_header(bytes, info) || info.width <= 0 || info.height <= 0) {
    error = "'" + name + "' is not a PNG or JPEG image";
    return false;
  }
  const long long pixels = static_cast<long long>(info.width) * info.height;
  if (pixels > limits.max_pixels) {
    char buf[200];
    std::snprintf(buf, sizeof buf, "is %d x %d pixels (%.1f megapixels), over the limit of %.1f megapixels",
                  info.width, info.height, pixels / 1e6, limits.max_pixels / 1e6);
    error = "image '" + name + "' " + buf + "; scale it down (300 dpi at its printed size is plenty) or raise "
            "limits.image_megapixels";
    return false;
  }
  return true;
}

bool decode_image(const std::string& bytes, const std::string& name, const PlacementBox& box,
                  const ImageLimits& limits, DecodedImage& out, std::string& error) {
  out = {};
  if (!read_image_header(bytes, name, limits, out.info, error)) return false;
  const double scale = print_scale(out.info.width, out.info.height, box.width, box.height, limits.print_dpi);
  const bool ok = out.info.format == ImageInfo::Format::Png ? codecs::decode_png(bytes, scale, out, error)
                                                              : codecs::decode_jpeg(bytes, scale, out, error);
  if (!ok) {
    error = "image '" + name + "': " + error;
    return false;
  }
  index_colours(out);
  if (!deflate_bytes(out.pixels, out.pixels_deflated) || !deflate_bytes(out.alpha, out.alpha_deflated)) {
    error = "image '" + name + "': out of memory while compressing it";
    return false;
  }
  return true;
}

bool load_image(const std::string& path, const PlacementBox& box, const ImageLimits& limits, DecodedImage& out,
                std::string& error) {
  std::string bytes;
  if (!read_file(path, bytes)) {
    error = "cannot read image '" + path + "'";
    return false;
  }
  return decode_image(bytes, path, box, limits, out, error);
}

void index_colours(DecodedImage& image) {
  if (image.channels != 3 || image.pixels.size() < 3) return;
  constexpr std::size_t kSlots = 1024;  // open addressing: a few hundred colours at most
  std::vector<std::uint32_t> keys(kSlots, 0xFFFFFFFF);
  std::vector<std::uint8_t> slot_index(kSlots, 0);
  std::string palette;
  std::vector<std::uint8_t> indexes(image.pixels.size() / 3);
  std::uint32_t last_key = 0xFFFFFFFF;
  for (std::size_t i = 0; i < indexes.size(); ++i) {
    const std::uint8_t* p = &image.pixels[i * 3];
    const std::uint32_t key = (std::uint32_t{p[0]} << 16) | (std::uint32_t{p[1]} << 8) | p[2];
    if (key == last_key) {  // a run of one colour, as flat artwork has
      indexes[i] = indexes[i - 1];
      continue;
    }
    last_key = key;
    std::size_t h = (key * 2654435761U) % kSlots;
    while (keys[h] != key && keys[h] != 0xFFFFFFFF) h = (h + 1) % kSlots;
    if (keys[h] == 0xFFFFFFFF) {
      if (palette.size() == 256 * 3) return;  // too many colours: kept as RGB
      keys[h] = key;
      slot_index[h] = static_cast<std::uint8_t>(palette.size() / 3);
      palette.append(reinterpret_cast<const char*>(p), 3);
    }
    indexes[i] = slot_index[h];
  }
  image.palette = std::move(palette);
  image.pixels = std::move(indexes);
}

PlacedImages all_images(const ImageSet& set) {
  PlacedImages out;
  for (const auto& [path, image] : set) out[path] = &image;
  return out;
}

}  // namespace handout
