#include "layout/block_flow.h"

#include <algorithm>

#include "text/hyphenation.h"
#include "util/text.h"
#include "util/utf8.h"

namespace handout {

// Half-leading above and below the font's extent.
double baseline_in_box(const FontFace& face, const TextStyle& st) {
  return st.line_height / 2 + (face.ascender() - face.descender()) / 2 * st.size;
}

namespace {

// The biggest heading level used in `blocks` (7 when there is none).
int top_heading(const std::vector<Block>& blocks) {
  int top = 7;
  for (const auto& b : blocks) {
    if (b.kind == BlockKind::Heading) top = std::min(top, b.level);
    top = std::min(top, top_heading(b.children));
  }
  return top;
}

bool ends_with_colon(const std::vector<Span>& spans) {
  auto text = collapse_spaces(plain_text(spans));
  return !text.empty() && text.back() == ':';
}

}  // namespace

// In print a link's target is invisible, so a link whose text is not its address gets the
// address after it, in parentheses: "the NVA (www.nva.org)".
std::vector<Span> with_visible_targets(const std::vector<Span>& spans) {
  std::vector<Span> out;
  for (std::size_t i = 0; i < spans.size(); ++i) {
    out.push_back(spans[i]);
    const auto& link = spans[i].link;
    const bool run_ends = !link.empty() && (i + 1 == spans.size() || spans[i + 1].link != link);
    if (!run_ends || link[0] == '#') continue;
    std::string text;
    for (std::size_t k = i + 1; k-- > 0 && spans[k].link == link;) text = spans[k].text + text;
    const std::string shown = display_url(link);
    if (text.find(shown) != std::string::npos || shown.empty()) continue;
    Span target;
    target.text = " (" + shown + ")";
    target.link = link;
    out.push_back(target);
  }
  return out;
}


std::vector<Span> plain_spans(const std::string& text, bool strong, const std::string& link) {
  Span s;
  s.text = text;
  s.strong = strong;
  s.link = link;
  return {s};
}

std::vector<SetLine> FlowBuilder::set(const std::vector<Span>& spans, const TextStyle& style, double width,
                                      const TextSource& source, const std::string& lang) {
  ParagraphOptions options;
  options.rtl = style_.script.rtl;
  return set_paragraph(spans, style_.inline_styles(style), width, fonts_, lang.empty() ? style_.script.lang : lang,
                       personal_source_.empty() ? source : source_at(source.line), diags_, options);
}

std::string FlowBuilder::label(const std::string& text, bool keep) const {
  std::string sep = punctuation_.label;
  if (keep && !sep.empty() && sep.back() == ' ') sep.replace(sep.size() - 1, 1, "\u00A0");
  // "電話：" has no space to make unbreakable: a word joiner holds the value to it.
  else if (keep) sep += "\u2060";
  return text + sep;
}

std::vector<SetLine> FlowBuilder::set_balanced(const std::vector<Span>& spans, const TextStyle& style, double width,
                                               const TextSource& source) {
  ParagraphOptions options;
  options.rtl = style_.script.rtl;
  options.balance = true;
  return set_paragraph(spans, style_.inline_styles(style), width, fonts_, style_.script.lang,
                       personal_source_.empty() ? source : source_at(source.line), diags_, options);
}

FlowBuilder::FlowBuilder(const Style& style, const FontSet& fonts, std::string source_file, Diagnostics& diags,
                         double width, const Hyphenator* hyphenator)
    : style_(style), fonts_(fonts), source_file_(std::move(source_file)), diags_(diags), width_(width),
      hyphenator_(hyphenator) {}

void FlowBuilder::add_box(FlowBox box) {
  box.containers = open_;
  if (!box.is_gap && !box.repeat_only) {
    at_start_ = false;
    if (keep_lines_ > 0 && box.is_line) {
      box.break_after = false;
      --keep_lines_;
    }
  }
  flow_.boxes.push_back(std::move(box));
}

int FlowBuilder::add_repeated_label(const std::string& text, const TextStyle& st, double x, double width,
                                     double after) {
  FlowBox box;
  box.repeat_only = true;
  const double baseline = baseline_in_box(fonts_.face(st.font), st);
  double y = 0;
  for (const auto& line : set(plain_spans(text), st, width, {source_file_, 0})) {
    place_line(line, x, y + baseline, box.items);
    y += st.line_height;
  }
  box.height = y + after;
  add_box(std::move(box));
  return static_cast<int>(flow_.boxes.size()) - 1;
}

void FlowBuilder::space_before(double gap) {
  if (at_start_ || gap <= 0) return;
  FlowBox g;
  g.is_gap = true;
  g.height = gap;
  add_box(std::move(g));
}

std::size_t FlowBuilder::add_lines(const std::vector<SetLine>& lines, const TextStyle& st, double x,
                                   bool keep_all) {
  const std::size_t first = flow_.boxes.size();
  const int n = static_cast<int>(lines.size()), min = style_.min_lines;
  const double baseline = baseline_in_box(fonts_.face(st.font), st);
  const int paragraph = next_paragraph_++;
  for (int k = 0; k < n; ++k) {
    FlowBox box;
    box.height = st.line_height;
    box.is_line = true;
    box.paragraph = paragraph;
    place_line(lines[k], x, baseline, box.items);
    tree_->tag(box.items, tree_->current());
    box.hyphenated = lines[k].hyphenated;
    box.space_ratio = lines[k].space_ratio;
    box.loose = lines[k].loose;
    box.overflow = x + lines[k].width - width_;
    // No orphan (fewer than `min` lines before a break) and no widow (fewer after it), and
    // never a hyphen on the last line of a page.
    const bool last = k == n - 1;
    box.break_after = last ? !keep_all
                           : (k + 1 >= min && n - (k + 1) >= min && !keep_all && !lines[k].hyphenated);
    add_box(std::move(box));
  }
  return first;
}

double FlowBuilder::stack(FlowBox& box, const std::vector<SetLine>& lines, const TextStyle& st, double x,
                          double y) {
  const double baseline = baseline_in_box(fonts_.face(st.font), st);
  std::vector<Item> items;
  for (const auto& line : lines) {
    place_line(line, x, y + baseline, items);
    y += st.line_height;
  }
  tree_->tag(items, tree_->current());
  box.items.insert(box.items.end(), items.begin(), items.end());
  return y;
}

double FlowBuilder::stack_as(const std::string& role, FlowBox& box, const std::vector<SetLine>& lines,
                             const TextStyle& st, double x, double y, const std::string& lang) {
  tree_->at(tree_->open(role)).lang = lang;
  y = stack(box, lines, st, x, y);
  tree_->close();
  return y;
}

void FlowBuilder::blocks_in(const std::vector<Block>& list, Column col) {
  top_heading_ = std::min(6, top_heading(list));
  children(list, col, 0);
}

// Each block sees the one after it: a lead-in paragraph ending in ':' keeps its list with it
// at any depth (in a list item or a quote as at the top).
void FlowBuilder::children(const std::vector<Block>& list, Column col, int depth) {
  for (std::size_t i = 0; i < list.size(); ++i) block(list[i], col, depth, i + 1 < list.size() ? &list[i + 1] : nullptr);
}

void FlowBuilder::block(const Block& b, Column col, int depth, const Block* next) {
  switch (b.kind) {
    case BlockKind::Paragraph:
      space_before(style_.paragraph_gap);
      paragraph(b.spans, style_.body, col, b.line, next);
      break;
    case BlockKind::Heading: heading(b, col); break;
    case BlockKind::List: list(b, col, depth); break;
    case BlockKind::ListItem: break;  // only inside lists
    case BlockKind::BlockQuote: quote(b, col, depth); break;
    case BlockKind::CodeBlock: code_block(b, col); break;
    case BlockKind::ThematicBreak: thematic_break(col); break;
    case BlockKind::Image: figure(b, col); break;
    case BlockKind::Table: table(b, col); break;
    case BlockKind::TableRow:
    case BlockKind::TableCell: break;  // only inside tables
  }
}

void FlowBuilder::paragraph(const std::vector<Span>& spans, const TextStyle& style, Column col,
                            int source_line, const Block* next, bool body_text) {
  ParagraphOptions options;
  options.total_fit = style_.total_fit;
  options.justify = body_text && style_.justify;
  options.hyphenator = body_text && style_.hyphenate ? hyphenator_ : nullptr;
  options.rtl = style_.script.rtl;
  auto lines = set_paragraph(with_visible_targets(spans), style_.inline_styles(style), col.w, fonts_,
                             style_.script.lang, source_at(source_line), diags_, options);
  // A lead-in such as "Common factors include:" stays on the page with the list it introduces.
  const bool lead_in = next && next->kind == BlockKind::List && ends_with_colon(spans);
  tree_->open(body_text ? "P" : "Code");
  add_lines(lines, style, col.x, false);
  tree_->close();
  if (lead_in && !flow_.boxes.empty()) {
    // Like a heading, the lead-in keeps at least `min_lines` lines of its list with it.
    flow_.boxes.back().break_after = false;
    keep_lines_ = std::max(0, style_.min_lines - 1);
  }
}

void FlowBuilder::heading(const Block& b, Column col) {
  const int level = std::clamp(b.level, 1, 6);
  const TextStyle& st = style_.headings[level - 1];
  space_before(style_.heading_space_before * (level <= 2 ? 1.0 : style_.minor_heading_space));
  auto lines = set_balanced(b.spans, st, col.w, {source_file_, b.line});
  // Tagged from H2 down (the title is H1), never skipping a level.
  last_tag_level_ = std::min({6, level - top_heading_ + kSectionHeading, last_tag_level_ + 1});
  tree_->open("H" + std::to_string(last_tag_level_));
  const std::size_t first = add_lines(lines, st, col.x, true);
  tree_->close();
  for (std::size_t i = first; i < flow_.boxes.size(); ++i) flow_.boxes[i].is_heading = true;
  if (first < flow_.boxes.size())
    flow_.boxes[first].bookmark = OutlineEntry{level, collapse_spaces(plain_text(b.spans)), 0, 0};
  FlowBox after;
  after.height = style_.heading_space_after;
  after.break_after = false;
  add_box(std::move(after));
  // Keep the heading with at least `min_lines` lines of what follows.
  keep_lines_ = std::max(0, style_.min_lines - 1);
  at_start_ = true;  // the next block needs no extra space above it
}

void FlowBuilder::add_marker(std::size_t first_box, const std::string& marker, const TextStyle& st,
                             double right_edge, int label_element) {
  for (std::size_t i = first_box; i < flow_.boxes.size(); ++i) {
    auto& box = flow_.boxes[i];
    if (box.is_gap || !box.is_line) continue;
    double baseline = baseline_in_box(fonts_.face(st.font), st);
    for (const auto& item : box.items)
      if (auto* t = std::get_if<TextItem>(&item)) {
        baseline = t->baseline;
        break;
      }
    const auto text = set_label(marker, st, fonts_, style_.script);
    std::vector<Item> items;
    place_line(text, right_edge - text.width, baseline, items);
    tree_->tag(items, label_element);
    box.items.insert(box.items.begin(), items.begin(), items.end());
    return;
  }
}

void FlowBuilder::add_task_box(std::size_t first_box, bool checked, double right_edge, int label_element) {
  for (std::size_t i = first_box; i < flow_.boxes.size(); ++i) {
    auto& box = flow_.boxes[i];
    if (box.is_gap || !box.is_line) continue;
    double baseline = baseline_in_box(fonts_.face(style_.body.font), style_.body);
    for (const auto& item : box.items)
      if (auto* t = std::get_if<TextItem>(&item)) {
        baseline = t->baseline;
        break;
      }
    const double size = style_.task_box * style_.body.size, x = right_edge - size, top = baseline - size;
    std::vector<Item> items{RectItem{x, top, size, size, {}, style_.text, style_.task_box_stroke, 0, {}}};
    if (checked) {  // a tick inside the box, drawn mirrored on a page that mirror_page turns round
      auto at = [&](double share) { return x + size * (style_.script.rtl ? 1 - share : share); };
      items.push_back(LineItem{at(0.2), top + size * 0.5, at(0.42), top + size * 0.75, style_.text,
                               style_.task_box_stroke * 1.4, {}});
      items.push_back(LineItem{at(0.42), top + size * 0.75, at(0.82), top + size * 0.22, style_.text,
                               style_.task_box_stroke * 1.4, {}});
    }
    for (auto& item : items) std::visit([&](auto& it) { it.tag.element = label_element; }, item);
    tree_->at(label_element).alt = checked ? "\u2611" : "\u2610";  // what a screen reader says: a ballot box
    box.items.insert(box.items.begin(), items.begin(), items.end());
    return;
  }
}

void FlowBuilder::list(const Block& b, Column col, int depth) {
  static const char* kBullets[] = {"\u2022", "\u25E6", "\u25AA"};
  const auto& bullet_face = fonts_.face(style_.body.font);
  space_before(depth == 0 ? style_.paragraph_gap : style_.list_item_gap);
  // Deeply nested lists stop indenting once the column would get too narrow to read.
  const double indent = col.w - style_.list_indent >= style_.min_indented_column ? style_.list_indent : 0;
  const Column inner{col.x + indent, col.w - indent};
  const TextStyle& marker_style = b.ordered ? style_.body : style_.list_marker;
  int number = b.start;
  bool first_item = true;
  tree_->open("L");
  for (const auto& item : b.children) {
    if (!first_item) space_before(b.tight ? style_.list_item_gap : style_.paragraph_gap);
    first_item = false;
    at_start_ = true;
    const std::size_t first_box = flow_.boxes.size();
    const int label = tree_->add(tree_->open("LI"), "Lbl");
    tree_->open("LBody");
    children(item.children, inner, depth + 1);
    tree_->close();
    tree_->close();
    if (flow_.boxes.size() == first_box || !flow_.boxes[first_box].is_line) {
      // An empty item, or one that starts with a nested list: give the marker a line of its own.
      FlowBox empty;
      empty.height = style_.body.line_height;
      empty.is_line = true;
      empty.break_after = false;
      flow_.boxes.insert(flow_.boxes.begin() + first_box, empty);
      flow_.boxes[first_box].containers = open_;
    }
    if (item.task) {  // a box to tick by hand (a "what to bring" list), ticked when done
      add_task_box(first_box, item.checked, inner.x - style_.list_marker_gap, label);
      at_start_ = false;
      continue;
    }
    std::string marker;
    if (b.ordered) {
      marker = std::to_string(number++) + ".";
    } else {
      const char* bullet = kBullets[depth % 3];
      marker = bullet_face.covers(utf8_decode(bullet)[0]) ? bullet : "\u2013";
    }
    add_marker(first_box, marker, marker_style, inner.x - style_.list_marker_gap, label);
    at_start_ = false;
  }
  tree_->close();
}

int FlowBuilder::open_container(Container c) {
  flow_.containers.push_back(c);
  const int id = static_cast<int>(flow_.containers.size() - 1);
  open_.push_back(id);
  FlowBox pad;
  pad.height = c.pad;
  pad.break_after = false;  // the top padding stays with the first line inside
  pad.container_top = true;
  add_box(std::move(pad));
  at_start_ = true;
  return id;
}

void FlowBuilder::close_container() {
  const double pad = flow_.containers[open_.back()].pad;
  FlowBox g;
  g.is_gap = true;  // dropped if a page ends here; the page then draws the padding itself
  g.height = pad;
  add_box(std::move(g));
  open_.pop_back();
  at_start_ = false;
}

void FlowBuilder::quote(const Block& b, Column col, int depth) {
  // A quote inside a quote is drawn as one box: nested boxes add padding, not meaning, and
  // hundreds of nested ones (hostile input) would fill pages with padding alone.
  if (!open_.empty() && flow_.containers[open_.back()].bar) {
    tree_->open("BlockQuote");
    children(b.children, col, depth);
    tree_->close();
    return;
  }
  space_before(style_.quote_space_before);
  Container c;
  c.x = col.x, c.w = col.w;
  c.fill = style_.quote_fill;
  c.bar = style_.quote_bar;
  c.bar_width = style_.quote_bar_width;
  c.pad = style_.quote_padding;
  open_container(c);
  const double narrowing = style_.quote_text_left + style_.quote_text_right;
  const bool inset = col.w - narrowing >= style_.min_indented_column;  // narrow columns are not inset
  const Column inner{col.x + (inset ? style_.quote_text_left : 0), col.w - (inset ? narrowing : 0)};
  tree_->open("BlockQuote");
  children(b.children, inner, depth);
  tree_->close();
  close_container();
  space_before(style_.quote_space_after);
}

void FlowBuilder::code_block(const Block& b, Column col) {
  space_before(style_.paragraph_gap);
  Container c;
  c.x = col.x, c.w = col.w;
  c.fill = style_.code_fill;
  c.radius = style_.code_radius;
  c.pad = style_.code_padding;
  open_container(c);
  // Code keeps its own line breaks: each source line becomes a hard break.
  const std::string source = b.spans.empty() ? "" : b.spans[0].text;
  std::vector<Span> spans;
  for (std::size_t start = 0;;) {
    auto end = source.find('\n', start);
    Span s;
    s.text = source.substr(start, end == std::string::npos ? std::string::npos : end - start);
    spans.push_back(s);
    if (end == std::string::npos) break;
    Span br;
    br.hard_break = true;
    spans.push_back(br);
    start = end + 1;
  }
  paragraph(spans, style_.code, {col.x + c.pad, col.w - 2 * c.pad}, b.line, nullptr, false);
  close_container();
}

void FlowBuilder::figure(const Block& b, Column col) {
  const ArticleImage* image = nullptr;
  if (images_) {
    auto it = images_->find(b.url);
    if (it != images_->end()) image = &it->second;
  }
  if (!image) {  // not found by the build (reported there): the description stands in
    space_before(style_.paragraph_gap);
    paragraph(b.spans, style_.body_italic, col, b.line);
    return;
  }
  space_before(style_.figure_space_before);
  // Natural size at figure_dpi, no wider than the column and no taller than a share of the page.
  const double px_to_pt = 72.0 / style_.figure_dpi;
  double w = std::min(col.w, image->info.width * px_to_pt);
  double h = w * image->info.height / image->info.width;
  const double max_h = (style_.page_height - style_.margin_top - style_.margin_bottom) * style_.figure_max_height;
  if (h > max_h) h = max_h, w = h * image->info.width / image->info.height;
  FlowBox box;  // one box: a figure never splits across pages
  const double x = col.x + (col.w - w) / 2;
  box.items.push_back(ImageItem{x, 0, w, h, image->path, {}});
  double y = h;
  const std::string alt = collapse_spaces(plain_text(b.spans));
  if (alt.empty()) {  // nothing to say about it: decoration, which a screen reader skips
    diags_.warning(source_file_, b.line, 1,
                   "image '" + b.url + "' has no description; it is marked as decoration (write ![what it shows](" +
                       b.url + ") if it carries meaning)");
  } else {
    const int figure = tree_->open("Figure");
    tree_->at(figure).alt = alt;
    std::get<ImageItem>(box.items.back()).tag.element = figure;
    y = stack_as("Caption", box, set(b.spans, style_.caption, col.w, {source_file_, b.line}), style_.caption, col.x,
                 y + style_.caption_gap);
    tree_->close();
  }
  box.height = y + style_.figure_space_below;
  add_box(std::move(box));
}

void FlowBuilder::thematic_break(Column col) {
  space_before(style_.paragraph_gap);
  FlowBox box;
  box.height = style_.body.line_height;
  const double w = col.w * style_.break_rule_share, x = col.x + (col.w - w) / 2, y = box.height / 2;
  box.items.push_back(LineItem{x, y, x + w, y, style_.accent, style_.break_rule_width, {}});
  add_box(std::move(box));
}

}  // namespace handout
