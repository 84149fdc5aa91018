// The output folder's image cache (src/job/image_cache.h): what is kept comes back the same;
// a damaged, truncated or foreign entry is never used.
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <string>

#include "job/image_cache.h"
#include "test_support.h"
#include "util/text.h"

namespace handout {
namespace {

DecodedImage sample() {
  DecodedImage image;
  image.width = 3, image.height = 2, image.channels = 3;
  image.pixels_deflated = std::string("pixels\0\n with a newline", 24);
  image.alpha_deflated = "alpha";
  return image;
}

TEST_CASE("image cache: an entry comes back as it was kept, under a name made from its inputs") {
  const std::string root = test::scratch_dir("image-cache");
  const PlacementBox box{100, 50};
  const std::string entry = image_cache_entry("png bytes", box, {});
  CHECK(entry.rfind(".handout-cache/images/", 0) == 0);
  CHECK(image_cache_entry("png bytes", box, {}) == entry);
  CHECK(image_cache_entry("other bytes", box, {}) != entry);
  CHECK(image_cache_entry("png bytes", PlacementBox{100, 60}, {}) != entry);  // scaled for another box
  ImageLimits sharper;
  sharper.print_dpi = 600;
  CHECK(image_cache_entry("png bytes", box, sharper) != entry);
  REQUIRE(save_cached_image(root, entry, sample()));
  DecodedImage back;
  REQUIRE(load_cached_image(root, entry, back));
  CHECK(back.width == 3);
  CHECK(back.height == 2);
  CHECK(back.channels == 3);
  CHECK(back.pixels_deflated == sample().pixels_deflated);
  CHECK(back.alpha_deflated == "alpha");
  CHECK_FALSE(load_cached_image(root, image_cache_entry("never kept", box, {}), back));
  std::system(("rm -rf '" + root + "'").c_str());
}

TEST_CASE("image cache: a damaged, truncated or foreign entry is not used") {
  const std::string root = test::scratch_dir("image-cache");
  const std::string entry = image_cache_entry("png bytes", {}, {});
  REQUIRE(save_cached_image(root, entry, sample()));
  std::string kept;
  REQUIRE(read_file(join_path(root, entry), kept));
  auto rewrite = [&](const std::string& bytes) { std::ofstream(join_path(root, entry), std::ios::binary) << bytes; };
  DecodedImage back;
  std::string damaged = kept;
  damaged[damaged.size() - 2] ^= 0x20;  // one byte of the alpha mask
  rewrite(damaged);
  CHECK_FALSE(load_cached_image(root, entry, back));
  rewrite(kept.substr(0, kept.size() - 1));
  CHECK_FALSE(load_cached_image(root, entry, back));
  rewrite(kept + "x");
  CHECK_FALSE(load_cached_image(root, entry, back));
  rewrite("handout-image 2" + kept.substr(15));
  CHECK_FALSE(load_cached_image(root, entry, back));
  rewrite("handout-image 1\n0 2 3 6 5 0000000000000000\npixelsalpha");
  CHECK_FALSE(load_cached_image(root, entry, back));
  rewrite(kept);
  CHECK(load_cached_image(root, entry, back));
  std::system(("rm -rf '" + root + "'").c_str());
}

TEST_CASE("image cache: images embedded as they are (JPEG) are not kept") {
  const std::string root = test::scratch_dir("image-cache");
  DecodedImage jpeg;
  jpeg.width = jpeg.height = 1;
  jpeg.jpeg = "jpeg bytes";
  const std::string entry = image_cache_entry("jpeg file", {}, {});
  CHECK(save_cached_image(root, entry, jpeg));
  DecodedImage back;
  CHECK_FALSE(load_cached_image(root, entry, back));
  std::system(("rm -rf '" + root + "'").c_str());
}

}  // namespace
}  // namespace handout
