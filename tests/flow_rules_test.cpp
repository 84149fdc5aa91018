// The break rules hold for the real article at every page height: no heading last on a page,
// no widows or orphans, headings kept with two lines, list markers with their text, resource
// entries whole.
#include <doctest/doctest.h>

#include "layout/handout_flow.h"
#include "layout/paginate.h"
#include "style/style.h"
#include "test_support.h"
#include "util/input_file.h"
#include "util/text.h"

using namespace handout;

namespace {

struct Article {
  test::Fixture fixture;
  ResourceList resources;
  HandoutInput input() {
    HandoutInput in;
    in.clinic = &fixture.clinic;
    in.layout = &fixture.layout;
    in.strings = &fixture.strings;
    in.meta = &fixture.meta;
    in.body = &fixture.body;
    in.lang = "en";
    in.resources = resources.resources;
    in.intro = resources.intro;
    return in;
  }
  // The body flow of the article with the fixture's layout.
  Flow flow(Diagnostics& d) {
    const auto& f = test::fonts();
    const Style style = make_style(fixture.layout, fixture.config.brand, f.body, f.headings);
    return build_handout_flow(input(), style, *f.set, d);
  }
  Article() {
    std::string text;
    REQUIRE(read_file(test::source_dir() + "/content/en/vaginismus.md", text));
    Diagnostics d;
    fixture.body = parse_markdown(split_front_matter(text).body, "vaginismus.md", d);
    REQUIRE(load_resources(test::source_dir() + "/content/en/vaginismus.resources.yaml", kDefaultMaxInputBytes, resources, d));
  }
};

bool has_text(const FlowBox& b) {
  for (const auto& item : b.items)
    if (std::holds_alternative<TextItem>(item)) return true;
  return false;
}

// True when a box is the line of a paragraph ending with ':' (a lead-in to a list).
bool ends_lead_in(const FlowBox& b) {
  if (!b.is_line || b.paragraph < 0) return false;
  for (auto it = b.items.rbegin(); it != b.items.rend(); ++it)
    if (const auto* t = std::get_if<TextItem>(&*it)) return !t->text.empty() && t->text.back() == ':';
  return false;
}

// The boxes of a page that hold something (gaps and empty spacers left out), last first.
std::vector<const FlowBox*> content_from_end(const Flow& flow, const std::vector<PlacedBox>& page) {
  std::vector<const FlowBox*> out;
  for (auto it = page.rbegin(); it != page.rend(); ++it)
    if (!flow.boxes[it->box].is_gap && !flow.boxes[it->box].items.empty()) out.push_back(&flow.boxes[it->box]);
  return out;
}

int lines_of_paragraph(const Flow& flow, const std::vector<PlacedBox>& page, int paragraph) {
  int n = 0;
  for (const auto& p : page) n += flow.boxes[p.box].paragraph == paragraph;
  return n;
}

}  // namespace

TEST_CASE("break rules hold at every page height") {
  Article a;
  Diagnostics d;
  const Flow flow = a.flow(d);
  CHECK(d.items().empty());
  int splits_checked = 0;
  for (double height = 230; height <= 700; height += 3) {
    CAPTURE(height);
    const auto pages = paginate(flow.boxes, [&](int) { return height; });
    CHECK(pages.forced_breaks == 0);
    for (std::size_t p = 0; p + 1 < pages.pages.size(); ++p) {
      const auto& page = pages.pages[p];
      const auto& next = pages.pages[p + 1];
      REQUIRE(!page.empty());
      const FlowBox& last = flow.boxes[page.back().box];
      const FlowBox& first_next = flow.boxes[next.front().box];
      CHECK_FALSE(last.is_heading);
      CHECK_FALSE(last.is_gap);
      // A heading or a list's lead-in needs at least two lines after it on its page.
      const auto content = content_from_end(flow, page);
      if (content.size() >= 2) CHECK_FALSE(content[1]->is_heading);
      CHECK_FALSE(ends_lead_in(last));
      if (content.size() >= 2) CHECK_FALSE(ends_lead_in(*content[1]));
      if (last.paragraph >= 0 && last.paragraph == first_next.paragraph) {
        ++splits_checked;
        CHECK(lines_of_paragraph(flow, page, last.paragraph) >= 2);  // no orphan
        CHECK(lines_of_paragraph(flow, next, last.paragraph) >= 2);  // no widow
      }
    }
  }
  CHECK(splits_checked > 10);  // the test did see paragraphs split across pages
}

TEST_CASE("list markers share a line box with their text; resource entries are single boxes") {
  Article a;
  Diagnostics d;
  const Flow flow = a.flow(d);
  int markers = 0;
  for (const auto& box : flow.boxes) {
    for (const auto& item : box.items) {
      const auto* t = std::get_if<TextItem>(&item);
      if (!t || t->text != "\u2022") continue;
      ++markers;
      int texts = 0;
      for (const auto& other : box.items) texts += std::holds_alternative<TextItem>(other);
      CHECK(texts >= 2);  // the bullet and the item's first words
    }
  }
  CHECK(markers == 13);
  // Each resource name appears in exactly one box, together with its website.
  for (const auto& r : a.resources.resources) {
    int boxes_with_name = 0;
    for (const auto& box : flow.boxes) {
      bool name = false, site = false;
      for (const auto& item : box.items)
        if (const auto* t = std::get_if<TextItem>(&item)) {
          name |= r.name.rfind(t->text, 0) == 0 && t->text.size() > 10;
          site |= t->text == display_url(r.website);
        }
      if (name) {
        ++boxes_with_name;
        CHECK(site);
        CHECK(has_text(box));
      }
    }
    CHECK(boxes_with_name == 1);
  }
}

namespace {

// The body flow of `md` with the fixture's layout, clinic and strings.
Flow flow_of(test::Fixture& f, const std::string& md, Diagnostics& d) {
  f.body = parse_markdown(md, "t.md", d);
  HandoutInput in;
  in.clinic = &f.clinic;
  in.layout = &f.layout;
  in.strings = &f.strings;
  in.meta = &f.meta;
  in.body = &f.body;
  const auto& fonts = test::fonts();
  const Style style = make_style(f.layout, f.config.brand, fonts.body, fonts.headings);
  return build_handout_flow(in, style, *fonts.set, d);
}

}  // namespace

TEST_CASE("a list's lead-in, or a heading, keeps two list items with it, at every page height") {
  test::Fixture f;
  Diagnostics d;
  std::string md;
  for (int i = 0; i < 4; ++i) md += "A paragraph of body text that runs to a second line so that pages fill up in many ways.\n\n";
  md += "Common factors can include:\n\n- One\n- Two\n- Three\n- Four\n\nAfter the list.\n\n";
  md += "Another paragraph.\n\n## A heading\n\n- First\n- Second\n- Third\n\nThe end.\n";
  const Flow flow = flow_of(f, md, d);
  int lead_in_pages = 0;
  for (double height = 80; height <= 400; height += 1) {
    CAPTURE(height);
    const auto pages = paginate(flow.boxes, [&](int) { return height; });
    CHECK(pages.forced_breaks == 0);
    for (std::size_t p = 0; p + 1 < pages.pages.size(); ++p) {
      const auto& page = pages.pages[p];
      const auto content = content_from_end(flow, page);
      CHECK_FALSE(ends_lead_in(*content[0]));
      CHECK_FALSE(content[0]->is_heading);
      if (content.size() >= 2) CHECK_FALSE(ends_lead_in(*content[1]));
      if (content.size() >= 2) CHECK_FALSE(content[1]->is_heading);
      for (const auto& placed : page) lead_in_pages += ends_lead_in(flow.boxes[placed.box]);
    }
  }
  CHECK(lead_in_pages > 50);  // the lead-in did land on pages that were cut
}

TEST_CASE("a lead-in inside a list item or a quote keeps its list with it too") {
  test::Fixture f;
  Diagnostics d;
  std::string md;
  for (int i = 0; i < 3; ++i) md += "A paragraph of body text that runs to a second line so that pages fill up in many ways.\n\n";
  md += "- An item whose text introduces sub-points such as these ones:\n\n  - Alpha\n  - Beta\n  - Gamma\n\n";
  md += "- A second item.\n\nA paragraph between.\n\n";
  md += "> In a quote, a lead-in for what follows:\n>\n> - One\n> - Two\n> - Three\n\nThe end.\n";
  const Flow flow = flow_of(f, md, d);
  int lead_in_pages = 0;
  for (double height = 80; height <= 300; height += 1) {
    CAPTURE(height);
    const auto pages = paginate(flow.boxes, [&](int) { return height; });
    for (std::size_t p = 0; p + 1 < pages.pages.size(); ++p) {
      const auto content = content_from_end(flow, pages.pages[p]);
      CHECK_FALSE(ends_lead_in(*content[0]));
      if (content.size() >= 2) CHECK_FALSE(ends_lead_in(*content[1]));
      for (const auto& placed : pages.pages[p]) lead_in_pages += ends_lead_in(flow.boxes[placed.box]);
    }
  }
  CHECK(lead_in_pages > 20);
}
