// Markdown (CommonMark via cmark) to our document model. The only file that sees cmark.
#pragma once
#include <string>

#include "content/document.h"
#include "diag/diagnostic.h"

namespace handout {

/// An article file split into its front matter and body.
struct ArticleSource {
  std::string front_matter;  ///< YAML text without the --- fences ("" when absent)
  int front_matter_line = 0; ///< file line of the first YAML line
  std::string body;          ///< Markdown; front matter lines blanked so line numbers match the file
};

/// Splits `---` fenced YAML front matter off the top of a Markdown file.
ArticleSource split_front_matter(const std::string& text);

/// Parses Markdown with smart punctuation. Raw HTML is dropped with a warning; images
/// show their description text.
/// Applies CommonMark smart punctuation to a plain label (curly quotes and apostrophes,
/// dashes, ellipses), e.g. for resource names and descriptions written in YAML.
std::string smart_punctuation(const std::string& text);

Document parse_markdown(const std::string& body, const std::string& path, Diagnostics& diags);

}  // namespace handout
