// The catalogue page (`build --index`): every handout of a build as a static HTML page, a grid
// of cards per language with a thumbnail, the title in its own script and what a clinician
// needs to pick one. A pure function from entries to text: no I/O, no script.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/types.h"
#include "util/text.h"  // html_escape, which the page uses and its tests check

namespace handout {

/// Where a handout's text comes from.
enum class TranslationStatus {
  Original,  ///< written in this language
  Draft,     ///< a translation not yet reviewed (`translation: draft`)
  Reviewed,  ///< a reviewed translation (`translation: reviewed`)
  Fallback,  ///< the language lacks the article: another language's text is printed
};

/// One handout on the page.
struct CatalogueEntry {
  std::string title;       ///< the article's title, in its own script
  std::string title_lang;  ///< the language the title is written in (BCP 47)
  bool title_rtl = false;  ///< the title is written right to left
  std::string layout;      ///< the layout's name ("letter", "large-print")
  std::string pdf_href;    ///< the PDF, relative to the page ("ar/vaginismus.pdf")
  std::string thumbnail_href;  ///< its first page as PNG, relative to the page ("" when none)
  int thumbnail_width = 0, thumbnail_height = 0;  ///< in pixels
  int pages = 0;
  std::size_t bytes = 0;
  TranslationStatus translation = TranslationStatus::Original;
  std::string fallback_name;    ///< with Fallback: the printed language's own name ("English")
  bool outdated = false;        ///< a translation whose source changed since it was made
  std::optional<double> grade;  ///< reading grade from `handout check` (none: no running text)
  double target_grade = 6;
};

/// The handouts of one language, headed by its name in itself.
struct CatalogueSection {
  std::string lang;      ///< its code ("ar")
  std::string name_own;  ///< its name in itself ("العربية")
  bool rtl = false;      ///< the language is written right to left
  std::vector<CatalogueEntry> entries;
};

/// The page's colours: the clinic's brand as the handouts' style resolved it (contrast-checked).
struct CatalogueColors {
  Color primary{0x2F, 0x6B, 0x6F}, accent{0x8F, 0xB8, 0xA8};
  Color text{0x22, 0x2B, 0x30}, muted{0x5A, 0x66, 0x6C}, link{0x2F, 0x6B, 0x6F};
};

/// Everything the page shows.
struct CataloguePage {
  std::string clinic;     ///< the clinic's name
  std::string generator;  ///< "handout 0.1.0", in the footer
  CatalogueColors colors;
  std::vector<CatalogueSection> sections;
};

/// The page as one HTML5 document (UTF-8); every text and attribute value is escaped.
std::string catalogue_html(const CataloguePage& page);


/// A relative path as a URL path: bytes other than letters, digits, '-', '.', '_', '~' and
/// '/' percent-encoded.
std::string url_path(std::string_view path);

}  // namespace handout
