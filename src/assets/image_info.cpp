#include "assets/image_info.h"

#include <algorithm>
#include <fstream>
#include <vector>

namespace handout {
namespace {

unsigned be16(const unsigned char* p) { return (p[0] << 8) | p[1]; }
unsigned long be32(const unsigned char* p) {
  return (static_cast<unsigned long>(p[0]) << 24) | (p[1] << 16) | (p[2] << 8) | p[3];
}

bool read_png(const std::vector<unsigned char>& d, ImageInfo& out) {
  static const unsigned char sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  if (d.size() < 24 || !std::equal(sig, sig + 8, d.begin()) || std::string(d.begin() + 12, d.begin() + 16) != "IHDR")
    return false;
  out.format = ImageInfo::Format::Png;
  out.width = static_cast<int>(be32(&d[16]));
  out.height = static_cast<int>(be32(&d[20]));
  return true;
}

bool read_jpeg(const std::vector<unsigned char>& d, ImageInfo& out) {
  if (d.size() < 4 || d[0] != 0xFF || d[1] != 0xD8) return false;
  std::size_t i = 2;
  while (i + 9 < d.size()) {
    if (d[i] != 0xFF) return false;
    const unsigned marker = d[i + 1];
    const unsigned len = be16(&d[i + 2]);
    // Start-of-frame markers carry the size; C4, C8 and CC are other tables.
    if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
      out.format = ImageInfo::Format::Jpeg;
      out.height = static_cast<int>(be16(&d[i + 5]));
      out.width = static_cast<int>(be16(&d[i + 7]));
      return true;
    }
    if (len < 2) return false;
    i += 2 + len;
  }
  return false;
}

}  // namespace

bool read_image_info(const std::string& path, ImageInfo& out, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "cannot read image '" + path + "'";
    return false;
  }
  std::vector<unsigned char> data(65536);
  in.read(reinterpret_cast<char*>(data.data()), static_cast<std::streamsize>(data.size()));
  data.resize(static_cast<std::size_t>(in.gcount()));
  if ((read_png(data, out) || read_jpeg(data, out)) && out.width > 0 && out.height > 0) return true;
  error = "'" + path + "' is not a PNG or JPEG image";
  return false;
}

}  // namespace handout
