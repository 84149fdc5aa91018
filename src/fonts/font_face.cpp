#include "fonts/font_face.h"

#include <hb-subset.h>
#include <hb.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>
#include <mutex>
#include <vector>

#include "deflate/deflate.h"
#include "hash/content_hash.h"
#include "fonts/cff_charset.h"
#include "util/mapped_file.h"

namespace handout {
namespace {

// Tables a subset drops. The PDF draws glyph ids (a CIDFontType2 is read through its
// CIDToGIDMap, never its cmap): the character map, shaping tables, names, OS/2 and vertical
// metrics are dead weight.
constexpr hb_tag_t kDroppedTables[] = {
    HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'), HB_TAG('G', 'D', 'E', 'F'), HB_TAG('B', 'A', 'S', 'E'),
    HB_TAG('J', 'S', 'T', 'F'), HB_TAG('M', 'A', 'T', 'H'), HB_TAG('m', 'o', 'r', 'x'), HB_TAG('k', 'e', 'r', 'x'),
    HB_TAG('k', 'e', 'r', 'n'), HB_TAG('D', 'S', 'I', 'G'), HB_TAG('v', 'h', 'e', 'a'), HB_TAG('v', 'm', 't', 'x'),
    HB_TAG('V', 'O', 'R', 'G'), HB_TAG('n', 'a', 'm', 'e'), HB_TAG('p', 'o', 's', 't'), HB_TAG('g', 'a', 's', 'p'),
    HB_TAG('h', 'd', 'm', 'x'), HB_TAG('L', 'T', 'S', 'H'), HB_TAG('V', 'D', 'M', 'X'), HB_TAG('m', 'e', 't', 'a'),
    HB_TAG('c', 'm', 'a', 'p'), HB_TAG('O', 'S', '/', '2')};

// The tables of the face in `user`, but those a subset drops.
hb_blob_t* without_dropped_tables(hb_face_t*, hb_tag_t tag, void* user) {
  for (hb_tag_t dropped : kDroppedTables)
    if (tag == dropped) return hb_blob_get_empty();
  return hb_face_reference_table(static_cast<hb_face_t*>(user), tag);
}

void destroy_face(void* face) { hb_face_destroy(static_cast<hb_face_t*>(face)); }
constexpr char32_t kLowCacheSize = 0x800;

std::uint32_t be32(const unsigned char* p) {
  return (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) | (std::uint32_t(p[2]) << 8) | p[3];
}

// HarfBuzz quietly treats a damaged table as empty and the font fails much later, so the
// table directory of face `index` is checked here: every table inside the file, the tables a
// PDF font needs present (TrueType glyf and loca, or CFF outlines). Returns "" when the file
// is sound, else what is wrong.
std::string sfnt_problem(const char* bytes, unsigned size, unsigned index) {
  const auto* d = reinterpret_cast<const unsigned char*>(bytes);
  if (size < 12) return "the file is too short to be a font";
  std::size_t dir = 0;
  if (std::memcmp(d, "ttcf", 4) == 0) {  // a collection: find the face's own table directory
    if (index >= be32(d + 8) || 16ull + 4 * index > size) return "the collection has no face " + std::to_string(index);
    dir = be32(d + 12 + 4 * index);
    if (dir + 12 > size) return "its table directory runs past the end of the file";
  }
  const unsigned char* t = d + dir;
  if (be32(t) != 0x00010000 && std::memcmp(t, "true", 4) != 0 && std::memcmp(t, "OTTO", 4) != 0)
    return "it is not a TrueType or OpenType font";
  const unsigned tables = (t[4] << 8) | t[5];
  if (dir + 12 + 16ull * tables > size) return "its table directory runs past the end of the file";
  std::vector<std::string> needed{"cmap", "head", "hhea", "hmtx", "maxp"};
  bool glyf = false, loca = false, cff = false;
  for (unsigned i = 0; i < tables; ++i) {
    const unsigned char* rec = t + 12 + 16 * i;
    const std::string tag(reinterpret_cast<const char*>(rec), 4);
    const std::uint64_t end = std::uint64_t(be32(rec + 8)) + be32(rec + 12);
    if (end > size) {
      char msg[160];
      std::snprintf(msg, sizeof msg, "table '%s' runs past the end of the file (it needs %llu bytes, the file has %u)",
                    tag.c_str(), static_cast<unsigned long long>(end), size);
      return msg;
    }
    needed.erase(std::remove(needed.begin(), needed.end(), tag), needed.end());
    glyf = glyf || tag == "glyf", loca = loca || tag == "loca", cff = cff || tag == "CFF ";
  }
  if (!cff && !glyf) needed.push_back("glyf or CFF");
  if (glyf && !loca) needed.push_back("loca");
  std::string missing;
  for (const auto& tag : needed) missing += (missing.empty() ? "" : " ") + tag;
  return missing.empty() ? "" : "required tables are missing (" + missing + ")";
}

}  // namespace

namespace {

std::string face_name(hb_face_t* face, hb_ot_name_id_t id) {
  char name[256];
  unsigned size = sizeof name;
  if (hb_ot_name_get_utf8(face, id, hb_language_from_string("en", -1), &size, name) == 0) return "";
  return std::string(name, size);
}

// A font file as a HarfBuzz blob that owns its mapping (mapped_file.h): mapped whole at once up
// to a few megabytes (a face read for shaping and subsetting), page by page above (a CJK
// collection). Null when it cannot be read; an empty file gives an empty blob, found damaged.
hb_blob_t* map_font_file(const std::string& path) {
  constexpr std::size_t kWhole = 4 << 20;
  auto file = std::make_unique<MappedFile>();
  // HarfBuzz takes a length of 32 bits; no font comes near it.
  if (!file->open(path, kWhole) || file->bytes().size() > UINT32_MAX) return nullptr;
  if (file->bytes().empty()) return hb_blob_get_empty();
  const std::string_view bytes = file->bytes();
  return hb_blob_create_or_fail(bytes.data(), static_cast<unsigned>(bytes.size()), HB_MEMORY_MODE_READONLY,
                                file.release(), [](void* f) { delete static_cast<MappedFile*>(f); });
}

}  // namespace

int collection_face_index(const std::string& path, const std::string& family) {
  hb_blob_t* blob = map_font_file(path);
  if (!blob) return -1;
  int found = -1;
  const unsigned count = hb_face_count(blob);
  for (unsigned i = 0; i < count && found < 0; ++i) {
    hb_face_t* face = hb_face_create(blob, i);
    // A bold face of a collection keeps the family's name (ID 1) and says "Bold" in ID 2.
    if (face_name(face, HB_OT_NAME_ID_FONT_FAMILY) == family) found = static_cast<int>(i);
    hb_face_destroy(face);
  }
  hb_blob_destroy(blob);
  return found;
}

std::unique_ptr<FontFace> FontFace::load(const std::string& path, std::string& error, unsigned index) {
  // The file the blob maps is the one stamped before and after it was opened; when the two
  // differ it changed meanwhile, and the stamp is marked racy (not trusted next run).
  InputState state = look_at(path);
  hb_blob_t* blob = map_font_file(path);
  if (const InputState after = look_at(path); after.stamp != state.stamp) state.racy = true;
  if (!blob) {
    error = "cannot read font file '" + path + "'";
    return nullptr;
  }
  unsigned size = 0;
  const char* bytes = hb_blob_get_data(blob, &size);
  if (const std::string problem = sfnt_problem(bytes, size, index); !problem.empty()) {
    error = "font '" + path + "' is damaged: " + problem;
    hb_blob_destroy(blob);
    return nullptr;
  }
  hb_face_t* face = hb_face_create(blob, index);
  std::unique_ptr<FontFace> f(new FontFace());
  f->path_ = index ? path + "#" + std::to_string(index) : path;
  f->file_state_ = state;
  // Changed a moment ago: its stamp proves nothing yet, so the bytes loaded are named by their hash.
  if (state.racy) f->file_state_.hash = content_hash(std::string_view(bytes, size));
  f->glyphs_key_ = path;
  for (hb_tag_t tag : {HB_TAG('C', 'F', 'F', ' '), HB_TAG('g', 'l', 'y', 'f'), HB_TAG('h', 'm', 't', 'x')}) {
    // Where the table sits in the file: a collection's faces that share it point to one place.
    hb_blob_t* table = hb_face_reference_table(face, tag);
    unsigned length = 0;
    const char* at = hb_blob_get_data(table, &length);
    f->glyphs_key_ += "@" + (length ? std::to_string(at - bytes) : std::string("-"));
    hb_blob_destroy(table);
  }
  f->blob_ = blob;
  f->face_ = face;
  f->subset_face_ = hb_face_create_for_tables(without_dropped_tables, hb_face_reference(face), destroy_face);
  hb_face_set_index(static_cast<hb_face_t*>(f->subset_face_), index);
  hb_face_set_upem(static_cast<hb_face_t*>(f->subset_face_), hb_face_get_upem(face));
  hb_face_set_glyph_count(static_cast<hb_face_t*>(f->subset_face_), hb_face_get_glyph_count(face));
  hb_face_make_immutable(static_cast<hb_face_t*>(f->subset_face_));
  hb_font_t* font = hb_font_create(face);
  f->font_ = font;
  f->upem_ = hb_face_get_upem(face);
  hb_font_set_scale(font, static_cast<int>(f->upem_), static_cast<int>(f->upem_));
  hb_font_extents_t ext{};
  if (hb_font_get_h_extents(font, &ext)) {
    f->ascender_ = ext.ascender / f->upem_;
    f->descender_ = -ext.descender / f->upem_;
  }
  hb_font_make_immutable(font);  // shared by every thread that shapes with it
  f->low_cache_ = std::make_unique<std::atomic<std::uint64_t>[]>(kLowCacheSize);
  return f;
}

void FontFace::register_language(const std::string& lang) { hb_language_from_string(lang.c_str(), -1); }

FontFace::~FontFace() {
  hb_font_destroy(static_cast<hb_font_t*>(font_));
  hb_face_destroy(static_cast<hb_face_t*>(subset_face_));
  hb_face_destroy(static_cast<hb_face_t*>(face_));
  hb_blob_destroy(static_cast<hb_blob_t*>(blob_));
}

namespace {

// A low-cache slot: bit 33 set when filled, bit 32 coverage, the advance's float bits below.
std::uint64_t pack(float advance, bool covered) {
  std::uint32_t bits = 0;
  std::memcpy(&bits, &advance, sizeof bits);
  return (1ULL << 33) | (covered ? 1ULL << 32 : 0) | bits;
}

}  // namespace

FontFace::Glyph FontFace::lookup(char32_t cp) const {
  if (cp < kLowCacheSize) {
    if (const std::uint64_t slot = low_cache_[cp].load(std::memory_order_relaxed)) {
      float advance = 0;
      const auto bits = static_cast<std::uint32_t>(slot);
      std::memcpy(&advance, &bits, sizeof advance);
      return Glyph{advance, ((slot >> 32) & 1) != 0};
    }
  } else {
    std::shared_lock lock(high_mutex_);
    auto it = high_cache_.find(cp);
    if (it != high_cache_.end()) return it->second;
  }
  auto* font = static_cast<hb_font_t*>(font_);
  hb_codepoint_t gid = 0;
  bool covered = hb_font_get_nominal_glyph(font, cp, &gid);
  if (!covered) gid = 0;  // .notdef: what a viewer would draw
  Glyph g{static_cast<float>(hb_font_get_glyph_h_advance(font, gid) / upem_), covered};
  if (cp < kLowCacheSize) {
    low_cache_[cp].store(pack(g.advance, g.covered), std::memory_order_relaxed);
  } else {
    std::unique_lock lock(high_mutex_);
    high_cache_.emplace(cp, g);
  }
  return g;
}

double FontFace::advance(char32_t cp) const { return lookup(cp).advance; }
bool FontFace::covers(char32_t cp) const { return lookup(cp).covered; }

unsigned FontFace::glyph(char32_t cp) const {
  hb_codepoint_t gid = 0;
  return hb_font_get_nominal_glyph(static_cast<hb_font_t*>(font_), cp, &gid) ? gid : 0;
}

double FontFace::glyph_advance(unsigned gid) const {
  return hb_font_get_glyph_h_advance(static_cast<hb_font_t*>(font_), gid) / upem_;
}

FontFace::Subset FontFace::subset(const std::vector<unsigned>& glyphs) const { return recent_subset(glyphs); }

FontFace::Subset FontFace::recent_subset(const std::vector<unsigned>& glyphs) const {
  constexpr std::size_t kKept = 16;  // per face: a handful of fonts' worth of a catalogue's repeats
  {
    std::lock_guard<std::mutex> lock(subsets_mutex_);
    for (const auto& [asked, made] : subsets_)
      if (asked == glyphs) return made;
  }
  Subset made = make_subset(glyphs);  // outside the lock: threads subset different faces at once
  std::lock_guard<std::mutex> lock(subsets_mutex_);
  subsets_.emplace_back(glyphs, made);
  if (subsets_.size() > kKept) subsets_.pop_front();
  return made;
}

FontFace::Subset FontFace::make_subset(const std::vector<unsigned>& glyphs) const {
  Subset out;
  hb_subset_input_t* input = hb_subset_input_create_or_fail();
  if (!input) return out;
  hb_set_t* keep = hb_subset_input_glyph_set(input);
  for (unsigned g : glyphs) hb_set_add(keep, g);
  hb_set_clear(hb_subset_input_unicode_set(input));  // only the glyphs asked for (and their components)
  // No layout closure: the text is shaped already, so alternates and vertical forms the
  // features could reach are never drawn.
  hb_set_clear(hb_subset_input_set(input, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG));
  hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_NO_HINTING | HB_SUBSET_FLAGS_DESUBROUTINIZE);
  hb_set_t* drop = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
  for (hb_tag_t tag : kDroppedTables) hb_set_add(drop, tag);
  // From the face that hides them: given a cmap, the plan maps all of it (44,000 entries in a
  // CJK font) to glyphs whatever is kept; without, a CJK subset is planned for the kept glyphs only.
  hb_subset_plan_t* plan = hb_subset_plan_create_or_fail(static_cast<hb_face_t*>(subset_face_), input);
  if (plan) {
    const hb_map_t* mapping = hb_subset_plan_old_to_new_glyph_mapping(plan);
    for (unsigned g : glyphs) out.codes.push_back(hb_map_get(mapping, g));
    if (hb_face_t* result = hb_subset_plan_execute_or_fail(plan)) {
      hb_blob_t* cff = hb_face_reference_table(result, HB_TAG('C', 'F', 'F', ' '));
      unsigned size = 0;
      const char* data = hb_blob_get_data(cff, &size);
      if (size > 0) {
        // CFF outlines go into the PDF as the bare table, drawn by CID. hb-subset keeps the
        // font's own CIDs; renumbered, each glyph's CID is its subset glyph id.
        out.cff = true;
        out.file.assign(data, size);
        if (!cff_number_cids_by_glyph(out.file)) out.file.clear();
      } else {
        hb_blob_t* blob = hb_face_reference_blob(result);
        data = hb_blob_get_data(blob, &size);
        out.file.assign(data, size);
        hb_blob_destroy(blob);
      }
      hb_blob_destroy(cff);
      hb_face_destroy(result);
    }
    hb_subset_plan_destroy(plan);
  }
  hb_subset_input_destroy(input);
  if (out.file.empty()) out.codes.clear();
  else out.deflated = deflate_zlib(out.file, kDeflateSmall);  // kept with the subset: compressed once
  out.file_size = out.file.size();
  return out;
}

FontDescription FontFace::describe() const {
  auto* face = static_cast<hb_face_t*>(face_);
  auto* font = static_cast<hb_font_t*>(font_);
  FontDescription d;
  char name[128];
  unsigned len = sizeof name;
  if (hb_ot_name_get_utf8(face, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &len, name) > 0)
    d.postscript_name = name;
  // PDF names must be plain: keep letters, digits and '-'.
  d.postscript_name.erase(std::remove_if(d.postscript_name.begin(), d.postscript_name.end(),
                                         [](unsigned char c) { return !std::isalnum(c) && c != '-'; }),
                          d.postscript_name.end());
  if (d.postscript_name.empty()) d.postscript_name = "Font";
  d.ascent = ascender_;
  d.descent = -descender_;
  hb_position_t cap = 0;
  d.cap_height = hb_ot_metrics_get_position(font, HB_OT_METRICS_TAG_CAP_HEIGHT, &cap) ? cap / upem_ : ascender_ * 0.9;
  hb_blob_t* head = hb_face_reference_table(face, HB_TAG('h', 'e', 'a', 'd'));
  unsigned size = 0;
  const auto* h = reinterpret_cast<const unsigned char*>(hb_blob_get_data(head, &size));
  if (size >= 44) {
    auto s16 = [&](int at) { return static_cast<std::int16_t>((h[at] << 8) | h[at + 1]) / upem_; };
    d.bbox[0] = s16(36), d.bbox[1] = s16(38), d.bbox[2] = s16(40), d.bbox[3] = s16(42);
  }
  hb_blob_destroy(head);
  d.italic_angle = hb_style_get_value(font, HB_STYLE_TAG_SLANT_ANGLE);
  hb_blob_t* cff = hb_face_reference_table(face, HB_TAG('C', 'F', 'F', ' '));
  d.cff = hb_blob_get_length(cff) > 0;
  hb_blob_destroy(cff);
  return d;
}

}  // namespace handout
