// Our own fonts in the PDF: per set of outlines used (a face, or a collection's faces that
// share their glyphs), a subset of just the glyphs drawn (hb-subset, via
// FontFace::subset), written as a Type0 font (one-byte codes through an identity CMap up to
// 256 glyphs, Identity-H past that), a CIDFontType2 or CIDFontType0 descendant, /W for the
// glyphs drawn, and a ToUnicode map built from the shaper's clusters. Text is drawn as
// glyph-id strings with TJ adjustments for kerning and justification.
#pragma once
#include <map>
#include <set>
#include <string_view>
#include <unordered_map>
#include <string>
#include <vector>

#include "fonts/font_set.h"
#include "layout/frame.h"
#include "render/pdf/pdf_objects.h"

namespace handout {

class PdfFonts {
 public:
  /// Writes into `pdf`; its maps deflated at `compression_level` (deflate.h).
  PdfFonts(pdf::Document& pdf, const FontSet& fonts, int compression_level)
      : pdf_(pdf), fonts_(fonts), level_(compression_level) {}

  /// First pass: the glyphs every text item of `doc` draws, per font file.
  void collect(const PagedDocument& doc);
  /// Subsets each font and writes its objects. False with `error` naming the font on failure.
  bool embed(std::string& error);
  /// Content operators drawing `t` on `page` (y measured from the page's bottom edge). Runs of
  /// text items share one text object: the first opens it ("q BT"), end_text() closes it, and
  /// font, colour and rendering mode are written only when they change.
  /// `open` and `close` are written around the run inside the text object (marked content of
  /// the tagged PDF).
  std::string show(pdf::Page& page, const TextItem& t, double baseline_from_bottom, const std::string& open,
                   const std::string& close);
  /// Closes the open text object, if any ("" otherwise).
  std::string end_text();
  /// Writes the ToUnicode maps, now that every cluster drawn is known.
  void finish();

 private:
  static constexpr unsigned kUnused = ~0u;
  // What a single-glyph cluster stands for: its characters as in the text, and whether a
  // reader meets them turned around (several characters in a right-to-left run).
  struct Meaning {
    std::string utf8;
    bool reversed = false;
    bool known = false;  // a cluster has said it
  };
  struct Embedded {
    const FontFace* face = nullptr;
    std::vector<unsigned> new_id;        // by original glyph id: the code drawing it, kUnused if none
    std::vector<double> advance;         // by code: the advance /W gives it, in em
    int code_bytes = 2;                   // 1: subset glyph ids through an encoding CMap; 2: Identity-H
    pdf::Dict type0, to_unicode;
    std::vector<Meaning> text_of;        // by code: the characters it stands for
  };
  Embedded& entry(FontId id);
  bool embed_one(Embedded& e, std::string& error);
  // The subset's font file stream and its /FontDescriptor.
  pdf::Dict descriptor(const FontFace::Subset& subset, const FontDescription& d, const std::string& name);
  // The /Encoding CMap stream for one-byte codes, CID = code.
  pdf::Dict one_byte_encoding();
  pdf::Dict system_info();  // Adobe-Identity-0
  // Font, size, colour and rendering mode for `t`, written only where they change.
  std::string text_state(pdf::Page& page, const TextItem& t);
  // Notes what a single-glyph cluster means as text; false if the glyph already means other text.
  bool map_glyph(Embedded& e, unsigned code, std::string_view utf8, bool reversed);

  // What the open text object has set, so unchanged state is not written again.
  struct TextState {
    bool open = false;
    std::string font, colour;
    double size = 0;
    bool bold = false;
    long long x = 0, y = 0;  // where the current line starts, in 1/1000 pt (BT starts at 0 0)
  } state_;

  pdf::Document& pdf_;
  const FontSet& fonts_;
  int level_;
  std::map<std::string, Embedded> by_glyphs_;     // by FontFace::glyphs_key: one font per set of outlines
  std::unordered_map<FontId, Embedded*> by_id_;  // each face's entry, found once
  pdf::Dict one_byte_encoding_;  // made when the first font uses it
};

}  // namespace handout
