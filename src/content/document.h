// The article as a small tree of blocks and styled text spans (our own types, not cmark's).
#pragma once
#include <string>
#include <vector>

#include "diag/diagnostic.h"

namespace handout {

/// A run of text with one inline style.
struct Span {
  std::string text;
  bool strong = false;
  bool emph = false;
  bool code = false;
  bool strike = false;      ///< struck through (~~text~~)
  std::string link;         ///< target URI when the text is a link
  bool hard_break = false;  ///< a forced line break (text is empty)
  bool operator==(const Span&) const = default;
};

enum class BlockKind {
  Paragraph, Heading, List, ListItem, BlockQuote, ThematicBreak, CodeBlock, Image,
  Table,      ///< children: its rows
  TableRow,   ///< children: its cells
  TableCell,  ///< spans: its text
};

/// A table column's alignment as written in its delimiter row (|:--|, |:-:|, |--:|).
enum class Align : char { None = 0, Left = 'l', Center = 'c', Right = 'r' };

/// One block of the article. Which fields matter depends on `kind`.
struct Block {
  BlockKind kind = BlockKind::Paragraph;
  int level = 0;              ///< heading level 1-6
  bool ordered = false;       ///< list: numbered?
  int start = 1;              ///< list: first number
  bool tight = true;          ///< list: no blank lines between items
  bool task = false;          ///< list item: a task ("- [ ]"), printed with a box to tick
  bool checked = false;       ///< list item: a task already done ("- [x]")
  bool header = false;        ///< table row: the header row
  std::vector<Align> align;   ///< table: each column's alignment
  std::vector<Span> spans;    ///< paragraph, heading, code block text; an image's description
  std::string url;            ///< image: its path as written (the build resolves it)
  std::vector<Block> children;  ///< list items; contents of items and quotes
  int line = 0, col = 0;      ///< where the block starts in the source file
};

/// A link or image as written in the source, kept for `handout check` (a refused link target
/// is dropped from its span, so this is the only place it survives).
struct Reference {
  bool image = false;
  std::string target;       ///< the link target or image path, as written
  std::string description;  ///< an image's description (alt text); empty for links
  int line = 0, col = 0;
};

/// A parsed article body.
struct Document {
  std::vector<Block> blocks;
  std::vector<Reference> references;  ///< every link and image, in source order
};

/// The plain text of some spans (hard breaks become newlines).
std::string plain_text(const std::vector<Span>& spans);
/// A short outline of the tree, one block per line, for tests.
std::string describe(const Document& doc);

}  // namespace handout
