// Turns the article, resources and contact details into a Flow of boxes with break rules.
#pragma once
#include <string>
#include <vector>

#include "config/types.h"
#include "content/document.h"
#include "diag/diagnostic.h"
#include "layout/flow.h"
#include "layout/handout_layout.h"
#include "layout/inline_text.h"
#include "style/style.h"

namespace handout {

/// Builds a Flow one block at a time. Keeps the break rules: headings with what follows,
/// no widows or orphans, list markers with their text, resource entries whole.
class FlowBuilder {
 public:
  /// `width` is the column width; `hyphenator` may be null (no hyphenation).
  FlowBuilder(const Style& style, const FontSet& fonts, const FamilyFaces& body, std::string lang,
              std::string source_file, Diagnostics& diags, double width, const Hyphenator* hyphenator);

  /// The title block: title, summary, a meta line (e.g. the review date) and notices in small type.
  void title_block(const std::string& title, const std::string& summary, const std::string& meta,
                   const std::vector<std::string>& notices = {});
  /// Article blocks, at the left edge of the column.
  void blocks(const std::vector<Block>& blocks);
  /// The boxed resources section. Nothing is added when the list is empty.
  void resources_box(const std::string& label, const std::string& intro,
                     const std::vector<Resource>& resources, const Strings& strings);
  /// The clinic's contact block.
  void contact_block(const std::string& label, const ClinicInfo& clinic, const Strings& strings);

  /// The article's images, for figures (Markdown images alone in a paragraph).
  void set_images(const std::map<std::string, ArticleImage>* images) { images_ = images; }

  Flow take() { return std::move(flow_); }

 private:
  struct Column {
    double x = 0, w = 0;
  };

  /// Sets non-body text (titles, labels, resource entries): no justification or hyphenation.
  std::vector<SetLine> set(const std::vector<Span>& spans, const InlineStyles& styles, double width,
                           const TextSource& source);
  void children(const std::vector<Block>& blocks, Column col, int list_depth);
  void block(const Block& b, Column col, int list_depth, const Block* next_sibling);
  void space_before(double gap);
  void paragraph(const std::vector<Span>& spans, const InlineStyles& styles, Column col, int source_line,
                 const Block* next_sibling_hint = nullptr, bool body_text = true);
  void heading(const Block& b, Column col);
  void list(const Block& b, Column col, int depth);
  void quote(const Block& b, Column col, int depth);
  void code_block(const Block& b, Column col);
  void thematic_break(Column col);
  void figure(const Block& b, Column col);
  std::size_t add_lines(const std::vector<SetLine>& lines, const TextStyle& style, double x,
                        bool keep_all);
  void add_box(FlowBox box);
  void add_marker(std::size_t first_box, const std::string& marker, const TextStyle& style, double right_edge);
  int open_container(Container c);
  void close_container();
  /// Stacks lines into one unbreakable composite box, starting at `y` inside it; returns the new y.
  double stack(FlowBox& box, const std::vector<SetLine>& lines, const TextStyle& style, double x, double y);

  const Style& style_;
  const FontSet& fonts_;
  FamilyFaces body_faces_;
  std::string lang_;
  std::string source_file_;
  Diagnostics& diags_;
  double width_;
  const Hyphenator* hyphenator_;
  const std::map<std::string, ArticleImage>* images_ = nullptr;
  Flow flow_;
  std::vector<int> open_;       // open containers, outermost first
  bool at_start_ = true;        // nothing placed yet in the current container
  int keep_lines_ = 0;          // lines after a heading that must stay with it
  int next_paragraph_ = 0;      // id for the next run of paragraph lines
};

}  // namespace handout
