// Layout output: pages of positioned items. Plain data; renderers walk it.
// Coordinates are points from the page's top-left corner, y growing downwards.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "config/types.h"
#include "fonts/font_set.h"
#include "layout/logical_structure.h"
#include "qr/qr_code.h"

namespace handout {

/// What an item is to a reader of the tagged PDF: content of one element of the document's
/// structure, or an artifact (decoration and page furniture that assistive technology skips).
enum class Artifact : std::uint8_t { Layout, Pagination, Background };
struct Tag {
  int element = -1;  ///< index in PagedDocument::structure; -1: an artifact
  Artifact artifact = Artifact::Layout;
  int order = 0;     ///< logical position among its element's content (a line's runs are in visual order)
  int end = 0;       ///< text runs: the logical position just after the run
  int span = -1;     ///< the span of its paragraph it was set from (links become Link elements)
};

/// One shaped glyph of a text run. Lengths in points.
/// Every glyph of a handout is held until its page is drawn, so the fields are as narrow as
/// their values allow (24 bytes, not 40): a run's text is far below 4 GB, and a mark's offset
/// of a few points keeps far more precision in a float than the PDF's 0.001 pt.
struct GlyphPos {
  std::uint32_t id = 0;       ///< glyph index in the run's font file
  std::uint32_t cluster = 0;  ///< byte offset in the run's text of the characters it draws
  double advance = 0;         ///< how far the pen moves after it (kerning and justification included)
  float dx = 0, dy = 0;       ///< offset from the pen (marks); dy up
};
static_assert(sizeof(GlyphPos) == 24);

/// A run of shaped text in one font, size and colour, starting at (x, baseline). Glyphs are
/// in visual order; `text` is the run's characters in logical order, for text extraction.
struct TextItem {
  double x = 0, baseline = 0;
  FontId font = 0;
  double size = 12;
  Color color;
  std::string text;
  double width = 0;  ///< advance width: the sum of the glyphs' advances
  std::vector<GlyphPos> glyphs;
  bool rtl = false;  ///< a right-to-left run: glyphs are in the reverse of the text's order
  Tag tag;
};

/// A filled and/or stroked rectangle, optionally with rounded corners.
struct RectItem {
  double x = 0, y = 0, w = 0, h = 0;
  std::optional<Color> fill;
  std::optional<Color> stroke;
  double stroke_width = 0.75;
  double radius = 0;
  Tag tag;
};

/// A straight line.
struct LineItem {
  double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
  Color color;
  double width = 0.75;
  Tag tag;
};

/// A decoded image (see assets/image.h) placed in a box.
struct ImageItem {
  double x = 0, y = 0, w = 0, h = 0;
  std::string path;  ///< the image file; the renderer looks its decoded pixels up by this path
  Tag tag;
};

/// A clickable area opening a URI.
struct LinkItem {
  double x = 0, y = 0, w = 0, h = 0;
  std::string uri;
  Tag tag;
};

/// A QR code: its dark modules drawn as vector squares on a light square that takes in the
/// quiet zone. Mirroring a right-to-left page moves it and never flips it (a mirror image
/// would not scan). An artifact: the address it holds is printed beside it as text.
struct QrItem {
  double x = 0, y = 0, w = 0, h = 0;  ///< the light square, quiet zone included
  int quiet = 4;                      ///< modules of quiet zone on each side
  QrSymbol symbol;
  std::string text;                   ///< what it encodes
  Color dark, light;
  Tag tag;
  /// The side of one module in points.
  double module() const { return w / (symbol.modules + 2 * quiet); }
};

using Item = std::variant<TextItem, RectItem, LineItem, ImageItem, LinkItem, QrItem>;

/// One page: items in painting order.
struct PageFrame {
  std::vector<Item> items;
};

/// A bookmark: a heading and where it landed.
struct OutlineEntry {
  int level = 1;  ///< 1 = top level
  std::string title;
  int page = 0;  ///< 0-based
  double y = 0;  ///< top of the heading on that page
};


/// A laid-out handout.
struct PagedDocument {
  double width = 612, height = 792;
  std::vector<PageFrame> pages;
  std::vector<OutlineEntry> outline;
  DocumentInfo info;
  std::vector<StructElement> structure;  ///< element 0 is the Document; items point into it
};

}  // namespace handout
