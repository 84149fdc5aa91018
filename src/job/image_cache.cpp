#include "job/image_cache.h"

#include <cstdio>
#include <sstream>

#include "hash/content_hash.h"
#include "job/file_output.h"
#include "util/text.h"

namespace handout {
namespace {

constexpr const char* kMagic = "handout-image 1";  // the entry format's version
constexpr long long kMaxEntry = 1LL << 30;

}  // namespace

std::string image_cache_entry(const std::string& bytes, const PlacementBox& box, const ImageLimits& limits) {
  char made[160];
  std::snprintf(made, sizeof made, "%s %.6f %.6f %.6f", kMagic, box.width, box.height, limits.print_dpi);
  return ".handout-cache/images/" + hash_hex(content_hash(bytes)) + "-" + hash_hex(content_hash(made)) + ".img";
}

// An entry: "handout-image 1\n<width> <height> <channels> <pixels bytes> <alpha bytes> <hash>\n"
// then the deflated pixels and alpha; <hash> is XXH3 of those bytes, in hex.
bool load_cached_image(const std::string& root, const std::string& relative, DecodedImage& out) {
  std::string entry;
  if (!read_file(join_path(root, relative), entry) || static_cast<long long>(entry.size()) > kMaxEntry) return false;
  std::istringstream head(entry);
  std::string magic, hash;
  long long width = 0, height = 0, channels = 0, pixels = 0, alpha = 0;
  if (!std::getline(head, magic) || magic != kMagic || !(head >> width >> height >> channels >> pixels >> alpha >> hash) ||
      head.get() != '\n')
    return false;
  const auto at = static_cast<long long>(head.tellg());
  if (width < 1 || height < 1 || width > 100000 || height > 100000 || (channels != 1 && channels != 3) ||
      pixels < 1 || alpha < 0 || at < 0 || at + pixels + alpha != static_cast<long long>(entry.size()))
    return false;
  const std::string_view payload = std::string_view(entry).substr(static_cast<std::size_t>(at));
  if (hash_hex(content_hash(payload)) != hash) return false;
  out.width = static_cast<int>(width), out.height = static_cast<int>(height), out.channels = static_cast<int>(channels);
  out.pixels_deflated.assign(payload.substr(0, static_cast<std::size_t>(pixels)));
  out.alpha_deflated.assign(payload.substr(static_cast<std::size_t>(pixels)));
  out.pixels.clear(), out.alpha.clear(), out.jpeg.clear();
  return true;
}

bool save_cached_image(const std::string& root, const std::string& relative, const DecodedImage& image) {
  if (!image.jpeg.empty() || image.pixels_deflated.empty()) return true;
  const std::string payload = image.pixels_deflated + image.alpha_deflated;
  const std::string entry = std::string(kMagic) + "\n" + std::to_string(image.width) + " " +
                            std::to_string(image.height) + " " + std::to_string(image.channels) + " " +
                            std::to_string(image.pixels_deflated.size()) + " " +
                            std::to_string(image.alpha_deflated.size()) + " " + hash_hex(content_hash(payload)) + "\n" + payload;
  std::string error;
  return write_output_file(root, relative, entry, error, Durability::kCache);
}

}  // namespace handout
