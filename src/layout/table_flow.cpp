// Tables (GitHub-flavoured Markdown) in the flow: a grid of wrapped cells whose columns are
// sized from their content, the header row repeated above each continuation, or, where the
// column is too narrow for that, each row stacked as "label: value" lines.
#include <algorithm>
#include <numeric>

#include "layout/block_flow.h"
#include "util/text.h"

namespace handout {
namespace {

const Block kEmptyCell = [] {
  Block cell;
  cell.kind = BlockKind::TableCell;
  return cell;
}();

// The cell in column `c` of `row` (a row written short has empty cells at its end).
const Block& cell_at(const Block& row, std::size_t c) { return c < row.children.size() ? row.children[c] : kEmptyCell; }

std::size_t column_count(const Block& table) {
  std::size_t n = table.align.size();
  for (const auto& row : table.children) n = std::max(n, row.children.size());
  return n;
}

// Header cells are set in bold, as a reader expects column heads.
std::vector<Span> cell_spans(const Block& cell, bool header) {
  std::vector<Span> spans = cell.spans;
  if (header)
    for (auto& s : spans) s.strong = true;
  return spans;
}

// The words of a cell's text, split where it has white space.
std::vector<std::string> split_words(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    const auto end = text.find_first_of(" \t\n", start);
    if (end != start) out.push_back(text.substr(start, end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

const Block* header_row(const Block& table) {
  return !table.children.empty() && table.children.front().header ? &table.children.front() : nullptr;
}

}  // namespace

void FlowBuilder::table(const Block& b, Column col) {
  if (column_count(b) == 0) return;
  space_before(style_.table.space_before);
  const std::vector<double> widths = table_columns(b, col.w);
  tree_->open("Table");
  if (widths.empty())
    table_stacked(b, col);
  else
    table_grid(b, col, widths);
  tree_->close();
  space_before(style_.table.space_after);
}

// Column widths that fill `width`: each column gets at least what TableStyle asks for it (its
// longest word, a few words a line of running text), the rest of the room shared in proportion
// to what each would take on one line. Empty when that does not fit (the table is stacked).
std::vector<double> FlowBuilder::table_columns(const Block& b, double width) const {
  const std::size_t n = column_count(b);
  const TableStyle& t = style_.table;
  std::vector<double> natural(n, 0), least(n, t.min_column_ems * style_.body.size);
  Diagnostics quiet;  // what no font covers is reported when the cells are set
  for (const auto& row : b.children)
    for (std::size_t c = 0; c < n; ++c) {
      const Block& cell = cell_at(row, c);
      const auto spans = cell_spans(cell, row.header);
      ParagraphOptions options;
      options.rtl = style_.script.rtl;
      for (const auto& line : set_paragraph(spans, style_.inline_styles(style_.body), 1e6, fonts_, style_.script.lang,
                                            {source_file_, cell.line}, quiet, options))
        natural[c] = std::max(natural[c], line.width);
      const TextStyle& word_style = row.header ? style_.inline_styles(style_.body).bold : style_.body;
      for (const auto& word : split_words(plain_text(cell.spans)))
        least[c] = std::max(least[c], set_label(word, word_style, fonts_, style_.script).width);
    }
  const double pads = 2 * t.pad_x * static_cast<double>(n);
  for (std::size_t c = 0; c < n; ++c) {
    natural[c] = std::max(natural[c], least[c]);
    // Running text wraps into a column of a few words a line, never one word a line.
    least[c] = std::max(least[c], std::min(natural[c], t.text_column_ems * style_.body.size));
  }
  const double least_total = std::accumulate(least.begin(), least.end(), 0.0) + pads;
  if (least_total > width + 1e-6) return {};
  std::vector<double> out(n);
  const double natural_total = std::accumulate(natural.begin(), natural.end(), 0.0) + pads;
  if (natural_total <= width) {  // everything fits on one line: the spare room shared alike
    for (std::size_t c = 0; c < n; ++c) out[c] = natural[c] + 2 * t.pad_x + (width - natural_total) / n;
    return out;
  }
  const double stretch = natural_total - least_total;  // > 0 here
  for (std::size_t c = 0; c < n; ++c)
    out[c] = least[c] + 2 * t.pad_x + (width - least_total) * (natural[c] - least[c]) / stretch;
  return out;
}

// Sets one cell's text in its box at (x, pad) and returns the height it takes with its padding.
double FlowBuilder::cell_box(FlowBox& box, const Block& cell, bool header, Align align, double x, double w) {
  const TableStyle& t = style_.table;
  const double inner = std::max(1.0, w - 2 * t.pad_x);
  ParagraphOptions options;
  options.rtl = style_.script.rtl;
  const auto lines = set_paragraph(with_visible_targets(cell_spans(cell, header)), style_.inline_styles(style_.body),
                                   inner, fonts_, style_.script.lang, source_at(cell.line), diags_, options);
  const double baseline = baseline_in_box(fonts_.face(style_.body.font), style_.body);
  double y = t.pad_y;
  std::vector<Item> items;
  for (const auto& line : lines) {
    // Left (and unset) is the line's start; on a right-to-left page the whole page is mirrored.
    const double shift = align == Align::Right ? inner - line.width : align == Align::Center ? (inner - line.width) / 2 : 0;
    place_line(line, x + t.pad_x + std::max(0.0, shift), y + baseline, items);
    y += style_.body.line_height;
  }
  tree_->tag(items, tree_->current());
  box.items.insert(box.items.end(), items.begin(), items.end());
  return y + t.pad_y;
}

void FlowBuilder::table_grid(const Block& b, Column col, const std::vector<double>& widths) {
  const TableStyle& t = style_.table;
  const double total = std::accumulate(widths.begin(), widths.end(), 0.0);
  int header_box = -1;
  for (const auto& row : b.children) {
    FlowBox box;
    tree_->open("TR");
    double x = col.x, height = 0;
    for (std::size_t c = 0; c < widths.size(); ++c) {
      const int element = tree_->open(row.header ? "TH" : "TD");
      if (row.header) tree_->at(element).scope = "Column";
      height = std::max(height, cell_box(box, cell_at(row, c), row.header, c < b.align.size() ? b.align[c] : Align::None,
                                         x, widths[c]));
      tree_->close();
      x += widths[c];
    }
    tree_->close();
    box.height = height;
    std::vector<Item> frame;
    if (row.header) frame.push_back(RectItem{col.x, 0, total, height, t.header_fill, {}, 0, 0, {}});
    frame.push_back(LineItem{col.x, height, col.x + total, height, row.header ? t.header_rule : t.rule,
                             row.header ? t.header_rule_width : t.rule_width, {}});
    Structure::artifact(frame, Artifact::Layout);
    box.items.insert(box.items.begin(), frame.begin(), frame.end());
    if (row.header) {
      box.break_after = false;  // a header never ends a page without a row under it
      header_box = static_cast<int>(flow_.boxes.size());
    } else {
      box.repeat = header_box;
    }
    add_box(std::move(box));
  }
}

// Each body row as a block of "label: value" lines, the label its column's header: what fits
// a column too narrow for the grid, as responsive web tables do.
void FlowBuilder::table_stacked(const Block& b, Column col) {
  const TableStyle& t = style_.table;
  const Block* header = header_row(b);
  const double baseline = baseline_in_box(fonts_.face(style_.body.font), style_.body);
  bool first = true;
  for (const auto& row : b.children) {
    if (&row == header) continue;
    if (!first) space_before(t.stacked_gap);
    first = false;
    FlowBox box;
    tree_->open("TR");
    double y = 0;
    for (std::size_t c = 0; c < column_count(b); ++c) {
      const Block& cell = cell_at(row, c);
      const std::string label = header ? collapse_spaces(plain_text(cell_at(*header, c).spans)) : "";
      std::vector<Span> spans = label.empty() ? std::vector<Span>{} : plain_spans(this->label(label), true);
      if (cell.spans.empty()) continue;  // nothing to say for this column
      for (const auto& s : cell.spans) spans.push_back(s);
      tree_->open("TD");
      ParagraphOptions options;
      options.rtl = style_.script.rtl;
      const auto lines = set_paragraph(with_visible_targets(spans), style_.inline_styles(style_.body), col.w, fonts_,
                                       style_.script.lang, source_at(cell.line), diags_, options);
      std::vector<Item> items;
      for (const auto& line : lines) {
        place_line(line, col.x, y + baseline, items);
        y += style_.body.line_height;
      }
      tree_->tag(items, tree_->current());
      box.items.insert(box.items.end(), items.begin(), items.end());
      tree_->close();
    }
    tree_->close();
    std::vector<Item> rule{LineItem{col.x, y + t.stacked_gap / 2, col.x + col.w, y + t.stacked_gap / 2, t.rule,
                                    t.rule_width, {}}};
    Structure::artifact(rule, Artifact::Layout);
    box.items.insert(box.items.end(), rule.begin(), rule.end());
    box.height = y + t.stacked_gap / 2;
    add_box(std::move(box));
  }
}

}  // namespace handout
