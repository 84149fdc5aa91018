// The shipped layouts: column balancing, tri-fold panel order and overflow, large print rules,
// and the page-break rules under hyphenation.
#include <doctest/doctest.h>

#include <map>

#include "text/hyphenation.h"
#include "layout/paginate.h"
#include "layout/trifold_layout.h"
#include "test_support.h"
#include "util/input_file.h"
#include "util/text.h"

using namespace handout;

namespace {

struct ArticleFixture : test::Fixture {
  std::string markdown;
  explicit ArticleFixture(const std::string& layout_name) {
    Diagnostics d;
    REQUIRE(load_layout({test::source_dir()}, layout_name, {}, layout, d));
    std::string text;
    REQUIRE(read_file(test::source_dir() + "/content/en/vaginismus.md", text));
    markdown = split_front_matter(text).body;
    ResourceList list;
    REQUIRE(load_resources(test::source_dir() + "/content/en/vaginismus.resources.yaml", kDefaultMaxInputBytes, list, d));
    resources = list.resources;
    intro = list.intro;
    meta.title = "Vaginismus Explained";
  }
};

// Text items of a page, by their text.
std::vector<const TextItem*> texts(const PageFrame& page) {
  std::vector<const TextItem*> out;
  for (const auto& item : page.items)
    if (const auto* t = std::get_if<TextItem>(&item)) out.push_back(t);
  return out;
}

const TextItem* find_text(const PagedDocument& doc, const std::string& text, int& page) {
  for (std::size_t p = 0; p < doc.pages.size(); ++p)
    for (const auto* t : texts(doc.pages[p]))
      if (t->text == text) {
        page = static_cast<int>(p);
        return t;
      }
  return nullptr;
}

}  // namespace

TEST_CASE("two columns: full pages use both columns; the last page's columns are balanced") {
  ArticleFixture f("two-column");
  Diagnostics d;
  LayoutStats stats;
  auto doc = f.lay_out(f.markdown, d, &stats);
  REQUIRE(doc.pages.size() >= 2);
  const double mid = doc.width / 2, footer_top = doc.height - 80;
  auto column_bottoms = [&](const PageFrame& page) {
    double left = 0, right = 0;
    for (const auto* t : texts(page))
      if (t->baseline < footer_top && t->baseline > 60) (t->x < mid ? left : right) = std::max(t->x < mid ? left : right, t->baseline);
    return std::make_pair(left, right);
  };
  const auto [l2, r2] = column_bottoms(doc.pages[1]);
  CHECK(l2 > doc.height * 0.7);
  CHECK(r2 > doc.height * 0.7);
  const auto [l, r] = column_bottoms(doc.pages.back());
  CHECK(l > 0);
  CHECK(r > 0);                       // the last page uses both columns...
  CHECK(std::abs(l - r) < doc.height * 0.25);  // ...to within an unbreakable block of each other
  MESSAGE("last page column bottoms: " << l << ", " << r);
  CHECK(stats.widows == 0);
  CHECK(stats.orphans == 0);
  CHECK(stats.overfull_lines == 0);
}

TEST_CASE("tri-fold: two landscape sides, panels in letter-fold order") {
  ArticleFixture f("trifold");
  auto h = Hyphenator::for_language("en");
  f.hyphenator = h.get();
  f.clinic.info.name = "Test Clinic";
  Diagnostics d;
  LayoutStats stats;
  auto doc = f.lay_out(f.markdown, d, &stats);
  CHECK_FALSE(d.has_errors());
  REQUIRE(doc.pages.size() == 2);
  CHECK(doc.width == 792);
  CHECK(doc.height == 612);
  const double panel = doc.width / 3;
  int page = -1;
  // The article starts at the top of inside panel D (side 2, left).
  const auto* first = find_text(doc, "What Is Vaginismus?", page);
  REQUIRE(first);
  CHECK(page == 1);
  CHECK(first->x < panel);
  // Its sections then run through E and F.
  const auto* later = find_text(doc, "Working With Your", page);
  REQUIRE(later);
  CHECK(page == 1);
  CHECK(later->x > panel);
  // The cover (side 1, right) carries the clinic name and the title.
  bool name_on_cover = false, title_on_cover = false;
  for (const auto* t : texts(doc.pages[0])) {
    name_on_cover |= t->text == "Test Clinic" && t->x > 2 * panel;
    title_on_cover |= t->text == "Vaginismus Explained" && t->x > 2 * panel;
  }
  CHECK(name_on_cover);
  CHECK(title_on_cover);
  // The contact details close the back panel B (side 1, middle).
  const auto* contact = find_text(doc, "Contact us", page);
  REQUIRE(contact);
  CHECK(page == 0);
  CHECK(contact->x > panel);
  CHECK(contact->x < 2 * panel);
  // The resources come after the article, on the outside (flap A or back B).
  const auto* resources = find_text(doc, "Helpful resources", page);
  REQUIRE(resources);
  CHECK(page == 0);
  CHECK(resources->x < 2 * panel);
  // Nothing is drawn across a fold except the fold guides at the paper's edges.
  for (const auto& pg : doc.pages)
    for (const auto* t : texts(pg)) {
      const int col = static_cast<int>(t->x / panel);
      CHECK(t->x + t->width <= (col + 1) * panel - 10);
    }
  CHECK(stats.overfull_lines == 0);
  CHECK(stats.widows == 0);
  CHECK(stats.orphans == 0);
}

TEST_CASE("tri-fold: content that does not fit is an error saying by how much") {
  ArticleFixture f("trifold");
  std::string twice = f.markdown + "\n\n" + f.markdown + "\n\n" + f.markdown;
  Diagnostics d;
  LayoutStats stats;
  f.lay_out(twice, d, &stats);
  REQUIRE(d.has_errors());
  CHECK(stats.overflow > 500);
  const auto message = format_diagnostic(d.items().back());
  CHECK(message.find("error: the article does not fit the tri-fold: ") != std::string::npos);
  CHECK(message.find(" pt of content (about ") != std::string::npos);
  CHECK(message.find("panels) more than the panels hold") != std::string::npos);
  CHECK(std::string(trifold_panel_name(0)) == "D");
  CHECK(std::string(trifold_panel_name(4)) == "B");
}

TEST_CASE("large print: 16 pt body or more, nothing under 14 pt, no italics, no justification") {
  ArticleFixture f("large-print");
  CHECK(f.layout.body_size >= 16);
  CHECK_FALSE(f.layout.justify);
  Diagnostics d;
  auto doc = f.lay_out(f.markdown + "\n\nSome *emphasis* here.\n", d);
  const auto& fonts = *test::fonts().set;
  for (const auto& page : doc.pages)
    for (const auto* t : texts(page)) {
      CHECK(t->size >= 14);
      CHECK(fonts.face(t->font).path().find("Italic") == std::string::npos);
    }
}

TEST_CASE("hyphenated two-column text: no page or column ends with a hyphen") {
  ArticleFixture f("two-column");
  auto h = Hyphenator::for_language("en");
  f.hyphenator = h.get();
  Diagnostics d;
  LayoutStats stats;
  auto doc = f.lay_out(f.markdown, d, &stats);
  CHECK(stats.hyphenated_lines > 5);
  // The last body line of each column must not end in the added hyphen.
  const double mid = doc.width / 2, footer_top = doc.height - 80;
  for (const auto& page : doc.pages) {
    std::map<bool, const TextItem*> lowest;
    for (const auto* t : texts(page)) {
      if (t->baseline > footer_top) continue;
      auto& slot = lowest[t->x < mid];
      if (!slot || t->baseline > slot->baseline || (t->baseline == slot->baseline && t->x > slot->x)) slot = t;
    }
    for (const auto& [col, t] : lowest) CHECK_FALSE(t->text.ends_with("\u2010"));
  }
}
