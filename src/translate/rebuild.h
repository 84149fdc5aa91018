// A translation written back as handout's inputs: the source article's structure (headings,
// lists, tables, images, quotes, code) with each unit's translated text, and its resource list.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "config/types.h"
#include "content/document.h"
#include "translate/units.h"

namespace handout::translate {

/// Translated text (tagged form) by unit id. A unit without one keeps its source text.
using Translations = std::map<std::string, std::string>;

/// The front matter of a translation, besides title and summary.
struct TranslationHeader {
  std::vector<std::string> keywords;
  std::string translation = "draft";  ///< draft or reviewed
  std::string source_language, translated;
  TranslationSource source;
};

/// `source:` as YAML lines (no trailing newline), hashes eight to a line.
std::string source_yaml(const TranslationSource& source);
/// An article's text with its front matter's `source:` replaced (or added at its end).
std::string with_source(const std::string& article_text, const TranslationSource& source);
/// A YAML double-quoted string.
std::string yaml_quoted(const std::string& text);

/// The translated article: front matter and the Markdown body in the source's structure.
/// `units` are the source's (article_units of the same source).
std::string article_markdown(const Document& source_body, const std::vector<Unit>& units, const Translations& t,
                             const TranslationHeader& header);
/// The translated resource list: names, websites and phones as in the source, the intro and
/// descriptions translated.
std::string resources_yaml(const ResourceList& source, const std::vector<Unit>& units, const Translations& t);

}  // namespace handout::translate
