// Translation units: an article (or a language's labels and clinic texts) cut into the pieces
// a translator translates, each with its inline Markdown as numbered codes, and a short hash of
// its source so a translation knows which English it was made from. Plain C++: the file
// formats (XLIFF via libxml2, PO via libgettextpo) live in the handout-translate.so module.
#pragma once
#include <string>
#include <vector>

#include "config/types.h"
#include "content/document.h"
#include "translate/tagged.h"

namespace handout::translate {

/// An inline element of a unit's text, numbered from 1 in the order the elements open. In a
/// unit's text it is written `<N>`...`</N>` (paired: emphasis, strong, strike, link) or `<N/>`
/// (standalone: a code span, a line break): the "tagged" form, which the PO file shows as is
/// and the XLIFF file as `<g id="N">` and `<x id="N"/>`.
struct InlineCode {
  enum class Kind { Strong, Emph, Strike, Link, Code, Break };
  Kind kind = Kind::Emph;
  int id = 0;
  std::string value;  ///< a link's target, a code span's text (neither is translated)
  bool paired() const { return kind != Kind::Code && kind != Kind::Break; }
  bool operator==(const InlineCode&) const = default;
};

/// The XLIFF ctype of a code ("bold", "italic", "link", "x-strike", "x-code", "lb").
inline const char* ctype(InlineCode::Kind kind) {
  switch (kind) {
    case InlineCode::Kind::Strong: return "bold";
    case InlineCode::Kind::Emph: return "italic";
    case InlineCode::Kind::Strike: return "x-strike";
    case InlineCode::Kind::Link: return "link";
    case InlineCode::Kind::Code: return "x-code";
    case InlineCode::Kind::Break: return "lb";
  }
  return "x-unknown";
}

/// What a unit is, for the translator's note and for staleness reports.
enum class UnitKind { Title, Summary, Heading, Paragraph, ListItem, TableCell, ImageAlt, ResourceIntro,
                      ResourceDescription, Label, ClinicText };
/// "paragraph", "list item", "heading", ... as a report names it.
const char* kind_name(UnitKind kind);

/// One piece to translate.
struct Unit {
  std::string id;     ///< "title", "summary", "b7" (7th body unit), "res-intro", "res-2", "label.phone"
  UnitKind kind = UnitKind::Paragraph;
  std::string note;   ///< its kind and place, for the translator ("heading level 2, line 11")
  std::string text;   ///< tagged form, see InlineCode
  std::vector<InlineCode> codes;
  int line = 0;       ///< where it is in its source file (0: unknown)
  /// A short hash of the text and its codes' values: 8 characters, a letter first, so it is a
  /// plain YAML string (see schema/front-matter.schema.json, `source.blocks`).
  std::string hash() const;
};

/// The units of an article, in a fixed order: title, summary, each text block of the body in
/// reading order (headings, paragraphs, list items' paragraphs, table cells, images' alt
/// text; code blocks are not translated), the resource list's intro and descriptions.
std::vector<Unit> article_units(const ArticleMeta& meta, const Document& body, const ResourceList& resources);

/// Spans as tagged text; the codes it uses are appended to `codes`.
std::string tagged_text(const std::vector<Span>& spans, std::vector<InlineCode>& codes);

/// What is wrong with a translation's codes against its source's (empty when nothing): a code
/// missing, added or used twice, a paired code closed before it opens or crossing another.
/// Paired codes may move and nest differently, as word order does between languages.
std::string code_problem(const std::string& source, const std::string& target);

/// Tagged text as Markdown inline text: codes become the Markdown they stand for (their link
/// targets and code text from `codes`), text is escaped so it stays text. `continuation` starts
/// the line after a hard break (the indent of the block it is in).
std::string tagged_to_markdown(const std::string& tagged, const std::vector<InlineCode>& codes,
                               const std::string& continuation = "");
/// Tagged text without its codes: what a label or a YAML text gets (code spans keep their text).
std::string tagged_to_plain(const std::string& tagged, const std::vector<InlineCode>& codes);

/// A pseudo-translation of tagged text: letters accented, vowels doubled and the text padded
/// with "~" to 35-40% longer, codes kept in place (for testing layouts).
std::string pseudo_text(const std::string& tagged);

}  // namespace handout::translate
