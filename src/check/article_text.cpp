// The plain text of each block comes from the parsed Document (what the handout prints); the
// source positions come from finding its words, in order, in the block's own lines of the
// Markdown file. cmark keeps a position per block only, and markup, smart quotes and link
// destinations make the printed text differ from the source, so words are matched one by one.
#include "check/article_text.h"

#include <algorithm>

#include "check/letters.h"
#include "util/utf8.h"

namespace handout {
namespace {

using reading::is_unspaced_cjk;
using reading::is_word_char;

// The code point that starts at s[i] (U+FFFD for a broken sequence); `len` gets its length.
char32_t code_point_at(std::string_view s, std::size_t i, std::size_t& len) {
  len = std::max<std::size_t>(1, utf8_sequence_length(s, i));
  const std::u32string c = utf8_decode(s.substr(i, len));
  return c.empty() ? U'\uFFFD' : c.front();
}

// True when the code point there separates words: not a letter, or a CJK character (each of
// those is a word of its own).
bool separates(std::string_view s, std::size_t i) {
  std::size_t len = 0;
  const char32_t c = code_point_at(s, i, len);
  return !is_word_char(c) || is_unspaced_cjk(c);
}

bool boundary_before(std::string_view s, std::size_t i) {
  if (i == 0) return true;
  std::size_t j = i - 1;
  while (j > 0 && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80) --j;
  return separates(s, j);
}

struct WordSpan {
  std::size_t begin, end;
};

// The words of plain text: runs of letters, and each CJK character alone.
std::vector<WordSpan> words_of(std::string_view text) {
  std::vector<WordSpan> out;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t len = 0;
    const char32_t c = code_point_at(text, i, len);
    if (!is_word_char(c) || is_unspaced_cjk(c)) {
      if (is_unspaced_cjk(c)) out.push_back({i, i + len});
      i += len;
      continue;
    }
    std::size_t j = i + len;
    while (j < text.size() && !separates(text, j)) j += std::max<std::size_t>(1, utf8_sequence_length(text, j));
    out.push_back({i, j});
    i = j;
  }
  return out;
}

// The Markdown source with link destinations blanked ("[text](https://x)" keeps "[text]"), so
// a word of a link's text is never found in its address.
class SourceText {
 public:
  explicit SourceText(std::string text) : text_(std::move(text)) {
    blank_destinations();
    line_starts_.push_back(0);
    for (std::size_t i = 0; i < text_.size(); ++i)
      if (text_[i] == '\n') line_starts_.push_back(i + 1);
  }

  std::size_t offset(int line, int col) const {
    if (line < 1 || line_starts_.empty()) return 0;
    const std::size_t l = std::min<std::size_t>(line - 1, line_starts_.size() - 1);
    return std::min(text_.size(), line_starts_[l] + std::max(0, col - 1));
  }

  WordPos where(std::size_t offset) const {
    const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset) - 1;
    return {0, static_cast<int>(it - line_starts_.begin()) + 1, static_cast<int>(offset - *it) + 1};
  }

  // The first whole-word occurrence of `word` in [from, limit), or npos.
  std::size_t find_word(std::string_view word, std::size_t from, std::size_t limit) const {
    const bool cjk = words_of(word).size() == 1 && word.size() > 1 && separates(word, 0);
    for (std::size_t at = text_.find(word, from); at != std::string::npos && at + word.size() <= limit;
         at = text_.find(word, at + 1)) {
      const std::size_t end = at + word.size();
      if (cjk || (boundary_before(text_, at) && (end >= text_.size() || separates(text_, end)))) return at;
    }
    return std::string::npos;
  }

 private:
  void blank_destinations() {
    for (std::size_t at = text_.find("]("); at != std::string::npos; at = text_.find("](", at + 1)) {
      int depth = 0;
      for (std::size_t i = at + 1; i < text_.size(); ++i) {
        depth += text_[i] == '(' ? 1 : text_[i] == ')' ? -1 : 0;
        if (depth == 0) break;
        if (text_[i] != '\n' && i > at + 1) text_[i] = ' ';
      }
    }
  }

  std::string text_;
  std::vector<std::size_t> line_starts_;
};

// A piece of plain text with each word found in source[from, limit); a word written on a later
// line than the one before it gets a '\n' in place of the space between them.
TextPiece align(const std::string& plain, TextRole role, const SourceText& src, std::size_t from, std::size_t limit,
                int line, int col) {
  TextPiece p{role, "", line, col, {}};
  WordPos last{0, line, col};
  std::size_t cursor = from, copied = 0;
  for (const WordSpan& w : words_of(plain)) {
    const std::string_view word = std::string_view(plain).substr(w.begin, w.end - w.begin);
    const std::size_t found = src.find_word(word, cursor, limit);
    WordPos pos = found == std::string::npos ? last : src.where(found);
    if (found != std::string::npos) cursor = found + word.size();
    std::string gap = plain.substr(copied, w.begin - copied);
    if (!p.words.empty() && pos.line > last.line && !gap.empty() && gap.back() == ' ') gap.back() = '\n';
    p.text += gap;
    pos.offset = p.text.size();
    p.text += word;
    copied = w.end;
    p.words.push_back(pos);
    last = pos;
  }
  p.text += plain.substr(copied);
  return p;
}

// The blocks that hold text or end a region of the source: everything but containers.
void leaves(const std::vector<Block>& blocks, std::vector<const Block*>& out) {
  for (const Block& b : blocks) {
    const bool container = b.kind == BlockKind::List || b.kind == BlockKind::ListItem || b.kind == BlockKind::BlockQuote;
    if (container) leaves(b.children, out);
    else out.push_back(&b);
  }
}

// Front matter text (title, summary): YAML, not Markdown, so every word is at its value.
TextPiece front_matter_piece(const std::string& text, TextRole role, const SourcePos& at) {
  TextPiece p{role, text, at.line, at.col, {}};
  for (const WordSpan& w : words_of(text)) p.words.push_back({w.begin, at.line, at.col});
  return p;
}

TextRole role_of(BlockKind kind) {
  return kind == BlockKind::Heading ? TextRole::Heading : kind == BlockKind::Image ? TextRole::Caption : TextRole::Body;
}

}  // namespace

WordPos TextPiece::position(std::size_t offset) const {
  auto it = std::upper_bound(words.begin(), words.end(), offset, [](std::size_t o, const WordPos& w) { return o < w.offset; });
  if (it == words.begin()) return {offset, line, col};
  WordPos w = *(it - 1);
  w.col += static_cast<int>(offset - w.offset);
  w.offset = offset;
  return w;
}

std::vector<TextPiece> article_text(const Document& doc, const std::string& body_source, const ArticleMeta& meta) {
  std::vector<TextPiece> pieces;
  if (!meta.title.empty()) pieces.push_back(front_matter_piece(meta.title, TextRole::Title, meta.title_pos));
  if (!meta.summary.empty()) pieces.push_back(front_matter_piece(meta.summary, TextRole::Summary, meta.summary_pos));
  const SourceText src(body_source);
  std::vector<const Block*> blocks;
  leaves(doc.blocks, blocks);
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const Block& b = *blocks[i];
    if (b.kind == BlockKind::CodeBlock || b.kind == BlockKind::ThematicBreak) continue;
    const std::size_t from = src.offset(b.line, b.col);
    const std::size_t limit = i + 1 < blocks.size() ? src.offset(blocks[i + 1]->line, blocks[i + 1]->col) : body_source.size();
    const std::string plain = plain_text(b.spans);
    if (!plain.empty()) pieces.push_back(align(plain, role_of(b.kind), src, from, std::max(from, limit), b.line, b.col));
  }
  return pieces;
}

std::vector<TextSample> reading_samples(const std::vector<TextPiece>& pieces) {
  std::vector<TextSample> samples;
  for (const TextPiece& p : pieces)
    if (p.role == TextRole::Body || p.role == TextRole::Summary) samples.push_back({p.text, p.line});
  return samples;
}

}  // namespace handout
