// Turns the article, resources and contact details into a Flow of boxes with break rules.
#pragma once
#include <string>
#include <vector>

#include "content/document.h"
#include "diag/diagnostic.h"
#include "layout/flow.h"
#include "layout/inline_text.h"
#include "layout/layout_types.h"
#include "layout/structure.h"
#include "style/style.h"

namespace handout {

/// The baseline of text in `st` in a line box of its line height: half the leading above.
double baseline_in_box(const FontFace& face, const TextStyle& st);

/// Builds a Flow one block at a time. Keeps the break rules: headings with what follows,
/// no widows or orphans, list markers with their text. Knows Markdown blocks, not clinics:
/// the handout's own sections (layout/handout_sections.h) are built with its public steps.
class FlowBuilder {
 public:
  /// `width` is the column width; `hyphenator` may be null (no hyphenation).
  FlowBuilder(const Style& style, const FontSet& fonts, std::string source_file, Diagnostics& diags, double width,
              const Hyphenator* hyphenator);

  /// The language's punctuation after a label ("Phone: ", "電話：") and between the items of
  /// a list set in one line ("; ", "؛ ").
  struct Punctuation {
    std::string label = ": ", list = "; ";
  };
  void set_punctuation(Punctuation p) { punctuation_ = std::move(p); }
  /// `text` and the label separator; with `keep`, its last space a no-break one, so the label
  /// never ends a line without the value after it.
  std::string label(const std::string& text, bool keep = false) const;
  const std::string& list_separator() const { return punctuation_.list; }

  /// The article's images, for figures (Markdown images alone in a paragraph).
  void set_images(const std::map<std::string, ArticleImage>* images) { images_ = images; }

  // The steps the sections are built from.
  struct Column {
    double x = 0, w = 0;
  };
  /// Article blocks, at the left edge of the column.
  void blocks(const std::vector<Block>& list) { blocks_in(list, Column{0, width_}); }
  /// Blocks set in a column of their own (a note inside a box).
  void blocks_in(const std::vector<Block>& blocks, Column col);
  const Style& style() const { return style_; }
  double width() const { return width_; }
  const std::string& source_file() const { return source_file_; }
  /// Text set from now on is a patient's (`source` names its CSV row), until called with "":
  /// messages about it count characters and never quote them.
  void personal_text(const std::string& source) { personal_source_ = source; }
  /// Sets non-body text (titles, labels, resource entries): no justification or hyphenation.
  /// `lang`, when given, is the text's language when it is not the page's (its own script and
  /// direction: an Arabic tagline on an English page reads right to left).
  std::vector<SetLine> set(const std::vector<Span>& spans, const TextStyle& style, double width,
                           const TextSource& source, const std::string& lang = "");
  /// The same, balanced and broken only where words end (titles, headings, summaries).
  std::vector<SetLine> set_balanced(const std::vector<Span>& spans, const TextStyle& style, double width,
                                    const TextSource& source);
  /// Stacks lines into one unbreakable composite box, starting at `y` inside it; returns the new y.
  /// The lines are content of the open structure element.
  double stack(FlowBox& box, const std::vector<SetLine>& lines, const TextStyle& style, double x, double y);
  /// The same, as a new structure element of `role` (e.g. "P") inside the open one.
  /// `lang`, when given, is the element's language (it differs from the handout's).
  double stack_as(const std::string& role, FlowBox& box, const std::vector<SetLine>& lines, const TextStyle& style,
                  double x, double y, const std::string& lang = "");
  /// The structure tree the flow's content is tagged into (the builder's own unless set).
  Structure& structure() { return *tree_; }
  void set_structure(Structure* tree) { tree_ = tree; }
  /// The tag level of the handout's section headings (the title is H1).
  static constexpr int kSectionHeading = 2;
  void add_box(FlowBox box);
  /// A label drawn again at the top of a page: "<label> (continued)" for a section's entries
  /// run on to it, or a box's own label on a page the box opens. A FlowBox::repeat_only box,
  /// untagged (drawn as an artifact), ending `after` below its last line. Returns its flow
  /// index, for the boxes' `repeat`.
  int add_repeated_label(const std::string& text, const TextStyle& style, double x, double width, double after);
  /// A gap, unless nothing has been placed yet in the current container.
  void space_before(double gap);
  /// Drops any "keep the next lines together" left by a heading or a lead-in.
  void release_keeps() { keep_lines_ = 0; }
  int open_container(Container c);
  void close_container();

  Flow take() { return std::move(flow_); }

 private:
  TextSource source_at(int line) const {
    return personal_source_.empty() ? TextSource{source_file_, line} : TextSource{personal_source_, 0, true};
  }
  void children(const std::vector<Block>& blocks, Column col, int list_depth);
  void block(const Block& b, Column col, int list_depth, const Block* next_sibling);
  void paragraph(const std::vector<Span>& spans, const TextStyle& style, Column col, int source_line,
                 const Block* next_sibling_hint = nullptr, bool body_text = true);
  void heading(const Block& b, Column col);
  void list(const Block& b, Column col, int depth);
  void quote(const Block& b, Column col, int depth);
  void code_block(const Block& b, Column col);
  void thematic_break(Column col);
  void figure(const Block& b, Column col);
  // Tables (table_flow.cpp): a grid when each column gets room, else stacked rows.
  void table(const Block& b, Column col);
  void table_grid(const Block& b, Column col, const std::vector<double>& widths);
  void table_stacked(const Block& b, Column col);
  std::vector<double> table_columns(const Block& b, double width) const;
  double cell_box(FlowBox& box, const Block& cell, bool header, Align align, double x, double w);
  std::size_t add_lines(const std::vector<SetLine>& lines, const TextStyle& style, double x,
                        bool keep_all);
  void add_marker(std::size_t first_box, const std::string& marker, const TextStyle& style, double right_edge,
                  int label_element);
  void add_task_box(std::size_t first_box, bool checked, double right_edge, int label_element);

  const Style& style_;
  const FontSet& fonts_;
  std::string source_file_;
  std::string personal_source_;  // while a patient's text is set: its CSV row
  Punctuation punctuation_;
  Diagnostics& diags_;
  double width_;
  const Hyphenator* hyphenator_;
  const std::map<std::string, ArticleImage>* images_ = nullptr;
  Flow flow_;
  std::vector<int> open_;       // open containers, outermost first
  bool at_start_ = true;        // nothing placed yet in the current container
  int keep_lines_ = 0;          // lines after a heading that must stay with it
  int next_paragraph_ = 0;      // id for the next run of paragraph lines
  Structure own_tree_;
  Structure* tree_ = &own_tree_;
  int top_heading_ = 1;         // the article's biggest heading level (tagged H2)
  int last_tag_level_ = 1;      // the last heading's tag level: levels are never skipped
};

/// Spans of plain text in one style; `link` makes them a link.
std::vector<Span> plain_spans(const std::string& text, bool strong = false, const std::string& link = "");
/// In print a link's target is invisible, so a link whose text is not its address gets the
/// address after it, in parentheses: "the NVA (www.nva.org)".
std::vector<Span> with_visible_targets(const std::vector<Span>& spans);

}  // namespace handout
