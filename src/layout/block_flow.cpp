#include "layout/block_flow.h"

#include <algorithm>

#include "layout/hyphenation.h"
#include "util/text.h"
#include "util/utf8.h"

namespace handout {
namespace {

constexpr double kMinColumn = 144;  // two inches: narrower columns are not indented further

// Baseline offset inside a line box: half-leading above and below the font's extent.
double baseline_in_box(const FontFace& face, const TextStyle& st) {
  return st.line_height / 2 + (face.ascender() - face.descender()) / 2 * st.size;
}

std::vector<Span> plain_spans(const std::string& text, bool strong = false, const std::string& link = "") {
  Span s;
  s.text = text;
  s.strong = strong;
  s.link = link;
  return {s};
}



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

bool ends_with_colon(const std::vector<Span>& spans) {
  auto text = collapse_spaces(plain_text(spans));
  return !text.empty() && text.back() == ':';
}

}  // namespace

std::vector<SetLine> FlowBuilder::set(const std::vector<Span>& spans, const InlineStyles& styles, double width,
                                      const TextSource& source) {
  ParagraphOptions options;
  options.rtl = style_.script.rtl;
  return set_paragraph(spans, styles, width, fonts_, lang_, source, diags_, options);
}

FlowBuilder::FlowBuilder(const Style& style, const FontSet& fonts, const FamilyFaces& body,
                         std::string lang, std::string source_file, Diagnostics& diags, double width,
                         const Hyphenator* hyphenator)
    : style_(style), fonts_(fonts), body_faces_(body), lang_(std::move(lang)),
      source_file_(std::move(source_file)), diags_(diags), width_(width), hyphenator_(hyphenator) {}

void FlowBuilder::add_box(FlowBox box) {
  box.containers = open_;
  if (!box.is_gap) {
    at_start_ = false;
    if (keep_lines_ > 0 && box.is_line) {
      box.break_after = false;
      --keep_lines_;
    }
  }
  flow_.boxes.push_back(std::move(box));
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
  for (const auto& line : lines) {
    place_line(line, x, y + baseline, box.items);
    y += st.line_height;
  }
  return y;
}

void FlowBuilder::title_block(const std::string& title, const std::string& summary, const std::string& meta,
                              const std::vector<std::string>& notices) {
  FlowBox box;
  box.break_after = true;
  const double w = width_;
  const TextSource src{source_file_, 1};
  auto title_styles = inline_styles(style_.title, body_faces_, style_.link);
  title_styles.regular.font = style_.title.font;  // the title face is already bold
  double y = stack(box, set(plain_spans(title), title_styles, w, src),
                   style_.title, 0, 0);
  if (!summary.empty()) {
    y += style_.paragraph_gap * 0.75;
    auto st = inline_styles(style_.summary, body_faces_, style_.link);
    y = stack(box, set(plain_spans(summary), st, w, src), style_.summary, 0, y);
  }
  if (!meta.empty()) {
    y += 3;
    auto st = inline_styles(style_.meta, body_faces_, style_.link);
    y = stack(box, set(plain_spans(meta), st, w, src), style_.meta, 0, y);
  }
  for (const auto& notice : notices) {
    y += 2;
    TextStyle small = style_.meta;
    small.font = style_.footer_note.font;  // italic (upright in large print)
    auto st = inline_styles(small, body_faces_, style_.link);
    st.regular.font = small.font;
    y = stack(box, set(plain_spans(notice), st, w, src), small, 0, y);
  }
  y += 10;
  box.items.push_back(LineItem{0, y, w * 0.22, y, style_.accent, 2.5});
  box.height = y + 6;
  add_box(std::move(box));
}

void FlowBuilder::blocks(const std::vector<Block>& list) { children(list, Column{0, width_}, 0); }

// Each block sees the one after it: a lead-in paragraph ending in ':' keeps its list with it
// at any depth (in a list item or a quote as at the top).
void FlowBuilder::children(const std::vector<Block>& list, Column col, int depth) {
  for (std::size_t i = 0; i < list.size(); ++i) block(list[i], col, depth, i + 1 < list.size() ? &list[i + 1] : nullptr);
}

void FlowBuilder::block(const Block& b, Column col, int depth, const Block* next) {
  switch (b.kind) {
    case BlockKind::Paragraph:
      space_before(style_.paragraph_gap);
      paragraph(b.spans, inline_styles(style_.body, body_faces_, style_.link), col, b.line, next);
      break;
    case BlockKind::Heading: heading(b, col); break;
    case BlockKind::List: list(b, col, depth); break;
    case BlockKind::ListItem: break;  // only inside lists
    case BlockKind::BlockQuote: quote(b, col, depth); break;
    case BlockKind::CodeBlock: code_block(b, col); break;
    case BlockKind::ThematicBreak: thematic_break(col); break;
    case BlockKind::Image: figure(b, col); break;
  }
}

void FlowBuilder::paragraph(const std::vector<Span>& spans, const InlineStyles& styles, Column col,
                            int source_line, const Block* next, bool body_text) {
  ParagraphOptions options;
  options.total_fit = style_.total_fit;
  options.justify = body_text && style_.justify;
  options.hyphenator = body_text && style_.hyphenate ? hyphenator_ : nullptr;
  options.rtl = style_.script.rtl;
  auto lines = set_paragraph(with_visible_targets(spans), styles, col.w, fonts_, lang_, {source_file_, source_line},
                             diags_, options);
  // A lead-in such as "Common factors include:" stays on the page with the list it introduces.
  const bool lead_in = next && next->kind == BlockKind::List && ends_with_colon(spans);
  add_lines(lines, styles.regular, col.x, false);
  if (lead_in && !flow_.boxes.empty()) {
    // Like a heading, the lead-in keeps at least `min_lines` lines of its list with it.
    flow_.boxes.back().break_after = false;
    keep_lines_ = std::max(0, style_.min_lines - 1);
  }
}

void FlowBuilder::heading(const Block& b, Column col) {
  const int level = std::clamp(b.level, 1, 6);
  const TextStyle& st = style_.headings[level - 1];
  space_before(style_.heading_space_before * (level <= 2 ? 1.0 : 0.8));
  auto styles = inline_styles(st, body_faces_, st.color);
  styles.regular.font = st.font;
  auto lines = set(b.spans, styles, col.w, {source_file_, b.line});
  const std::size_t first = add_lines(lines, st, col.x, true);
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
                             double right_edge) {
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
    box.items.insert(box.items.begin(), items.begin(), items.end());
    return;
  }
}

void FlowBuilder::list(const Block& b, Column col, int depth) {
  static const char* kBullets[] = {"\u2022", "\u25E6", "\u25AA"};
  const auto& bullet_face = fonts_.face(style_.body.font);
  space_before(depth == 0 ? style_.paragraph_gap : style_.list_item_gap);
  // Deeply nested lists stop indenting once the column would get too narrow to read.
  const double indent = col.w - style_.list_indent >= kMinColumn ? style_.list_indent : 0;
  const Column inner{col.x + indent, col.w - indent};
  TextStyle marker_style = style_.body;
  marker_style.color = b.ordered ? style_.text : style_.primary;
  int number = b.start;
  bool first_item = true;
  for (const auto& item : b.children) {
    if (!first_item) space_before(b.tight ? style_.list_item_gap : style_.paragraph_gap);
    first_item = false;
    at_start_ = true;
    const std::size_t first_box = flow_.boxes.size();
    children(item.children, inner, depth + 1);
    if (flow_.boxes.size() == first_box || !flow_.boxes[first_box].is_line) {
      // An empty item, or one that starts with a nested list: give the marker a line of its own.
      FlowBox empty;
      empty.height = style_.body.line_height;
      empty.is_line = true;
      empty.break_after = false;
      flow_.boxes.insert(flow_.boxes.begin() + first_box, empty);
      flow_.boxes[first_box].containers = open_;
    }
    std::string marker;
    if (b.ordered) {
      marker = std::to_string(number++) + ".";
    } else {
      const char* bullet = kBullets[depth % 3];
      marker = bullet_face.covers(utf8_decode(bullet)[0]) ? bullet : "\u2013";
    }
    add_marker(first_box, marker, marker_style, inner.x - style_.body.size * 0.45);
    at_start_ = false;
  }
}

int FlowBuilder::open_container(Container c) {
  flow_.containers.push_back(c);
  const int id = static_cast<int>(flow_.containers.size() - 1);
  open_.push_back(id);
  FlowBox pad;
  pad.height = c.pad;
  pad.break_after = false;  // the top padding stays with the first line inside
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
    children(b.children, col, depth);
    return;
  }
  space_before(style_.paragraph_gap * 1.5);
  const double pad = style_.body.size * 0.8, bar = 3.5;
  Container c;
  c.x = col.x, c.w = col.w;
  c.fill = style_.quote_fill;
  c.bar = style_.quote_bar;
  c.pad = pad;
  open_container(c);
  const double inset = col.w - bar - pad * 2.3 >= kMinColumn ? 1 : 0;  // narrow columns are not inset
  const Column inner{col.x + inset * (bar + pad * 1.3), col.w - inset * (bar + pad * 2.3)};
  children(b.children, inner, depth);
  close_container();
  space_before(style_.paragraph_gap * 0.5);
}

void FlowBuilder::code_block(const Block& b, Column col) {
  space_before(style_.paragraph_gap);
  Container c;
  c.x = col.x, c.w = col.w;
  c.fill = style_.code_fill;
  c.radius = 3;
  c.pad = style_.body.size * 0.6;
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
  TextStyle code = style_.body;
  code.size = style_.body.size * 0.92;
  code.line_height = code.size * 1.35;
  auto styles = inline_styles(code, body_faces_, style_.link);
  paragraph(spans, styles, {col.x + c.pad, col.w - 2 * c.pad}, b.line, nullptr, false);
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
    paragraph(b.spans, inline_styles(style_.body_italic, body_faces_, style_.link), col, b.line);
    return;
  }
  space_before(style_.paragraph_gap * 1.5);
  // Natural size at 150 dpi, no wider than the column and no taller than 45% of the page.
  const double px_to_pt = 72.0 / 150.0;
  double w = std::min(col.w, image->info.width * px_to_pt);
  double h = w * image->info.height / image->info.width;
  const double max_h = (style_.page_height - style_.margin_top - style_.margin_bottom) * 0.45;
  if (h > max_h) h = max_h, w = h * image->info.width / image->info.height;
  FlowBox box;  // one box: a figure never splits across pages
  const double x = col.x + (col.w - w) / 2;
  box.items.push_back(ImageItem{x, 0, w, h, image->path});
  double y = h;
  if (!b.spans.empty()) {
    TextStyle caption = style_.meta;
    caption.font = style_.footer_note.font;
    auto st = inline_styles(caption, body_faces_, style_.link);
    st.regular.font = caption.font;
    y = stack(box, set(b.spans, st, col.w, {source_file_, b.line}), caption, col.x, y + 4);
  }
  box.height = y + 2;
  add_box(std::move(box));
}

void FlowBuilder::thematic_break(Column col) {
  space_before(style_.paragraph_gap);
  FlowBox box;
  box.height = style_.body.line_height;
  const double w = col.w * 0.3, x = col.x + (col.w - w) / 2, y = box.height / 2;
  box.items.push_back(LineItem{x, y, x + w, y, style_.accent, 1.2});
  add_box(std::move(box));
}

void FlowBuilder::resources_box(const std::string& label, const std::string& intro,
                                const std::vector<Resource>& resources, const Strings& strings) {
  if (resources.empty()) return;
  space_before(style_.paragraph_gap * 2.5);
  keep_lines_ = 0;
  const double pad = style_.box_padding;
  Container c;
  c.x = 0, c.w = width_;
  c.fill = style_.box_fill;
  c.stroke = style_.box_stroke;
  c.radius = 6;
  c.pad = pad;
  open_container(c);
  const Column inner{pad * 1.25, c.w - pad * 2.5};
  const TextSource src{source_file_, 0};

  FlowBox head;
  head.break_after = false;  // the label stays with the first entry
  auto label_styles = inline_styles(style_.box_label, body_faces_, style_.link);
  label_styles.regular.font = style_.box_label.font;
  double y = stack(head, set(plain_spans(label), label_styles, inner.w, src),
                   style_.box_label, inner.x, 0);
  if (!intro.empty()) {
    y += 2;
    auto st = inline_styles(style_.body, body_faces_, style_.link);
    y = stack(head, set(plain_spans(intro), st, inner.w, src), style_.body, inner.x, y);
  }
  head.height = y + style_.paragraph_gap * 0.5;
  head.bookmark = OutlineEntry{0, label, 0, 0};
  add_box(std::move(head));

  const auto body = inline_styles(style_.body, body_faces_, style_.link);
  for (std::size_t i = 0; i < resources.size(); ++i) {
    const auto& r = resources[i];
    if (i > 0) space_before(style_.paragraph_gap * 1.25);
    const TextSource at{r.pos.file, r.pos.line};
    FlowBox entry;  // one box: an entry never splits across pages
    auto name_styles = inline_styles(style_.resource_name, body_faces_, style_.link);
    name_styles.regular.font = style_.resource_name.font;
    double ey = stack(entry, set(plain_spans(r.name), name_styles, inner.w, at),
                      style_.resource_name, inner.x, 0);
    if (!r.description.empty())
      ey = stack(entry, set(plain_spans(r.description), body, inner.w, at),
                 style_.body, inner.x, ey);
    std::vector<Span> contact;
    if (!r.website.empty()) {
      auto w = plain_spans(display_url(r.website), false, r.website_uri);
      contact.insert(contact.end(), w.begin(), w.end());
    }
    if (!r.phone.empty()) {
      if (!contact.empty()) contact.push_back(plain_spans("   ")[0]);
      contact.push_back(plain_spans(strings.get("phone") + ": ", true)[0]);
      contact.push_back(plain_spans(r.phone)[0]);
    }
    if (!contact.empty())
      ey = stack(entry, set(contact, body, inner.w, at), style_.body, inner.x, ey);
    entry.height = ey;
    add_box(std::move(entry));
  }
  close_container();
}

void FlowBuilder::contact_block(const std::string& label, const ClinicInfo& clinic, const Strings& strings) {
  space_before(style_.paragraph_gap * 2.5);
  keep_lines_ = 0;
  const double w = width_, gutter = 24;
  const TextSource src{source_file_, 0};
  const auto body = inline_styles(style_.body, body_faces_, style_.link);
  FlowBox box;  // one box: the contact details are never split across pages
  auto label_styles = inline_styles(style_.box_label, body_faces_, style_.link);
  label_styles.regular.font = style_.box_label.font;
  box.items.push_back(LineItem{0, 0, w, 0, style_.rule, 0.75});
  const double top = stack(box, set(plain_spans(label), label_styles, w, src),
                           style_.box_label, 0, 8) + 2;
  // Two columns (who and where; how to reach the clinic), then the opening hours in full width.
  std::vector<std::vector<std::vector<Span>>> columns(1);
  columns[0].push_back(plain_spans(clinic.name, true));
  for (const auto& line : clinic.address) columns[0].push_back(plain_spans(line));
  std::vector<std::vector<Span>> reach;
  auto labelled = [&](const std::string& key, const std::string& value, const std::string& uri) {
    if (value.empty()) return;
    auto spans = plain_spans(strings.get(key) + ": ", true);
    spans.push_back(plain_spans(value, false, uri)[0]);
    reach.push_back(spans);
  };
  labelled("phone", clinic.phone, "");
  labelled("email", clinic.email, clinic.email_uri);
  labelled("website", display_url(clinic.website), clinic.website_uri);
  if (!reach.empty()) {
    if ((w - gutter) / 2 < style_.body.size * 16)  // too narrow for two columns: one list
      columns[0].insert(columns[0].end(), reach.begin(), reach.end());
    else
      columns.push_back(reach);
  }
  const double col_w = (w - gutter * (columns.size() - 1)) / columns.size();
  double bottom = top;
  for (std::size_t c = 0; c < columns.size(); ++c) {
    double y = top;
    for (const auto& spans : columns[c])
      y = stack(box, set(spans, body, col_w, src), style_.body,
                c * (col_w + gutter), y);
    bottom = std::max(bottom, y);
  }
  if (!clinic.hours.empty()) {
    std::string hours;
    for (const auto& h : clinic.hours) hours += (hours.empty() ? "" : "; ") + h;
    auto spans = plain_spans(strings.get("hours") + ": ", true);
    spans.push_back(plain_spans(hours)[0]);
    bottom = stack(box, set(spans, body, w, src), style_.body, 0, bottom + 4);
  }
  box.height = bottom;
  box.bookmark = OutlineEntry{0, label, 0, 0};
  add_box(std::move(box));
}

}  // namespace handout
