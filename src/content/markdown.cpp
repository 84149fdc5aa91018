#include "content/markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <memory>
#include <mutex>

#include "content/pasted_text.h"
#include "util/link.h"
#include "util/text.h"
#include "util/utf8.h"

namespace handout {

ArticleSource split_front_matter(const std::string& text) {
  ArticleSource out;
  out.body = text;
  if (text.rfind("---\n", 0) != 0 && text.rfind("---\r\n", 0) != 0) return out;
  std::size_t pos = text.find('\n') + 1;
  int line = 2;
  while (pos < text.size()) {
    auto end = text.find('\n', pos);
    auto raw = text.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
    if (!raw.empty() && raw.back() == '\r') raw.pop_back();
    if (raw == "---" || raw == "...") {
      out.front_matter = text.substr(text.find('\n') + 1, pos - text.find('\n') - 1);
      out.front_matter_line = 2;
      // Keep one newline per front matter line so cmark's line numbers match the file.
      std::size_t body_start = end == std::string::npos ? text.size() : end + 1;
      out.body = std::string(line, '\n') + text.substr(body_start);
      return out;
    }
    if (end == std::string::npos) break;
    pos = end + 1;
    ++line;
  }
  return out;  // no closing fence: treat the whole file as Markdown
}

namespace {

struct NodeFree {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};

// Chinese and Japanese characters and punctuation, which are written without spaces (Korean
// Hangul, which uses spaces, is not among them).
bool east_asian_wide(char32_t c) {
  return (c >= 0x2E80 && c <= 0x9FFF && !(c >= 0x3130 && c <= 0x318F)) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) || (c >= 0x20000 && c <= 0x3FFFF);
}

bool joins_without_space(const std::vector<Span>& out) {
  if (out.empty() || out.back().text.empty()) return false;
  const std::u32string last = utf8_decode(out.back().text.substr(out.back().text.size() < 4 ? 0 : out.back().text.size() - 4));
  return !last.empty() && east_asian_wide(last.back());
}

bool starts_wide(cmark_node* next) {
  const char* text = next ? cmark_node_get_literal(next) : nullptr;
  if (!text || !*text) return false;
  const std::u32string first = utf8_decode(std::string_view(text).substr(0, 4));
  return !first.empty() && east_asian_wide(first.front());
}

class Converter {
 public:
  Converter(const std::string& path, Diagnostics& diags, std::vector<Reference>& refs)
      : path_(path), diags_(diags), refs_(refs) {}

  void blocks(cmark_node* parent, std::vector<Block>& out) {
    for (auto* n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) block(n, out);
  }

 private:
  struct InlineState {
    bool strong = false, emph = false, strike = false;
    std::string link;
  };

  // The image node when it is a paragraph's only content, else null.
  static cmark_node* lone_image(cmark_node* para) {
    cmark_node* first = cmark_node_first_child(para);
    return first && !cmark_node_next(first) && cmark_node_get_type(first) == CMARK_NODE_IMAGE ? first : nullptr;
  }

  void warn(cmark_node* n, const std::string& message) {
    diags_.warning(path_, cmark_node_get_start_line(n), cmark_node_get_start_column(n), message);
  }

  void block(cmark_node* n, std::vector<Block>& out) {
    Block b;
    b.line = cmark_node_get_start_line(n);
    b.col = cmark_node_get_start_column(n);
    if (cmark_node_get_type(n) == CMARK_NODE_ITEM && std::string(cmark_node_get_type_string(n)) == "tasklist") {
      b.task = true;  // "- [ ] ..." / "- [x] ...": printed with a box to tick
      b.checked = cmark_gfm_extensions_get_tasklist_item_checked(n);
    }
    if (cmark_node_get_type(n) == CMARK_NODE_PARAGRAPH) definition_list_hint(n);
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_PARAGRAPH:
        if (auto* image = lone_image(n)) {
          // An image alone in its paragraph is a figure: placed, with its description as caption.
          b.kind = BlockKind::Image;
          b.url = cmark_node_get_url(image) ? cmark_node_get_url(image) : "";
          inlines(image, {}, b.spans);
          reference(image, true);
          break;
        }
        b.kind = BlockKind::Paragraph;
        inlines(n, {}, b.spans);
        break;
      case CMARK_NODE_HEADING:
        b.kind = BlockKind::Heading;
        b.level = cmark_node_get_heading_level(n);
        inlines(n, {}, b.spans);
        break;
      case CMARK_NODE_LIST:
        b.kind = BlockKind::List;
        b.ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
        b.start = b.ordered ? cmark_node_get_list_start(n) : 1;
        b.tight = cmark_node_get_list_tight(n);
        blocks(n, b.children);
        break;
      case CMARK_NODE_ITEM:
        b.kind = BlockKind::ListItem;
        blocks(n, b.children);
        break;
      case CMARK_NODE_BLOCK_QUOTE:
        b.kind = BlockKind::BlockQuote;
        blocks(n, b.children);
        break;
      case CMARK_NODE_THEMATIC_BREAK:
        b.kind = BlockKind::ThematicBreak;
        break;
      case CMARK_NODE_CODE_BLOCK: {
        b.kind = BlockKind::CodeBlock;
        std::string code = cmark_node_get_literal(n) ? cmark_node_get_literal(n) : "";
        if (!code.empty() && code.back() == '\n') code.pop_back();
        Span s;
        s.code = true;
        s.text = code;
        b.spans.push_back(s);
        break;
      }
      case CMARK_NODE_HTML_BLOCK:
        warn(n, "raw HTML is not rendered; this block is left out of the handout");
        return;
      case CMARK_NODE_FOOTNOTE_DEFINITION:  // (cmark-gfm moves these to the end, and points past "[^1]: ")
        diags_.warning(path_, cmark_node_get_start_line(n), 1,
                       "footnotes are not printed; this footnote is left out of the handout (write it as a "
                       "sentence where it is referred to)");
        return;
      default:
        if (!extension_block(n, b)) {
          const char* type = cmark_node_get_type_string(n);
          warn(n, std::string("Markdown '") + (type ? type : "?") + "' is not printed; it is left out of the handout");
          return;
        }
    }
    out.push_back(std::move(b));
  }

  // The blocks GitHub's extensions add: tables (rows of cells). False for any other.
  bool extension_block(cmark_node* n, Block& b) {
    const std::string type = cmark_node_get_type_string(n);
    if (type == "table") {
      b.kind = BlockKind::Table;
      const uint16_t columns = cmark_gfm_extensions_get_table_columns(n);
      const uint8_t* align = cmark_gfm_extensions_get_table_alignments(n);
      for (uint16_t c = 0; c < columns; ++c)
        b.align.push_back(align && (align[c] == 'l' || align[c] == 'c' || align[c] == 'r') ? static_cast<Align>(align[c])
                                                                                              : Align::None);
      blocks(n, b.children);
      return true;
    }
    if (type == "table_header" || type == "table_row") {
      b.kind = BlockKind::TableRow;
      b.header = type == "table_header";
      blocks(n, b.children);
      return true;
    }
    if (type == "table_cell") {
      b.kind = BlockKind::TableCell;
      inlines(n, {}, b.spans);
      return true;
    }
    return false;
  }

  void add_text(const char* text, const InlineState& st, bool code, std::vector<Span>& out) {
    if (!text || !*text) return;
    if (!out.empty()) {
      auto& last = out.back();
      if (!last.hard_break && last.strong == st.strong && last.emph == st.emph && last.code == code &&
          last.strike == st.strike && last.link == st.link) {
        last.text += text;
        return;
      }
    }
    Span s;
    s.text = text;
    s.strong = st.strong;
    s.emph = st.emph;
    s.code = code;
    s.strike = st.strike;
    s.link = st.link;
    out.push_back(std::move(s));
  }

  // A paragraph line starting ": " under another is how some Markdown dialects write a
  // definition list; CommonMark reads it as text, so say that it is not a list here.
  void definition_list_hint(cmark_node* para) {
    for (auto* n = cmark_node_first_child(para); n; n = cmark_node_next(n)) {
      auto* next = cmark_node_next(n);
      const char* text = next ? cmark_node_get_literal(next) : nullptr;
      if (cmark_node_get_type(n) == CMARK_NODE_SOFTBREAK && text && std::string_view(text).starts_with(": ")) {
        warn(para, "a line starting with ': ' is printed as written: definition lists are not Markdown here "
                   "(write the term in bold, then its definition)");
        return;
      }
    }
  }

  void inlines(cmark_node* parent, InlineState st, std::vector<Span>& out) {
    for (auto* n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) {
      switch (cmark_node_get_type(n)) {
        case CMARK_NODE_TEXT: add_text(cmark_node_get_literal(n), st, false, out); break;
        case CMARK_NODE_CODE: add_text(cmark_node_get_literal(n), st, true, out); break;
        case CMARK_NODE_SOFTBREAK:
          // A line break in the source between two Chinese or Japanese characters is no space
          // (as CSS Text 3 segment-break rules); elsewhere it is one.
          if (!(joins_without_space(out) && starts_wide(cmark_node_next(n)))) add_text(" ", st, false, out);
          break;
        case CMARK_NODE_LINEBREAK: {
          Span s;
          s.hard_break = true;
          out.push_back(s);
          break;
        }
        case CMARK_NODE_EMPH: {
          auto inner = st;
          inner.emph = true;
          inlines(n, inner, out);
          break;
        }
        case CMARK_NODE_STRONG: {
          auto inner = st;
          inner.strong = true;
          inlines(n, inner, out);
          break;
        }
        case CMARK_NODE_LINK: {
          reference(n, false, parent);
          auto inner = st;
          // A link that is not safe to open keeps its text and loses the link.
          const LinkTarget target = link_target(cmark_node_get_url(n) ? cmark_node_get_url(n) : "");
          if (!target.ok()) warn(cmark_node_get_start_line(n) ? n : parent, target.refusal);
          inner.link = target.uri;
          if (bare_address(n) && target.ok()) {  // printed as the handout prints a website
            add_text(display_url(target.uri).c_str(), inner, false, out);
            break;
          }
          inlines(n, inner, out);
          break;
        }
        case CMARK_NODE_IMAGE:
          // An image inside running text cannot be placed: its description stands in, in italics.
          warn(n, "an image inside a paragraph is shown as its description; put it in a paragraph of its own to place it");
          reference(n, true);
          {
            auto inner = st;
            inner.emph = true;
            inlines(n, inner, out);
          }
          break;
        case CMARK_NODE_HTML_INLINE:
          warn(n, "raw HTML is not rendered; the tag is left out of the handout");
          break;
        case CMARK_NODE_FOOTNOTE_REFERENCE:
          warn(parent, "footnote references are not printed; '[^" +
                           std::string(cmark_node_get_literal(n) ? cmark_node_get_literal(n) : "") +
                           "]' is left out of the handout");
          break;
        default:
          if (std::string(cmark_node_get_type_string(n)) == "strikethrough") {
            auto inner = st;
            inner.strike = true;
            inlines(n, inner, out);
          } else {
            const char* type = cmark_node_get_type_string(n);
            warn(parent, std::string("Markdown '") + (type ? type : "?") + "' is not printed; it is left out of the handout");
          }
          break;
      }
    }
  }

  // A link written as a bare address (the autolink extension): its only text is the address.
  static bool bare_address(cmark_node* link) {
    cmark_node* text = cmark_node_first_child(link);
    const char* url = cmark_node_get_url(link);
    const char* literal = text ? cmark_node_get_literal(text) : nullptr;
    if (!text || cmark_node_next(text) || !url || !literal) return false;
    const std::string_view u(url), l(literal);
    return u == l || u == "http://" + std::string(l) || u == "mailto:" + std::string(l);
  }

  // Records a link or image where it is written (for a bare address, where its paragraph is),
  // with its target as written.
  void reference(cmark_node* n, bool image, cmark_node* parent = nullptr) {
    const char* url = cmark_node_get_url(n);
    cmark_node* at = cmark_node_get_start_line(n) == 0 && parent ? parent : n;
    Reference r{image, url ? url : "", "", cmark_node_get_start_line(at), cmark_node_get_start_column(at)};
    if (image) {
      std::vector<Span> alt;
      inlines(n, {}, alt);
      r.description = plain_text(alt);
    }
    refs_.push_back(std::move(r));
  }

  const std::string& path_;
  Diagnostics& diags_;
  std::vector<Reference>& refs_;
};

// One parse at a time in the process: cmark-gfm (0.29.0.gfm.6) keeps the characters that start
// an inline construct in one global table, which each parse fills with its extensions'
// characters and empties when done (github/cmark-gfm#176), and registers its extensions once
// in a global list. Two parses at once (--jobs 2) left bare addresses unlinked. The tree it
// returns is the parse's own: walking it needs no lock.
cmark_node* parse_gfm(const std::string& text) {
  static std::mutex one_parse;
  std::lock_guard lock(one_parse);
  cmark_gfm_core_extensions_ensure_registered();
  std::unique_ptr<cmark_parser, void (*)(cmark_parser*)> parser(
      cmark_parser_new(CMARK_OPT_SMART | CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_FOOTNOTES), cmark_parser_free);
  for (const char* name : {"table", "tasklist", "strikethrough", "autolink"})
    if (cmark_syntax_extension* extension = cmark_find_syntax_extension(name))
      cmark_parser_attach_syntax_extension(parser.get(), extension);
  cmark_parser_feed(parser.get(), text.data(), text.size());
  return cmark_parser_finish(parser.get());
}

}  // namespace

Document parse_markdown(const std::string& body, const std::string& path, Diagnostics& diags) {
  // GitHub's extensions: tables, task lists, strikethrough and bare addresses as links.
  // Footnotes are parsed only to be reported (they are not printed).
  const std::string text = normalise_pasted_bullets(body, path, diags);  // Word's "•<tab>" lines: a list
  std::unique_ptr<cmark_node, NodeFree> root(parse_gfm(text));
  Document doc;
  Converter(path, diags, doc.references).blocks(root.get(), doc.blocks);
  return doc;
}

std::string smart_punctuation(const std::string& text) {
  // Plain text, not Markdown: "1. Pain relief" or "[NVA](...)" must come out as written, only
  // with typographic quotes, dashes and ellipses (the same choices CommonMark's smart option makes).
  const std::u32string in = utf8_decode(text);
  std::u32string out;
  auto opens = [&](std::size_t i) {  // a quote at i starts a quotation: after a space or an opener
    if (i == 0) return true;
    const char32_t before = in[i - 1];
    return before == U' ' || before == U'\t' || before == U'\n' || before == U'(' || before == U'[' ||
           before == U'{' || before == U'\u2013' || before == U'\u2014' || before == U'\u201C' || before == U'\u2018';
  };
  for (std::size_t i = 0; i < in.size(); ++i) {
    const char32_t c = in[i];
    if (c == U'"') {
      out += opens(i) ? U'\u201C' : U'\u201D';
    } else if (c == U'\'') {
      out += opens(i) ? U'\u2018' : U'\u2019';  // closing quote and apostrophe are one character
    } else if (c == U'-' && i + 1 < in.size() && in[i + 1] == U'-') {
      const bool em = i + 2 < in.size() && in[i + 2] == U'-';
      out += em ? U'\u2014' : U'\u2013';
      i += em ? 2 : 1;
    } else if (c == U'.' && i + 2 < in.size() && in[i + 1] == U'.' && in[i + 2] == U'.') {
      out += U'\u2026';
      i += 2;
    } else {
      out += c;
    }
  }
  return utf8_encode(out);
}

}  // namespace handout
