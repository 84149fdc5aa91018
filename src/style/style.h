// Resolved visual style: the layout file and brand turned into concrete fonts, sizes and colours.
#pragma once
#include <string>
#include <vector>

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

/// The face ids of a family, by style.
struct FamilyFaces {
  FontId regular = 0, bold = 1, italic = 2, bold_italic = 3;
};

/// The text styles one paragraph uses for its spans.
struct InlineStyles {
  TextStyle regular, bold, italic, bold_italic;
  Color link_color;
  Color code_fill{0xEC, 0xEF, 0xF1};  ///< behind code spans
};

/// Builds InlineStyles from a base style and a family's faces (bold/italic variants share size).
InlineStyles inline_styles(const TextStyle& base, const FamilyFaces& faces, Color link_color);

/// Where the page furniture sits: page 1's header band, the running header of later pages, the
/// footer, and the tri-fold's cover, back panel and fold marks. Points unless said otherwise.
struct FurnitureStyle {
  /// Nothing printed closer to a sheet's edge (0.25 in): office printers leave an uneven white
  /// strip there and clip what is in it. Tints and rules may bleed.
  double safe_edge = 18;
  double band_logo_inset = 18;  ///< above and below the logo inside the band (at least safe_edge)
  double band_logo_max_width = 150, band_logo_max_share = 0.3;  ///< widest logo: points, share of the text width
  double band_logo_gap = 14;     ///< logo to clinic name
  double band_contact_gap = 16;  ///< clinic name to the phone and website column
  double band_text_inset = 18;   ///< above and below the name and tagline (the band grows to keep it)
  double band_rule_width = 2.5;  ///< the primary-colour rule under the band (and the cover's tint)
  double title_below_band = 24;  ///< page 1: band to the title
  double running_baseline = 16;  ///< running header: its baseline above the top margin
  double running_rule = 8;       ///< its rule above the top margin
  double running_title_gap = 24; ///< clinic name to the article title
  double body_below_running = 8; ///< later pages: the body starts this far below the top margin
  /// The footer's last baseline above the page edge: at least this, or this share of the bottom margin.
  double footer_baseline_min = 22, footer_baseline_share = 0.4;
  /// A handout's last page holds at least this share of its body height when re-flowing the
  /// page before can give it that; a last page under `notice_compact_below` tries a compact
  /// language-assistance notice (two columns, then `notice_compact_scale` of its size, never
  /// under `notice_min_size` points) to save the sheet.
  double last_page_min = 0.25, notice_compact_below = 0.5, notice_compact_scale = 0.88, notice_min_size = 8;
  int footer_lines = 2;
  double gap_shrink = 0.25;      ///< share of a page's white space pagination may take back (paginate)          ///< most lines the footer takes on every page (note and contact line)
  double footer_label_gap = 12;  ///< contact line to the page label
  double footer_dot_air = 0.55;  ///< either side of the contact line's middle dots, in ems
  double footer_rule_gap = 0.5;  ///< footer text to its rule, in ems of the footer size
  double body_above_footer = 12; ///< the body stops this far above the footer's rule
  double rule_width = 0.6;       ///< running header and footer rules
  double cover_band_share = 0.36;  ///< tri-fold cover: the tinted share of its height
  double cover_logo_height = 72;
  double cover_top = 10, cover_logo_gap = 10, cover_tagline_gap = 2;  ///< cover, from the top down
  double cover_title_gap = 30, cover_summary_gap = 10, cover_meta_gap = 8, cover_notice_gap = 4;
  double cover_note_gap = 8;     ///< tri-fold cover: the footer note to the phone and website under it
  /// Tri-fold: the tuck-in panel (folded inside, under the cover) is this much narrower than the
  /// other two, so it does not buckle against the fold (print shops ask for 1/16 to 1/8 in).
  double tuck_in_narrower = 6.75;
  /// Tri-fold back panel: the taglines are set as large as fits, from the body size down to
  /// this (still readable); between them and the contact details at least `back_gap`.
  double back_tagline_min = 6.5, back_gap = 10;
  double back_tagline_leading = 1.2, back_tagline_gap = 1.5;  ///< their line height (in ems) and spacing
  /// Tri-fold fold marks: short ticks from the sheet's edge into the top and bottom margins,
  /// shorter than the 0.25 in safe margin, so they never reach text.
  double fold_tick = 12, fold_tick_width = 0.5;
  Color fold_tick_color{0xB8, 0xBE, 0xC2};
};

/// QR codes: which are drawn, and how. A module of 0.56 mm is above the 0.5 mm that phone
/// cameras read at arm's length; the quiet zone is the 4 modules ISO/IEC 18004 asks for.
struct QrStyle {
  bool resources = false;  ///< a code beside each resource's website
  bool online = false;     ///< a code for the handout's online copy (page 1, or the tri-fold's back)
  double module = 1.6;
  int quiet = 4;
  double gap = 8;          ///< between the code's quiet zone and the text beside it
  Color dark{0, 0, 0}, light{0xFF, 0xFF, 0xFF};  ///< the most contrast a scanner can get
};

/// Tables (GitHub-flavoured Markdown): cells padded, a rule under each row, the header row on
/// a tint. Each column needs its longest word, at least `min_column_ems` of the body size, and
/// for running text (a column that would wrap) `text_column_ems`, a few words a line; a table
/// whose columns cannot all get that is set as stacked "label: value" rows (a tri-fold panel).
struct TableStyle {
  double pad_x = 6, pad_y = 4;
  double rule_width = 0.5, header_rule_width = 1;
  double space_before = 10, space_after = 2;
  double min_column_ems = 3.5, text_column_ems = 10;
  double stacked_gap = 6;  ///< between stacked rows
  Color header_fill, rule, header_rule;
};

/// Every style decision the layout needs, in points and sRGB. Built once per handout by the
/// job (make_style); the layout only reads it: no size, colour or spacing is decided there.
struct Style {
  Script script;
  double page_width = 612, page_height = 792;
  double margin_top = 48, margin_bottom = 50, margin_left = 64, margin_right = 64;
  double content_width() const { return page_width - margin_left - margin_right; }

  /// The body and heading families' faces (in large print, italics are replaced by bold).
  FamilyFaces body_faces, heading_faces;

  TextStyle body, body_italic;
  TextStyle code;          ///< code blocks
  TextStyle caption;       ///< figure captions
  TextStyle list_marker;   ///< bullets (numbers use `text`)
  TextStyle title, summary, meta, notice;
  TextStyle headings[6];
  TextStyle header_name, header_tagline, header_contact;
  TextStyle running, footer, footer_note;
  TextStyle box_label, resource_name;
  TextStyle assistance;    ///< the language-assistance taglines

  Color primary, accent;
  Color text{0x22, 0x2B, 0x30};     ///< near-black body text: softer than pure black
  Color muted{0x5A, 0x66, 0x6C};    ///< secondary text (summary, footer)
  Color link;                       ///< link text
  Color band_fill;                  ///< page-1 header band
  Color box_fill, box_stroke;       ///< resources box
  Color quote_fill, quote_bar;      ///< block quote call-out
  Color code_fill;                  ///< code block background
  Color code_span_fill{0xEC, 0xEF, 0xF1};  ///< behind code spans in running text
  Color rule;                       ///< thin rules

  double paragraph_gap = 8;
  double heading_space_before = 16, heading_space_after = 5;
  double minor_heading_space = 0.8;  ///< levels 3-6 get this share of heading_space_before
  double list_indent = 20;  ///< hanging indent of list item text
  double list_item_gap = 3;
  double list_marker_gap = 5;  ///< between a list marker and its text
  double min_indented_column = 144;  ///< two inches: narrower columns are not indented further

  /// The title block: gaps after the title, before the meta line and each notice; the accent
  /// rule under it (its share of the width, thickness, gap above and below).
  double title_summary_gap = 6, title_meta_gap = 3, title_notice_gap = 2;
  double title_rule_share = 0.22, title_rule_width = 2.5, title_rule_above = 10, title_rule_below = 6;
  double title_block_after = 12;  ///< page 1: below the title block, before the body

  double quote_space_before = 12, quote_space_after = 4;
  double quote_padding = 9, quote_bar_width = 3.5;
  double quote_text_left = 15, quote_text_right = 9;  ///< text inset from the box's edges
  double code_padding = 7, code_radius = 3;
  double figure_space_before = 12;
  double figure_dpi = 150;           ///< natural size of a figure's pixels
  double figure_max_height = 0.45;   ///< share of the page's text height
  double caption_gap = 4, figure_space_below = 2;
  double break_rule_share = 0.3, break_rule_width = 1.2;  ///< thematic break
  TableStyle table;
  double task_box = 0.7;        ///< a task list's box to tick, in ems of the body size
  double task_box_stroke = 0.9;

  double box_padding = 12;
  double box_text_inset = 15;        ///< resources box: text inset from the box's sides
  double box_label_after = 4;        ///< below the box label (and intro) before the first entry
  double box_radius = 6;
  double box_space_before = 20;      ///< above the resources box and the contact block
  double box_label_gap = 2;          ///< between the box label and its intro
  double resource_gap = 10;          ///< between resource entries
  double contact_gutter = 24;        ///< between the contact block's two columns
  double contact_column_min = 176;   ///< narrower columns: the contact block is one column
  double contact_rule_width = 0.75, contact_label_top = 8, contact_hours_gap = 4;
  double assistance_gap = 3;         ///< between language-assistance taglines
  double header_band = 84;
  FurnitureStyle furniture;
  QrStyle qr;
  int min_lines = 2;

  bool justify = false;    ///< body paragraphs justified
  bool hyphenate = true;   ///< body paragraphs hyphenated (when the language has patterns)
  bool total_fit = true;   ///< Knuth-Plass line breaking (else first fit)
  int columns = 1;
  double column_gap = 24;
  double min_text_size = 0;  ///< the layout's smallest text size (large print: the body's)
  /// Width of one body column.
  double column_width() const { return (content_width() - column_gap * (columns - 1)) / columns; }

  /// The styles a paragraph set in `base` uses: bold and italic from the same family, links
  /// in the link colour, code spans on their tint.
  InlineStyles inline_styles(const TextStyle& base) const;
};

/// Builds the style from a layout, brand colours, the loaded font families and the language.
Style make_style(const LayoutConfig& layout, const Brand& brand, const FamilyFaces& body,
                 const FamilyFaces& headings, const Script& script = {});

/// How far apart the body sizes a tri-fold tries are, in points.
constexpr double kBodySizeStep = 0.25;

/// The body sizes a layout allows, largest first: body_size, then down in kBodySizeStep steps
/// to min_body_size (only body_size when that is not set).
std::vector<double> body_sizes(const LayoutConfig& layout);

/// `base` (made by make_style from `layout`) with the body at `body_size`: headings, gaps and
/// the text that follows the body scale with it; colours, faces and the title stay.
Style with_body_size(const Style& base, const LayoutConfig& layout, double body_size);

/// WCAG 2.1 contrast ratio of two colours (1 to 21).
double contrast_ratio(Color a, Color b);
/// Mixes `c` with white: amount 0 gives white, 1 gives `c`.
Color tint(Color c, double amount);
/// Mixes `c` with black: amount 0 gives `c`, 1 gives black.
Color shade(Color c, double amount);

}  // namespace handout
