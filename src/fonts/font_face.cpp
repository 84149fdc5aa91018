#include "fonts/font_face.h"

#include <hb.h>


namespace handout {
namespace {
constexpr char32_t kLowCacheSize = 0x800;
}

std::unique_ptr<FontFace> FontFace::load(const std::string& path, std::string& error) {
  hb_blob_t* blob = hb_blob_create_from_file_or_fail(path.c_str());
  if (!blob) {
    error = "cannot read font file '" + path + "'";
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
