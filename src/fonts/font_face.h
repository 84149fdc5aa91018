// Metrics of one TrueType face (advance widths, vertical metrics, coverage), read with HarfBuzz.
#pragma once
#include <atomic>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "util/file_state.h"

namespace handout {

/// One glyph as HarfBuzz placed it. Lengths are in em (multiply by the font size for points).
struct ShapedGlyph {
  unsigned id = 0;        ///< glyph index in the font file
  std::size_t cluster = 0;  ///< index of the first character (in the shaped text) it came from
  double advance = 0;     ///< horizontal advance, kerning included
  double dx = 0, dy = 0;  ///< offset from the pen position (marks, cursive attachment)
  bool unsafe_to_break = false;  ///< a line break here would change the shaping
};

/// A glyph as HarfBuzz returned it, in font units, its cluster relative to the shaped run.
struct RawGlyph {
  std::uint32_t id = 0;
  std::uint32_t cluster = 0;
  std::int32_t advance = 0, dx = 0, dy = 0;
  bool unsafe_to_break = false;
};

/// What a PDF writer needs to describe an embedded font.
struct FontDescription {
  std::string postscript_name;
  double ascent = 0, descent = 0, cap_height = 0;  ///< em
  double bbox[4] = {0, 0, 0, 0};                   ///< em: x min, y min, x max, y max
  double italic_angle = 0;
  bool cff = false;  ///< outlines in a CFF table (else TrueType glyf)
};

/// The index of the face named `family` (its family name, as fontconfig matches it) in the
/// collection `path` (.ttc), or -1 when the file is unreadable or holds no such face.
int collection_face_index(const std::string& path, const std::string& family);

/// One loaded font file. All metrics are in em (multiply by the font size for points).
class FontFace {
 public:
  /// Loads face `index` (0 unless a collection, .ttc) of a TrueType or OpenType file; returns
  /// null (and sets `error`) when it is missing or damaged.
  static std::unique_ptr<FontFace> load(const std::string& path, std::string& error, unsigned index = 0);
  /// Registers a language with HarfBuzz, whose list of languages is global and grows on first
  /// use: the build registers every language of a run (and English, for font names) before
  /// handouts are shaped in parallel.
  static void register_language(const std::string& lang);
  ~FontFace();
  FontFace(const FontFace&) = delete;
  FontFace& operator=(const FontFace&) = delete;

  /// The file, with "#N" after it for face N of a collection.
  const std::string& path() const { return path_; }
  /// The file as it was when loaded (its stamp; racy when it changed while being opened).
  const InputState& file_state() const { return file_state_; }
  /// Names the glyphs themselves: faces of one collection that share their outlines and
  /// advances (Noto Sans CJK's Japanese, Korean, Chinese faces share one CFF table; only their
  /// character maps differ) have the same key, and one embedded subset serves them all.
  const std::string& glyphs_key() const { return glyphs_key_; }
  /// Horizontal advance of a code point (the missing glyph's advance when not covered).
  double advance(char32_t cp) const;
  /// True when the font has a glyph for `cp`.
  bool covers(char32_t cp) const;
  double ascender() const { return ascender_; }    ///< above the baseline, positive
  double descender() const { return descender_; }  ///< below the baseline, positive

  /// Shapes text[begin, end) (the rest of `text` is context for joining and marks) with
  /// OpenType features: ligatures, kerning, marks, Arabic joining, Indic reordering. `script`
  /// is an ISO 15924 tag ("Deva") or "" to guess; `lang` a BCP 47 code. Glyphs come in visual
  /// order (right to left runs reversed) with clusters as indexes into `text`. Runs shaped
  /// before are kept (a catalogue sets its notice, headers, contact details and strings in
  /// every handout): thread-safe.
  std::vector<ShapedGlyph> shape(const std::u32string& text, std::size_t begin, std::size_t end, bool rtl,
                                 const std::string& lang) const;
  /// The font's glyph for a character (0, .notdef, when it has none).
  unsigned glyph(char32_t cp) const;
  /// Advance of a glyph, in em.
  double glyph_advance(unsigned gid) const;
  /// A subset holding `glyphs` (original ids), hinting and layout tables dropped.
  struct Subset {
    std::string file;            ///< a TrueType font file, or a bare CID-keyed CFF table; empty on failure
    std::string deflated;        ///< `file` in the zlib format, as the PDF embeds it; empty on failure
    bool cff = false;            ///< CFF outlines (a PDF CIDFontType0), else TrueType (CIDFontType2)
    std::vector<unsigned> codes; ///< glyphs[i]'s glyph id in the subset, also its CID (CFF CIDs renumbered)
    std::size_t file_size = 0;   ///< `file`'s length (a TrueType font's /Length1)
  };
  /// The last few subsets are kept: a run's handouts ask for the same ones again and again (the
  /// language-assistance notice sets the same taglines in every handout). Thread-safe.
  Subset subset(const std::vector<unsigned>& glyphs) const;
  /// Names and metrics for a PDF font descriptor.
  FontDescription describe() const;

 private:
  FontFace() = default;
  struct Glyph {
    float advance;
    bool covered;
  };
  Glyph lookup(char32_t cp) const;
  Subset make_subset(const std::vector<unsigned>& glyphs) const;
  Subset recent_subset(const std::vector<unsigned>& glyphs) const;
  std::vector<RawGlyph> shape_uncached(const std::u32string& text, std::size_t begin, std::size_t end, bool rtl,
                                       const std::string& lang) const;
  std::vector<ShapedGlyph> in_em(const std::vector<RawGlyph>& raw, std::size_t begin) const;

  std::string path_, glyphs_key_;
  InputState file_state_;
  void* blob_ = nullptr;  // hb_blob_t*, kept opaque so HarfBuzz stays inside this module
  void* face_ = nullptr;  // hb_face_t*
  void* subset_face_ = nullptr;  // hb_face_t*: face_ without the tables a subset drops
  void* font_ = nullptr;  // hb_font_t*
  double upem_ = 1000;
  double ascender_ = 0.8, descender_ = 0.2;
  // Glyph lookups, filled lazily and shared by the threads of a parallel build: code points
  // below 0x800 in lock-free slots (advance bits and coverage packed; 0: not looked up yet),
  // the rest in a map behind a reader-writer lock.
  mutable std::unique_ptr<std::atomic<std::uint64_t>[]> low_cache_;
  mutable std::unordered_map<char32_t, Glyph> high_cache_;
  mutable std::shared_mutex high_mutex_;
  // Recent subsets, newest last, by the glyphs asked for.
  mutable std::deque<std::pair<std::vector<unsigned>, Subset>> subsets_;
  mutable std::mutex subsets_mutex_;
  // Runs shaped, by what HarfBuzz saw (the run with its context, direction, language); their
  // clusters relative to the run.
  mutable std::unordered_map<std::u32string, std::vector<RawGlyph>> shapes_;
  mutable std::size_t shaped_glyphs_ = 0;
  mutable std::mutex shapes_mutex_;
};

}  // namespace handout
