// Decoded images: PNG (libpng) and JPEG (libjpeg-turbo) read completely and checked before
// anything else sees them, so a broken or hostile file is an error, never a crash.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace handout {

/// What the layout needs of an image: its format and size in pixels as stored in the file.
struct ImageInfo {
  enum class Format { Png, Jpeg };
  Format format = Format::Png;
  int width = 0, height = 0;  ///< pixels in the file (before any downsampling)
};

/// How large an image may be placed, in points: the decoder keeps no more pixels than
/// print needs at that size.
struct PlacementBox {
  double width = 612, height = 792;
};

/// Limits on what an image may cost to decode.
struct ImageLimits {
  long long max_pixels = 40'000'000;  ///< width x height as declared in the file
  double print_dpi = 300;             ///< pixels kept per inch at the largest placed size
};

/// A decoded image ready for a PDF: 8-bit grey or RGB pixels, an optional 8-bit alpha mask,
/// or the file's own JPEG stream when it can be embedded as it is.
struct DecodedImage {
  ImageInfo info;                   ///< the file as read
  int width = 0, height = 0;        ///< pixels kept (after downsampling)
  int channels = 3;                 ///< 1 = grey, 3 = RGB
  std::vector<std::uint8_t> pixels; ///< width x height x channels, rows top to bottom
  /// An RGB image of at most 256 colours (a logo): its colours, RGB triples, with `pixels`
  /// their indexes, one byte a pixel (a third of the bytes to compress and embed). Else empty.
  std::string palette;
  std::vector<std::uint8_t> alpha;  ///< width x height; empty when the image is opaque
  std::string jpeg;                 ///< baseline JPEG to embed as is (pixels is then empty)
  /// `pixels` and `alpha` Flate-compressed, once per run: every handout embeds these bytes
  /// as they are (a 256 x 256 RGBA logo is 256 KB to deflate, the costliest step of a page).
  std::string pixels_deflated, alpha_deflated;
};

/// The decoded images of a run, by file path.
using ImageSet = std::map<std::string, DecodedImage>;
/// The images one document places, by file path: pointers into the run's ImageSet (a map's
/// elements never move), so a renderer reads no shared container while others add to it.
using PlacedImages = std::map<std::string, const DecodedImage*>;

/// Every image of `set`, as placed images (for callers that decoded their own).
PlacedImages all_images(const ImageSet& set);

/// Decodes `path` completely, refusing images over `limits` and downsampling to what print
/// needs inside `box`. False with a message that names the file when it cannot be used.
bool load_image(const std::string& path, const PlacementBox& box, const ImageLimits& limits, DecodedImage& out,
                std::string& error);

/// The checks decode_image makes before decoding: a PNG or JPEG header, within `limits`.
bool read_image_header(const std::string& bytes, const std::string& name, const ImageLimits& limits, ImageInfo& info,
                       std::string& error);

/// Turns an RGB image of at most 256 colours into indexes into `palette` (colours in order of
/// first use); any other image is left as it is. decode_image does it before deflating.
void index_colours(DecodedImage& image);

/// Same, from bytes in memory (for tests and fuzzing); `name` is used in messages.
bool decode_image(const std::string& bytes, const std::string& name, const PlacementBox& box,
                  const ImageLimits& limits, DecodedImage& out, std::string& error);

}  // namespace handout
