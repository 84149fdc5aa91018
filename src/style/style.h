// Resolved visual style: the layout file and brand turned into concrete fonts, sizes and colours.
#pragma once
#include <string>

#include "config/types.h"
#include "fonts/font_set.h"

namespace handout {

/// The language and writing direction of a handout.
struct Script {
  std::string lang = "en";
  bool rtl = false;  ///< right to left: paragraphs start on the right and pages are mirrored
};

/// How one kind of text is set.
struct TextStyle {
  FontId font = 0;
  double size = 12;
  double line_height = 18;  ///< baseline-to-baseline distance in points
  Color color;
};

/// Every style decision the layout needs, in points and sRGB.
struct Style {
  Script script;
  double page_width = 612, page_height = 792;
  double margin_top = 48, margin_bottom = 50, margin_left = 64, margin_right = 64;
  double content_width() const { return page_width - margin_left - margin_right; }

  TextStyle body, body_italic;
  TextStyle title, summary, meta;
  TextStyle headings[6];
  TextStyle header_name, header_tagline, header_contact;
  TextStyle running, footer, footer_note;
  TextStyle box_label, resource_name;

  Color primary, accent;
  Color text{0x22, 0x2B, 0x30};     ///< near-black body text: softer than pure black
  Color muted{0x5A, 0x66, 0x6C};    ///< secondary text (summary, footer)
  Color link;                       ///< link text
  Color band_fill;                  ///< page-1 header band
  Color box_fill, box_stroke;       ///< resources box
  Color quote_fill, quote_bar;      ///< block quote call-out
  Color code_fill;                  ///< code block background
  Color rule;                       ///< thin rules

  double paragraph_gap = 8;
  double heading_space_before = 16, heading_space_after = 5;
  double list_indent = 20;  ///< hanging indent of list item text
  double list_item_gap = 3;
  double box_padding = 12;
  double header_band = 84;
  double running_header_height = 30;
  double footer_height = 34;
  int min_lines = 2;

  bool justify = false;    ///< body paragraphs justified
  bool hyphenate = true;   ///< body paragraphs hyphenated (when the language has patterns)
  bool total_fit = true;   ///< Knuth-Plass line breaking (else first fit)
  int columns = 1;
  double column_gap = 24;
  /// Width of one body column.
  double column_width() const { return (content_width() - column_gap * (columns - 1)) / columns; }
};

/// The face ids of a family, by style.
struct FamilyFaces {
  FontId regular = 0, bold = 1, italic = 2, bold_italic = 3;
};

/// Builds the style from a layout, brand colours and loaded font families.
Style make_style(const LayoutConfig& layout, const Brand& brand, const FamilyFaces& body,
                 const FamilyFaces& headings);

/// Mixes `c` with white: amount 0 gives white, 1 gives `c`.
Color tint(Color c, double amount);
/// Mixes `c` with black: amount 0 gives `c`, 1 gives black.
Color shade(Color c, double amount);

}  // namespace handout
