// Metrics of one TrueType face (advance widths, vertical metrics, coverage), read with HarfBuzz.
#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace handout {

/// One loaded font file. All metrics are in em (multiply by the font size for points).
class FontFace {
 public:
  /// Loads a TrueType file; returns null (and sets `error`) when it is missing or unusable.
  static std::unique_ptr<FontFace> load(const std::string& path, std::string& error);
  ~FontFace();
  FontFace(const FontFace&) = delete;
  FontFace& operator=(const FontFace&) = delete;

  const std::string& path() const { return path_; }
  /// Horizontal advance of a code point (the missing glyph's advance when not covered).
  double advance(char32_t cp) const;
  /// True when the font has a glyph for `cp`.
  bool covers(char32_t cp) const;
  double ascender() const { return ascender_; }    ///< above the baseline, positive
  double descender() const { return descender_; }  ///< below the baseline, positive

 private:
  FontFace() = default;
  struct Glyph {
    float advance;
    bool covered;
  };
  Glyph lookup(char32_t cp) const;

  std::string path_;
  void* blob_ = nullptr;  // hb_blob_t*, kept opaque so HarfBuzz stays inside this module
  void* face_ = nullptr;  // hb_face_t*
  void* font_ = nullptr;  // hb_font_t*
  double upem_ = 1000;
  double ascender_ = 0.8, descender_ = 0.2;
  mutable std::vector<Glyph> low_cache_;  // code points below 0x800, filled lazily
  mutable std::unordered_map<char32_t, Glyph> high_cache_;
};

}  // namespace handout
