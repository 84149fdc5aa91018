// The shipped layouts: column balancing, tri-fold panel order and overflow, large print rules,
// and the page-break rules under hyphenation.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>

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

namespace {

// The fold positions of each side, read from the fold marks (vertical ticks at the sheet's edge).
std::vector<std::vector<double>> fold_marks(const PagedDocument& doc) {
  std::vector<std::vector<double>> out;
  for (const auto& page : doc.pages) {
    std::vector<double> xs;
    for (const auto& item : page.items)
      if (const auto* l = std::get_if<LineItem>(&item))
        if (l->x1 == l->x2 && std::min(l->y1, l->y2) == 0 &&
            std::find(xs.begin(), xs.end(), l->x1) == xs.end())
          xs.push_back(l->x1);
    std::sort(xs.begin(), xs.end());
    out.push_back(xs);
  }
  return out;
}

// The side's panel (0, 1, 2 from the left) that x lies in.
int panel_at(const std::vector<double>& folds, double x) { return x < folds[0] ? 0 : x < folds[1] ? 1 : 2; }

std::vector<Tagline> three_taglines() {
  return {{"English", "Language assistance is free. Call 555-0100.", "en", ""},
          {"Español", "Asistencia lingüística gratuita. Llame al 555-0100.", "es", ""},
          {"Tiếng Việt", "Hỗ trợ ngôn ngữ miễn phí. Gọi 555-0100.", "vi", ""}};
}

}  // namespace

TEST_CASE("tri-fold: two landscape sides, panels in letter-fold order") {
  ArticleFixture f("trifold");
  auto h = Hyphenator::for_language("en");
  f.hyphenator = h.get();
  f.clinic.info.name = "Test Clinic";
  f.taglines = three_taglines();
  Diagnostics d;
  LayoutStats stats;
  auto doc = f.lay_out(f.markdown, d, &stats);
  CHECK_FALSE(d.has_errors());
  REQUIRE(doc.pages.size() == 2);
  CHECK(doc.width == 792);
  CHECK(doc.height == 612);
  const auto folds = fold_marks(doc);
  REQUIRE(folds.size() == 2);
  REQUIRE(folds[0].size() == 2);
  REQUIRE(folds[1].size() == 2);
  int page = -1;
  // The article starts at the top of inside panel D (side 2, left).
  const auto* first = find_text(doc, "What Is Vaginismus?", page);
  REQUIRE(first);
  CHECK(page == 1);
  CHECK(panel_at(folds[1], first->x) == 0);
  // Its sections then run through E and F.
  const auto* later = find_text(doc, "Working With Your", page);
  REQUIRE(later);
  CHECK(page == 1);
  CHECK(panel_at(folds[1], later->x) > 0);
  // The cover (side 1, right) carries the clinic name and the title.
  bool name_on_cover = false, title_on_cover = false;
  for (const auto* t : texts(doc.pages[0])) {
    name_on_cover |= t->text == "Test Clinic" && panel_at(folds[0], t->x) == 2;
    title_on_cover |= t->text.starts_with("Vaginismus Explained") && panel_at(folds[0], t->x) == 2;
  }
  CHECK(name_on_cover);
  CHECK(title_on_cover);
  // The back panel B (side 1, middle) holds the taglines and closes with the contact details.
  const auto* contact = find_text(doc, "Contact us", page);
  REQUIRE(contact);
  CHECK(page == 0);
  CHECK(panel_at(folds[0], contact->x) == 1);
  int tagline_page = -1;
  const TextItem* tagline = nullptr;
  for (const auto* t : texts(doc.pages[0]))
    if (t->text.find("Asistencia") != std::string::npos) tagline = t, tagline_page = 0;
  REQUIRE(tagline);
  CHECK(tagline_page == 0);
  CHECK(panel_at(folds[0], tagline->x) == 1);
  CHECK(tagline->baseline < contact->baseline);
  CHECK(tagline->size >= 6.5);
  // The flap A (side 1, left) opens on a section: the helpful resources, under their label
  // (a tri-fold keeps it: the flap is read apart from the panel with the last heading).
  const auto* resources = find_text(doc, "Helpful resources", page);
  REQUIRE(resources);
  CHECK(page == 0);
  CHECK(panel_at(folds[0], resources->x) == 0);
  double flap_top = 1e9;
  for (const auto* t : texts(doc.pages[0]))
    if (panel_at(folds[0], t->x) == 0) flap_top = std::min(flap_top, t->baseline);
  CHECK(resources->baseline == flap_top);
  // No text runs across a fold, nor within 0.25 in of the sheet's edges.
  for (std::size_t p = 0; p < doc.pages.size(); ++p)
    for (const auto* t : texts(doc.pages[p])) {
      const int col = panel_at(folds[p], t->x);
      CHECK(t->x + t->width <= (col < 2 ? folds[p][col] : doc.width) - 10);
      CHECK(t->x >= 18);
      CHECK(t->x + t->width <= doc.width - 18);
      CHECK(t->baseline - t->size >= 18);
      CHECK(t->baseline <= doc.height - 18);
    }
  CHECK(stats.overfull_lines == 0);
  CHECK(stats.widows == 0);
  CHECK(stats.orphans == 0);
}

TEST_CASE("tri-fold: the tuck-in panel is narrower; the folds of the two sides lie behind each other") {
  for (const bool rtl : {false, true}) {
    ArticleFixture f("trifold");
    f.rtl = rtl;
    Diagnostics d;
    const auto folds = fold_marks(f.lay_out(f.markdown, d));
    REQUIRE(folds.size() == 2);
    REQUIRE(folds[0].size() == 2);
    REQUIRE(folds[1].size() == 2);
    // Duplexed on the short edge, x on one side is behind 792 - x on the other.
    CHECK(folds[1][0] == doctest::Approx(792 - folds[0][1]));
    CHECK(folds[1][1] == doctest::Approx(792 - folds[0][0]));
    for (const auto& side : folds) {
      const double w[3] = {side[0], side[1] - side[0], 792 - side[1]};
      const double narrow = *std::min_element(w, w + 3);
      int full = 0;
      for (double v : w) full += v - narrow >= 4.5 && v - narrow <= 9;  // 1/16 to 1/8 in wider
      CHECK(full == 2);
    }
    // The outside's narrow panel, the tuck-in flap, is the end away from the cover: left in a
    // left-to-right brochure, right in a mirrored one.
    const double flap = rtl ? 792 - folds[0][1] : folds[0][0];
    CHECK(flap < 792 / 3.0 - 2);
  }
}

TEST_CASE("tri-fold: the body is as large as fits, in quarter points, never under 9 pt") {
  auto body_size = [](const PagedDocument& doc) {
    std::map<double, double> width;  // the body is most of the text, by width set
    for (const auto& page : doc.pages)
      for (const auto* t : texts(page)) width[t->size] += t->width;
    return std::max_element(width.begin(), width.end(), [](auto& a, auto& b) { return a.second < b.second; })->first;
  };
  ArticleFixture f("trifold");
  Diagnostics d;
  // A short article gets the largest size; the example, 9 to 9.5 pt.
  const auto small = f.lay_out("## A heading\n\nA short article of a few words.\n", d);
  CHECK(body_size(small) == f.layout.body_size);
  const double example = body_size(f.lay_out(f.markdown, d));
  CHECK(example >= 9);
  CHECK(example < f.layout.body_size);
  CHECK(std::fmod(example * 4, 1.0) == 0);
  CHECK_FALSE(d.has_errors());
}

TEST_CASE("tri-fold: content that does not fit is an error saying how many words too long") {
  ArticleFixture f("trifold");
  std::string twice = f.markdown + "\n\n" + f.markdown;
  Diagnostics d;
  LayoutStats stats;
  f.lay_out(twice, d, &stats);
  REQUIRE(d.has_errors());
  CHECK(stats.overflow > 500);
  const auto message = format_diagnostic(d.items().back());
  MESSAGE(message);
  CHECK(message.find("error: the article is about ") != std::string::npos);
  CHECK(message.find(" words too long for the tri-fold at 9 pt") != std::string::npos);
  CHECK(message.find("shorten it or use another layout") != std::string::npos);
  // About as many words as the second copy holds that did not fit: most of the article.
  const auto at = message.find("about ") + 6;
  const int words = std::stoi(message.substr(at));
  CHECK(words > 500);
  CHECK(words < 1500);
  CHECK(std::string(trifold_panel_name(0)) == "D");
  CHECK(std::string(trifold_panel_name(3)) == "A");
  CHECK(std::string(trifold_panel_name(4)) == "B");
}

TEST_CASE("tri-fold: an article with no section where the flap would open is refused, saying so") {
  ArticleFixture f("trifold");
  f.resources.clear();
  std::string flat;  // the example with its headings turned into paragraphs: one long section
  std::istringstream lines(f.markdown);
  for (std::string line; std::getline(lines, line);) flat += (line.starts_with("#") ? line.substr(line.find(' ') + 1) : line) + "\n";
  flat += flat.substr(0, flat.size() / 4);  // a quarter longer: more than the three inside panels hold
  Diagnostics d;
  f.lay_out(flat, d);
  REQUIRE(d.has_errors());
  const auto message = format_diagnostic(d.items().back());
  MESSAGE(message);
  CHECK(message.find("only if the flap opens mid-section; start a section (a heading) where the inside panels end") !=
        std::string::npos);
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
  const double mid = doc.width / 2;
  for (const auto& page : doc.pages) {
    double footer_top = 0;  // the footer's rule: the lowest rule across the page
    for (const auto& item : page.items)
      if (const auto* l = std::get_if<LineItem>(&item); l && l->x2 - l->x1 > mid)
        footer_top = std::max(footer_top, l->y1);
    std::map<bool, const TextItem*> lowest;
    for (const auto* t : texts(page)) {
      if (t->baseline > footer_top) continue;
      auto& slot = lowest[t->x < mid];
      if (!slot || t->baseline > slot->baseline || (t->baseline == slot->baseline && t->x > slot->x)) slot = t;
    }
    for (const auto& [col, t] : lowest) CHECK_FALSE(t->text.ends_with("\u2010"));
  }
}

TEST_CASE("hyphenated two-column text: no title word split, no heading hyphenated") {
  ArticleFixture f("two-column");
  auto h = Hyphenator::for_language("en");
  f.hyphenator = h.get();
  f.meta.title = "Vaginismus: Why Penetration Can Hurt";
  // A heading too long for its column, of words the patterns split.
  f.markdown = "## Understanding Hypertonicity, Dyspareunia and Vestibulodynia Considerations\n\n" + f.markdown;
  Diagnostics d;
  LayoutStats stats;
  auto doc = f.lay_out(f.markdown, d, &stats);
  MESSAGE("hyphenated lines: " << stats.hyphenated_lines);
  CHECK(stats.hyphenated_lines > 0);
  int heading_lines = 0;
  for (const auto& page : doc.pages) {
    for (const auto* t : texts(page)) {
      const bool heading = t->tag.element >= 0 && doc.structure[t->tag.element].role.starts_with("H");
      heading_lines += heading;
      if (!t->text.ends_with("\u2010")) continue;
      CAPTURE(t->text);
      CHECK_FALSE(heading);
      // The fragment before the hyphen is never the start of a title word.
      std::string frag = t->text.substr(0, t->text.size() - 3);
      frag = frag.substr(frag.find_last_of(' ') == std::string::npos ? 0 : frag.find_last_of(' ') + 1);
      for (auto& c : frag) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      for (const std::string word : {"vaginismus", "penetration"}) CHECK_FALSE(word.starts_with(frag));
    }
  }
  CHECK(heading_lines > 2);  // the headings were found
}
