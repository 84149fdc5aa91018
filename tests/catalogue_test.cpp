// The catalogue page (`build --index`): a pure function from entries to HTML, checked for
// what a reader and a screen reader need: escaping, lang and dir on titles, alt text, links.
#include <doctest/doctest.h>

#include <string>

#include "render/html/catalogue_page.h"

namespace handout {
namespace {

CatalogueEntry arabic_entry() {
  CatalogueEntry e;
  e.title = "التشنج المهبلي";
  e.title_lang = "ar", e.title_rtl = true;
  e.layout = "letter";
  e.pdf_href = "ar/vaginismus.pdf";
  e.thumbnail_href = "thumbnails/ar/vaginismus.png";
  e.thumbnail_width = 200, e.thumbnail_height = 259;
  e.pages = 3, e.bytes = 48 * 1024;
  e.translation = TranslationStatus::Draft;
  e.grade = 7.25, e.target_grade = 6;
  return e;
}

CataloguePage page_with(std::vector<CatalogueEntry> entries, const std::string& lang = "ar") {
  CataloguePage p;
  p.clinic = "Willow Creek";
  p.generator = "handout 0.1.0";
  p.sections.push_back({lang, lang == "ar" ? "العربية" : "English", lang == "ar", std::move(entries)});
  return p;
}

bool has(const std::string& html, const std::string& part) { return html.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("catalogue: html_escape replaces the five characters HTML gives meaning to") {
  CHECK(html_escape(R"(<b class="x">Tom & Jerry's</b>)") ==
        "&lt;b class=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/b&gt;");
  CHECK(html_escape("العربية") == "العربية");
}

TEST_CASE("catalogue: url_path percent-encodes all but unreserved characters and slashes") {
  CHECK(url_path("zh-Hans/a_b.large-print.pdf") == "zh-Hans/a_b.large-print.pdf");
  CHECK(url_path("a b/c\"d?.pdf") == "a%20b/c%22d%3F.pdf");
}

TEST_CASE("catalogue: a right-to-left title carries lang and dir, on the heading and the picture") {
  const std::string html = catalogue_html(page_with({arabic_entry()}));
  CHECK(has(html, "<h3 lang=\"ar\" dir=\"rtl\"><a href=\"ar/vaginismus.pdf\">التشنج المهبلي</a></h3>"));
  CHECK(has(html, "<img src=\"thumbnails/ar/vaginismus.png\" width=\"200\" height=\"259\" alt=\"التشنج المهبلي\" "
                  "lang=\"ar\" dir=\"rtl\">"));
  CHECK(has(html, "<h2 id=\"lang-ar\"><span lang=\"ar\" dir=\"rtl\">العربية</span>"));
}

TEST_CASE("catalogue: a left-to-right title has lang and no dir") {
  CatalogueEntry e = arabic_entry();
  e.title = "Vaginismus", e.title_lang = "en", e.title_rtl = false, e.pdf_href = "en/v.pdf";
  const std::string html = catalogue_html(page_with({e}, "en"));
  CHECK(has(html, "<h3 lang=\"en\"><a href=\"en/v.pdf\">Vaginismus</a></h3>"));
  CHECK_FALSE(has(html, "dir=\"rtl\""));
}

TEST_CASE("catalogue: every text from the content is escaped, in text and in attributes") {
  CatalogueEntry e = arabic_entry();
  e.title = "<script>alert('x')</script> & \"more\"";
  CataloguePage p = page_with({e});
  p.clinic = "A <Clinic> & Co";
  const std::string html = catalogue_html(p);
  CHECK_FALSE(has(html, "<script>"));
  CHECK_FALSE(has(html, "<Clinic>"));
  CHECK(has(html, "alt=\"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;more&quot;\""));
  CHECK(has(html, "<title>A &lt;Clinic&gt; &amp; Co: patient handouts</title>"));
}

TEST_CASE("catalogue: facts on each card: layout, pages and size, translation, grade against target") {
  const std::string html = catalogue_html(page_with({arabic_entry()}));
  CHECK(has(html, "<dt>Layout</dt><dd>letter</dd>"));
  CHECK(has(html, "<dt>Pages</dt><dd>3 <span class=\"note\">(PDF, 48 KB)</span></dd>"));
  CHECK(has(html, "Draft translation"));
  CHECK(has(html, "<dd>7.2 <span class=\"note\">(above target 6)</span></dd>"));
  CatalogueEntry fallback = arabic_entry();
  fallback.translation = TranslationStatus::Fallback, fallback.fallback_name = "English", fallback.grade.reset();
  const std::string other = catalogue_html(page_with({fallback}));
  CHECK(has(other, "Fallback: printed in English"));
  CHECK(has(other, "not measured"));
}

TEST_CASE("catalogue: no script, brand colours in the style, a summary and a language list") {
  CataloguePage p = page_with({arabic_entry(), arabic_entry()});
  p.colors.primary = {0x12, 0x34, 0x56};
  const std::string html = catalogue_html(p);
  CHECK_FALSE(has(html, "<script"));
  CHECK(has(html, "--primary: #123456;"));
  CHECK(has(html, "2 handouts in 1 language."));
  CHECK(has(html, "<nav aria-label=\"Languages\">"));
  CHECK(has(html, "<li><a href=\"#lang-ar\" lang=\"ar\" dir=\"rtl\">العربية</a></li>"));
  CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0) == 0);
}

TEST_CASE("catalogue: a card without a thumbnail has no picture, and the page stays valid") {
  CatalogueEntry e = arabic_entry();
  e.thumbnail_href.clear();
  const std::string html = catalogue_html(page_with({e}));
  CHECK_FALSE(has(html, "<img"));
  CHECK(has(html, "</html>\n"));
}

}  // namespace handout
