// The values layout is given and gives back, shared by its files: what a handout is made
// from (HandoutInput), the figures about its layout (LayoutStats) and the signature of a layout
// strategy. The bottom of layout/: it includes no other layout header.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "assets/image.h"
#include "config/types.h"
#include "content/document.h"
#include "diag/diagnostic.h"
#include "style/style.h"

namespace handout {

class Hyphenator;
struct PagedDocument;

/// An image of the article, found and measured by the build.
struct ArticleImage {
  std::string path;  ///< resolved file path
  ImageInfo info;
};

/// Small print under the title, and its language when that is not the handout's (a fallback
/// notice is said in the language the reader asked for).
struct Notice {
  std::string text;
  std::string lang;
};

/// One language's line of the language-assistance notice, in that language and script.
struct Tagline {
  std::string language;  ///< the language's own name ("Español")
  std::string text;      ///< the tagline, the clinic's phone filled in
  std::string lang;      ///< its language code
  std::string strings_path;  ///< the strings file it came from (an input of every handout)
};

/// What makes a handout one patient's copy: labelled lines ("Prepared for", "Clinician",
/// "Visit date") and the clinician's note, on page 1 before the article.
struct PersonalCopy {
  std::vector<std::pair<std::string, std::string>> lines;  ///< label, value (non-empty values only)
  std::string note_label;      ///< the note's heading
  const Document* note = nullptr;  ///< the note as Markdown blocks; null or empty: no note
  std::string source;          ///< where it came from ("visits.csv:7"), for messages
};

/// Everything one handout is made from.
struct HandoutInput {
  const PrintedClinic* clinic = nullptr;
  const LayoutConfig* layout = nullptr;
  const Strings* strings = nullptr;
  const ArticleMeta* meta = nullptr;
  const Document* body = nullptr;
  std::string intro;               ///< lead-in sentence of the resources box
  std::vector<Resource> resources; ///< the article's list, then the clinic's extras
  std::string lang;
  std::string article_file;        ///< for diagnostics
  std::optional<ImageInfo> logo;
  std::string creator;             ///< e.g. "handout 0.1.0"
  const Hyphenator* hyphenator = nullptr;  ///< the language's patterns; null: no hyphenation
  std::vector<Notice> notices;  ///< small print under the title (draft translation, fallback language)
  std::map<std::string, ArticleImage> images;  ///< the article's figures, by their URL as written
  std::string online_url;  ///< where this handout is online (a QR code when the layout asks); "" = nowhere
  std::vector<Tagline> taglines;  ///< the language-assistance notice at the end; empty: none
  const PersonalCopy* personal = nullptr;  ///< a patient's copy: their block on page 1; null: none
};

/// The fonts of a run and the faces of its body and heading families (make_style's input).
struct HandoutFonts {
  const FontSet* set = nullptr;
  FamilyFaces body, headings;
};

/// Figures about the layout, for --stats and tests.
struct LayoutStats {
  int pages = 0;
  int lines = 0;             ///< body lines set
  int forced_breaks = 0;     ///< page breaks no rule allowed (content taller than a page)
  int overfull_lines = 0;    ///< lines wider than their column (should always be 0)
  int hyphenated_lines = 0;  ///< lines ending in an added hyphen
  double worst_space = 1;    ///< widest justified word space over its natural width
  int loose_lines = 0;       ///< justified lines set short because spaces hit their limit
  int widows = 0;            ///< paragraphs leaving fewer than min_lines lines at a page's top
  int orphans = 0;           ///< ... or at a page's bottom
  double overflow = 0;       ///< trifold: points of content that did not fit the panels
};

/// How the language-assistance taglines are set: in `columns` side by side, in `text` (the
/// style's assistance text when null). Compact forms save a page at the end of a handout.
struct NoticeForm {
  int columns = 1;
  const TextStyle* text = nullptr;
};

/// One way of laying out a handout (pages in columns, the tri-fold sheet), chosen by the layout's
/// kind in layout_handout (layout/handout_layout.cpp). Never fails: problems become diagnostics.
using LayoutStrategy = PagedDocument (*)(const HandoutInput& in, const Style& style, const FontSet& fonts,
                                         Diagnostics& diags, LayoutStats& stats);

}  // namespace handout
