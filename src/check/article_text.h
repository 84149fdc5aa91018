// An article's text as the patient reads it (front matter and Markdown resolved, code left
// out), each word tied to where it is written in the file, so checks can point at it.
#pragma once
#include <string>
#include <vector>

#include "check/readability.h"
#include "config/types.h"
#include "content/document.h"

namespace handout {

/// What a piece of text is on the handout; only running text counts for the reading level.
enum class TextRole { Title, Summary, Heading, Body, Caption };

/// Where a word of a piece starts in the source file.
struct WordPos {
  std::size_t offset = 0;  ///< byte offset of the word in TextPiece::text
  int line = 0, col = 0;   ///< 1-based; col counts bytes, as cmark does
};

/// One paragraph, list item paragraph, heading, caption, title or summary.
struct TextPiece {
  TextRole role = TextRole::Body;
  std::string text;  ///< plain text; a '\n' between two words written on different lines
  int line = 0, col = 0;  ///< where it starts
  std::vector<WordPos> words;  ///< every word's start, in order
  /// Where byte `offset` of `text` is written (the word that holds it, else the piece's start).
  WordPos position(std::size_t offset) const;
};

/// The article's text: title and summary (at their front matter lines), then every block with
/// text in order. Code blocks are left out; `body_source` is the Markdown with the front
/// matter blanked, so its lines are the file's.
std::vector<TextPiece> article_text(const Document& doc, const std::string& body_source, const ArticleMeta& meta);

/// The running text, as samples for measure(): the summary and the body's paragraphs and list
/// items. Headings, title and captions are labels, not sentences, and are left out.
std::vector<TextSample> reading_samples(const std::vector<TextPiece>& pieces);

}  // namespace handout
