#include "layout/handout_sections.h"

#include <algorithm>

#include "layout/qr_codes.h"
#include "text/bidi.h"
#include "text/scripts.h"
#include "util/text.h"

namespace handout {

namespace {

// The structure role of the handout's own sections' headings ("H2").
std::string section_heading_role() {
  std::string role = "H";  // built by appending: gcc 12 warns falsely about "H" + std::string
  role += std::to_string(FlowBuilder::kSectionHeading);
  return role;
}

// Moves a set line's runs, links and tints `dx` along the line.
void shift_line(SetLine& line, double dx) {
  for (auto& r : line.runs) r.x += dx;
  for (auto& l : line.links) l.x += dx;
  for (auto& r : line.backgrounds) r.x += dx;
}

// "<label>: <address>" of the online copy, the address a link.
std::vector<Span> online_line(const FlowBuilder& b, const OnlineCopy& online) {
  auto spans = plain_spans(b.label(online.label), true);
  spans.push_back(plain_spans(display_url(online.url), false, online.url)[0]);
  return spans;
}

}  // namespace

void add_title_block(FlowBuilder& b, const TitleText& t) {
  const Style& s = b.style();
  FlowBox box;
  box.break_after = true;
  const double w = b.width();
  const TextSource src{b.source_file(), 1};
  auto add = [&](const char* role, const std::vector<Span>& spans, const TextStyle& st, double width, double y,
                 const std::string& lang = "") {
    return b.stack_as(role, box, b.set(spans, st, width, src), st, 0, y, lang);
  };
  // Title and summary: whole words, balanced lines (no "以/及", no word alone on the last line).
  double y = b.stack_as("H1", box, b.set_balanced(plain_spans(t.title), s.title, w, src), s.title, 0, 0);
  if (!t.summary.empty())
    y = b.stack_as("P", box, b.set_balanced(plain_spans(t.summary), s.summary, w, src), s.summary, 0,
                   y + s.title_summary_gap);
  // The code stands beside the small print (its address among it), so title and summary keep
  // their full width.
  auto code = s.qr.online ? qr_code_item(t.online.url, s.qr, 0, y + s.title_meta_gap) : std::nullopt;
  const double small_w = width_beside(code, s.qr, w);
  const double code_top = y;
  if (code) code->x = w - code->w, box.items.push_back(*code);
  if (!t.meta.empty()) y = add("P", plain_spans(t.meta), s.meta, small_w, y + s.title_meta_gap);
  if (code) y = add("P", online_line(b, t.online), s.meta, small_w, y + s.title_meta_gap);
  for (const auto& notice : t.notices)
    y = add("P", plain_spans(notice.text), s.notice, small_w, y + s.title_notice_gap, notice.lang);
  if (code) y = std::max(y, code_top + s.title_meta_gap + code->h - s.title_rule_above);
  y += s.title_rule_above;
  box.items.push_back(LineItem{0, y, w * s.title_rule_share, y, s.accent, s.title_rule_width, {}});
  box.height = y + s.title_rule_below;
  b.add_box(std::move(box));
}

namespace {

// One resource: its name, description and how to reach it, in one box that never splits.
FlowBox resource_entry(FlowBuilder& b, const Resource& r, const FlowBuilder::Column& inner, const Strings& strings,
                       const std::string& names_lang) {
  const Style& s = b.style();
  const TextSource at{r.pos.file, r.pos.line};
  FlowBox entry;
  // The code sits at the entry's right, beside the name, description and address.
  const auto code = s.qr.resources ? qr_code_item(r.website_uri, s.qr) : std::nullopt;
  if (code) {
    entry.items.push_back(*code);
    std::get<QrItem>(entry.items.back()).x = inner.x + inner.w - code->w;
  }
  const FlowBuilder::Column text{inner.x, width_beside(code, s.qr, inner.w)};
  Structure& tree = b.structure();
  tree.open("LI");
  tree.open("LBody");
  const std::string name_lang = written_in_latin(r.name) ? names_lang : "";
  double y = b.stack_as("P", entry, b.set(plain_spans(r.name), s.resource_name, text.w, at), s.resource_name,
                        text.x, 0, name_lang);
  if (!r.description.empty())
    y = b.stack_as("P", entry, b.set(plain_spans(r.description), s.body, text.w, at), s.body, text.x, y);
  std::vector<Span> contact;
  if (!r.website.empty()) {
    auto w = plain_spans(display_url(r.website), false, r.website_uri);
    contact.insert(contact.end(), w.begin(), w.end());
  }
  if (!r.phone.empty()) {
    if (!contact.empty()) contact.push_back(plain_spans("   ")[0]);
    contact.push_back(plain_spans(b.label(strings.get("phone"), true), true)[0]);
    contact.push_back(plain_spans(no_break_spaces(r.phone))[0]);
  }
  if (!contact.empty()) y = b.stack_as("P", entry, b.set(contact, s.body, text.w, at), s.body, text.x, y);
  tree.close();
  tree.close();
  entry.height = code ? std::max(y, code->h) : y;
  return entry;
}

// The rule above the contact and language-assistance sections: white space to pagination, so
// it is dropped where the section starts a page, under the running header's own rule.
void add_section_rule(FlowBuilder& b) {
  const Style& s = b.style();
  FlowBox rule;
  rule.is_gap = true;
  rule.items.push_back(LineItem{0, 0, b.width(), 0, s.rule, s.contact_rule_width, {}});
  b.add_box(std::move(rule));
}

// Opens the tinted, rounded box of the resources and of a personal copy; returns the column
// its text is set in.
FlowBuilder::Column open_tinted_box(FlowBuilder& b) {
  const Style& s = b.style();
  Container c;
  c.x = 0, c.w = b.width();
  c.fill = s.box_fill;
  c.stroke = s.box_stroke;
  c.radius = s.box_radius;
  c.pad = s.box_padding;
  b.open_container(c);
  return {s.box_text_inset, c.w - 2 * s.box_text_inset};
}

}  // namespace

std::string continued_label(const Strings& strings, const std::string& label) {
  const std::string& pattern = strings.get("continued");
  return pattern.empty() ? label : fill_template(pattern, {{"label", label}});
}

ResourcesPlace resources_place(const std::vector<Block>& article, const std::string& intro) {
  if (intro.empty()) return ResourcesPlace::OwnSection;  // nothing would say what the list is
  const auto last_heading = std::find_if(article.rbegin(), article.rend(),
                                         [](const Block& b) { return b.kind == BlockKind::Heading; });
  if (last_heading == article.rend()) return ResourcesPlace::OwnSection;
  const bool running_text = std::all_of(article.rbegin(), last_heading,
                                        [](const Block& b) { return b.kind == BlockKind::Paragraph; });
  return running_text ? ResourcesPlace::LastSection : ResourcesPlace::OwnSection;
}

void add_resources_box(FlowBuilder& b, const std::string& label, const std::string& intro,
                       const std::vector<Resource>& resources, const Strings& strings, const std::string& names_lang,
                       ResourcesPlace place) {
  if (resources.empty()) return;
  const Style& s = b.style();
  b.space_before(s.box_space_before);
  b.release_keeps();
  const FlowBuilder::Column inner = open_tinted_box(b);
  const TextSource src{b.source_file(), 0};
  Structure& tree = b.structure();
  const bool own_section = place == ResourcesPlace::OwnSection;
  tree.open(own_section ? "Sect" : "Div");

  FlowBox head;
  head.break_after = false;  // the label (or intro) stays with the first entry
  head.opens_part = true;
  // Under the last section the box has no label of its own, but a page it opens, away from
  // that section's heading on the page before, starts with the label as it would "(continued)".
  if (!own_section) head.repeat = b.add_repeated_label(label, s.box_label, inner.x, inner.w, s.box_label_after);
  double y = 0;
  if (own_section) {
    y = b.stack_as(section_heading_role(), head, b.set(plain_spans(label), s.box_label, inner.w, src), s.box_label,
                   inner.x, 0);
    head.bookmark = OutlineEntry{0, label, 0, 0};
  }
  if (!intro.empty())
    y = b.stack_as("P", head, b.set(plain_spans(intro), s.body, inner.w, src), s.body, inner.x,
                   own_section ? y + s.box_label_gap : 0);
  head.height = y + s.box_label_after;
  b.add_box(std::move(head));
  // A box split across pages says so at the top of the next: "Helpful resources (continued)".
  const int continued = b.add_repeated_label(continued_label(strings, label),
                                              s.box_label, inner.x, inner.w, s.box_label_after);

  tree.open("L");
  for (std::size_t i = 0; i < resources.size(); ++i) {
    if (i > 0) b.space_before(s.resource_gap);
    FlowBox entry = resource_entry(b, resources[i], inner, strings, names_lang);
    entry.repeat = continued;
    b.add_box(std::move(entry));
  }
  tree.close();
  tree.close();
  b.close_container();
}

namespace {

// The contact details in columns: who and where; how to reach the clinic (one column when
// the block is too narrow for two).
std::vector<std::vector<std::vector<Span>>> contact_columns(const FlowBuilder& b, const PrintedClinic& clinic,
                                                            const Strings& strings, bool two_columns) {
  std::vector<std::vector<std::vector<Span>>> columns(1);
  columns[0].push_back(plain_spans(clinic.info.name, true));
  for (const auto& line : clinic.info.address) columns[0].push_back(plain_spans(line));
  std::vector<std::vector<Span>> reach;
  auto labelled = [&](const std::string& key, const std::string& value, const std::string& uri) {
    if (value.empty()) return;
    auto spans = plain_spans(b.label(strings.get(key), true), true);
    spans.push_back(plain_spans(key == "phone" ? no_break_spaces(value) : value, false, uri)[0]);
    reach.push_back(spans);
  };
  labelled("phone", clinic.info.phone, "");
  labelled("email", clinic.info.email, clinic.info.email_uri);
  labelled("website", display_url(clinic.info.website), clinic.info.website_uri);
  if (reach.empty()) return columns;
  if (two_columns)
    columns.push_back(reach);
  else
    columns[0].insert(columns[0].end(), reach.begin(), reach.end());
  return columns;
}

// The online copy under the contact details: its address, and the code beside it.
double add_online_copy(FlowBuilder& b, FlowBox& box, const OnlineCopy& online, double y) {
  const Style& s = b.style();
  auto code = s.qr.online ? qr_code_item(online.url, s.qr) : std::nullopt;
  if (!code) return y;
  const double w = b.width();
  y += s.contact_hours_gap;
  code->x = w - code->w, code->y = y;
  box.items.push_back(*code);
  const TextSource src{b.source_file(), 0};
  const double text_w = width_beside(code, s.qr, w);
  const double bottom = b.stack_as("P", box, b.set(online_line(b, online), s.body, text_w, src), s.body, 0, y);
  return std::max(bottom, y + code->h);
}

}  // namespace

void add_contact_block(FlowBuilder& b, const std::string& label, const PrintedClinic& clinic, const Strings& strings,
                       const OnlineCopy& online) {
  const Style& s = b.style();
  b.space_before(s.box_space_before);
  b.release_keeps();
  const double w = b.width(), gutter = s.contact_gutter;
  const TextSource src{b.source_file(), 0};
  add_section_rule(b);
  FlowBox box;  // one box: the contact details are never split across pages
  Structure& tree = b.structure();
  tree.open("Sect");
  const std::string heading = section_heading_role();
  const double top =
      b.stack_as(heading, box, b.set(plain_spans(label), s.box_label, w, src), s.box_label, 0, s.contact_label_top) +
      s.box_label_gap;
  const auto columns = contact_columns(b, clinic, strings, (w - gutter) / 2 >= s.contact_column_min);
  const double col_w = (w - gutter * (columns.size() - 1)) / columns.size();
  double bottom = top;
  for (std::size_t c = 0; c < columns.size(); ++c) {
    double y = top;
    for (const auto& spans : columns[c])
      y = b.stack_as("P", box, b.set(spans, s.body, col_w, src), s.body, c * (col_w + gutter), y);
    bottom = std::max(bottom, y);
  }
  if (!clinic.hours.empty()) {
    std::string hours;
    for (const auto& h : clinic.hours) hours += (hours.empty() ? "" : b.list_separator()) + h;
    auto spans = plain_spans(b.label(strings.get("hours")), true);
    spans.push_back(plain_spans(hours)[0]);
    bottom = b.stack_as("P", box, b.set(spans, s.body, w, src), s.body, 0, bottom + s.contact_hours_gap);
  }
  bottom = add_online_copy(b, box, online, bottom);
  tree.close();
  box.height = bottom;
  box.bookmark = OutlineEntry{0, label, 0, 0};
  b.add_box(std::move(box));
}

void add_assistance_block(FlowBuilder& b, const std::string& label, const std::vector<Tagline>& taglines,
                          const std::string& continued, const NoticeForm& form) {
  if (taglines.empty()) return;
  const Style& s = b.style();
  const TextStyle& text = form.text ? *form.text : s.assistance;
  b.space_before(s.box_space_before);
  b.release_keeps();
  const double w = b.width();
  const TextSource src{b.source_file(), 0};
  Structure& tree = b.structure();
  tree.open("Sect");
  add_section_rule(b);
  FlowBox head;  // the heading stays with the first taglines
  head.break_after = false;
  head.height = b.stack_as(section_heading_role(), head, b.set(plain_spans(label), s.box_label, w, src), s.box_label, 0,
                           s.contact_label_top) + s.box_label_gap;
  b.add_box(std::move(head));
  const int repeat = continued.empty() ? -1 : b.add_repeated_label(continued, s.box_label, 0, w, s.box_label_gap);
  // Taglines side by side in `columns` columns, row by row (the reading order).
  const int columns = std::max(1, form.columns);
  const double col_w = (w - (columns - 1) * s.contact_gutter) / columns;
  for (std::size_t first = 0; first < taglines.size(); first += columns) {
    if (first > 0) b.space_before(s.assistance_gap);
    FlowBox row;  // one tagline never splits: each is read on its own
    for (std::size_t i = first; i < std::min(taglines.size(), first + columns); ++i) {
      const Tagline& t = taglines[i];
      // Regular weight: a bold name would embed a bold face of each script for one word.
      auto spans = plain_spans(t.language + ": ");
      spans.push_back(plain_spans(t.text)[0]);
      const std::string lang = t.lang == s.script.lang ? "" : t.lang;  // tagged apart when not the handout's
      auto lines = b.set(spans, text, col_w, src, t.lang);
      // A tagline written the other way from the page starts at the other edge: an Arabic one on
      // an English page is set flush right, as its reader expects.
      if (is_rtl_language(t.lang) != s.script.rtl)
        for (auto& l : lines) shift_line(l, col_w - l.width);
      const double x = static_cast<double>(i - first) * (col_w + s.contact_gutter);
      row.height = std::max(row.height, b.stack_as("P", row, lines, text, x, 0, lang));
    }
    row.repeat = repeat;
    // The heading keeps its first two taglines (a notice, not a stray line under a heading).
    row.break_after = first + columns >= 2;
    b.add_box(std::move(row));
  }
  tree.close();
}

void add_personal_block(FlowBuilder& b, const PersonalCopy& personal) {
  const Style& s = b.style();
  const FlowBuilder::Column inner = open_tinted_box(b);
  const TextSource src{personal.source, 0, true};
  b.personal_text(personal.source);
  Structure& tree = b.structure();
  tree.open("Sect");
  FlowBox who;  // the labelled lines stay together
  double y = 0;
  for (const auto& [label, value] : personal.lines) {
    auto spans = plain_spans(b.label(label, true), true);
    spans.push_back(plain_spans(value)[0]);
    y = b.stack_as("P", who, b.set(spans, s.body, inner.w, src), s.body, inner.x, y);
  }
  who.height = y;
  b.add_box(std::move(who));
  if (personal.note && !personal.note->blocks.empty()) {
    b.space_before(s.box_label_after * 2);
    FlowBox head;
    head.break_after = false;  // the heading stays with the note
    head.height = b.stack_as(section_heading_role(), head, b.set(plain_spans(personal.note_label), s.box_label,
                                                                 inner.w, src),
                             s.box_label, inner.x, 0) + s.box_label_after;
    b.add_box(std::move(head));
    b.blocks_in(personal.note->blocks, inner);
  }
  b.personal_text("");
  tree.close();
  b.close_container();
  b.space_before(s.box_space_before);
}

}  // namespace handout
