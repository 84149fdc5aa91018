#include "fonts/font_face.h"

#include <hb.h>


#include <algorithm>
#include <cstdio>
#include <cstring>
#include <vector>

namespace handout {
namespace {
constexpr char32_t kLowCacheSize = 0x800;

std::uint32_t be32(const unsigned char* p) {
  return (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) | (std::uint32_t(p[2]) << 8) | p[3];
}

// HarfBuzz quietly treats a damaged table as empty and libharu fails on it much later, so the
// table directory is checked here: every table inside the file, the ones libharu needs present.
// Returns "" when the file is sound, else what is wrong.
std::string sfnt_problem(const char* bytes, unsigned size) {
  const auto* d = reinterpret_cast<const unsigned char*>(bytes);
  if (size < 12) return "the file is too short to be a font";
  if (std::memcmp(d, "OTTO", 4) == 0) return "";  // CFF: refused below with its own message
  if (std::memcmp(d, "ttcf", 4) == 0) return "";  // a collection: HarfBuzz checks each face
  if (be32(d) != 0x00010000 && std::memcmp(d, "true", 4) != 0) return "it is not a TrueType font";
  const unsigned tables = (d[4] << 8) | d[5];
  if (12 + 16ull * tables > size) return "its table directory runs past the end of the file";
  std::vector<std::string> needed{"cmap", "head", "hhea", "hmtx", "maxp", "loca", "glyf"};
  for (unsigned i = 0; i < tables; ++i) {
    const unsigned char* rec = d + 12 + 16 * i;
    const std::string tag(reinterpret_cast<const char*>(rec), 4);
    const std::uint64_t end = std::uint64_t(be32(rec + 8)) + be32(rec + 12);
    if (end > size) {
      char msg[160];
      std::snprintf(msg, sizeof msg, "table '%s' runs past the end of the file (it needs %llu bytes, the file has %u)",
                    tag.c_str(), static_cast<unsigned long long>(end), size);
      return msg;
    }
    needed.erase(std::remove(needed.begin(), needed.end(), tag), needed.end());
  }
  std::string missing;
  for (const auto& tag : needed) missing += (missing.empty() ? "" : " ") + tag;
  return missing.empty() ? "" : "required tables are missing (" + missing + ")";
}

}  // namespace

std::unique_ptr<FontFace> FontFace::load(const std::string& path, std::string& error) {
  hb_blob_t* blob = hb_blob_create_from_file_or_fail(path.c_str());
  if (!blob) {
    error = "cannot read font file '" + path + "'";
    return nullptr;
  }
  unsigned size = 0;
  const char* bytes = hb_blob_get_data(blob, &size);
  if (const std::string problem = sfnt_problem(bytes, size); !problem.empty()) {
    error = "font '" + path + "' is damaged: " + problem;
    hb_blob_destroy(blob);
    return nullptr;
  }
  hb_face_t* face = hb_face_create(blob, 0);
  hb_blob_t* glyf = hb_face_reference_table(face, HB_TAG('g', 'l', 'y', 'f'));
  const bool has_glyf = hb_blob_get_length(glyf) > 0;
  hb_blob_destroy(glyf);
  if (hb_face_get_glyph_count(face) == 0 || !has_glyf) {
    // libharu embeds only TrueType outlines (glyf); a CFF .otf would load here but fail later.
    error = "'" + path + "' is not a TrueType-outline font (glyf table missing)";
    hb_face_destroy(face);
    hb_blob_destroy(blob);
    return nullptr;
  }
  std::unique_ptr<FontFace> f(new FontFace());
  f->path_ = path;
  f->blob_ = blob;
  f->face_ = face;
  hb_font_t* font = hb_font_create(face);
  f->font_ = font;
  f->upem_ = hb_face_get_upem(face);
  hb_font_set_scale(font, static_cast<int>(f->upem_), static_cast<int>(f->upem_));
  hb_font_extents_t ext{};
  if (hb_font_get_h_extents(font, &ext)) {
    f->ascender_ = ext.ascender / f->upem_;
    f->descender_ = -ext.descender / f->upem_;
  }
  f->low_cache_.assign(kLowCacheSize, Glyph{-1.0f, false});
  return f;
}

FontFace::~FontFace() {
  hb_font_destroy(static_cast<hb_font_t*>(font_));
  hb_face_destroy(static_cast<hb_face_t*>(face_));
  hb_blob_destroy(static_cast<hb_blob_t*>(blob_));
}

FontFace::Glyph FontFace::lookup(char32_t cp) const {
  if (cp < kLowCacheSize && low_cache_[cp].advance >= 0) return low_cache_[cp];
  if (cp >= kLowCacheSize) {
    auto it = high_cache_.find(cp);
    if (it != high_cache_.end()) return it->second;
  }
  auto* font = static_cast<hb_font_t*>(font_);
  hb_codepoint_t gid = 0;
  bool covered = hb_font_get_nominal_glyph(font, cp, &gid);
  if (!covered) gid = 0;  // .notdef: what a viewer would draw
  Glyph g{static_cast<float>(hb_font_get_glyph_h_advance(font, gid) / upem_), covered};
  if (cp < kLowCacheSize)
    low_cache_[cp] = g;
  else
    high_cache_[cp] = g;
  return g;
}

double FontFace::advance(char32_t cp) const { return lookup(cp).advance; }
bool FontFace::covers(char32_t cp) const { return lookup(cp).covered; }

}  // namespace handout
