#include "content/document.h"

namespace handout {

std::string plain_text(const std::vector<Span>& spans) {
  std::string out;
  for (const auto& s : spans) out += s.hard_break ? "\n" : s.text;
  return out;
}

namespace {

const char* kind_name(BlockKind k) {
  switch (k) {
    case BlockKind::Paragraph: return "para";
    case BlockKind::Heading: return "heading";
    case BlockKind::List: return "list";
    case BlockKind::ListItem: return "item";
    case BlockKind::BlockQuote: return "quote";
    case BlockKind::ThematicBreak: return "rule";
    case BlockKind::CodeBlock: return "code";
    case BlockKind::Image: return "image";
    case BlockKind::Table: return "table";
    case BlockKind::TableRow: return "row";
    case BlockKind::TableCell: return "cell";
  }
  return "?";
}

std::string describe_spans(const std::vector<Span>& spans) {
  std::string out;
  for (const auto& s : spans) {
    if (s.hard_break) {
      out += "<br>";
      continue;
    }
    std::string open, close;
    if (s.strong) open += "**", close = "**" + close;
    if (s.emph) open += "_", close = "_" + close;
    if (s.code) open += "`", close = "`" + close;
    if (s.strike) open += "~~", close = "~~" + close;
    out += open + s.text + close;
    if (!s.link.empty()) out += "<" + s.link + ">";
  }
  return out;
}

void describe_block(const Block& b, int depth, std::string& out) {
  out += std::string(depth * 2, ' ') + kind_name(b.kind);
  if (b.kind == BlockKind::Heading) out += std::to_string(b.level);
  if (b.kind == BlockKind::List) out += b.ordered ? " ordered start=" + std::to_string(b.start) : " bullet";
  if (b.kind == BlockKind::Image) out += " " + b.url;
  if (b.task) out += b.checked ? " [x]" : " [ ]";
  if (b.header) out += " header";
  if (!b.align.empty()) {
    out += " align=";
    for (Align a : b.align) out += a == Align::None ? '-' : static_cast<char>(a);
  }
  if (!b.spans.empty()) out += " " + describe_spans(b.spans);
  out += '\n';
  for (const auto& c : b.children) describe_block(c, depth + 1, out);
}

}  // namespace

std::string describe(const Document& doc) {
  std::string out;
  for (const auto& b : doc.blocks) describe_block(b, 0, out);
  return out;
}

}  // namespace handout
