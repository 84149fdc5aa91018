#include "render/html/catalogue_page.h"

#include <cstdio>

namespace handout {
namespace {

std::string hex(Color c) {
  char out[8];
  std::snprintf(out, sizeof out, "#%02X%02X%02X", c.r, c.g, c.b);
  return out;
}

// lang="…" and, for right-to-left text, dir="rtl".
std::string lang_attrs(const std::string& lang, bool rtl) {
  return " lang=\"" + html_escape(lang) + "\"" + (rtl ? " dir=\"rtl\"" : "");
}

std::string size_text(std::size_t bytes) {
  if (bytes < 1024 * 1024) return std::to_string((bytes + 512) / 1024) + " KB";
  char out[32];
  std::snprintf(out, sizeof out, "%.1f MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
  return out;
}

std::string grade_text(const CatalogueEntry& e) {
  if (!e.grade) return "not measured (no running text)";
  char out[64];
  std::snprintf(out, sizeof out, "%.1f", *e.grade);
  char target[32];
  std::snprintf(target, sizeof target, "%g", e.target_grade);
  return std::string(out) + " <span class=\"note\">(" + (*e.grade > e.target_grade ? "above" : "within") +
         " target " + target + ")</span>";
}

// The badge: its class and words.
std::string translation_badge(const CatalogueEntry& e) {
  switch (e.translation) {
    case TranslationStatus::Original: return "<span class=\"badge\">Original</span>";
    case TranslationStatus::Draft: return "<span class=\"badge draft\">Draft translation</span>";
    case TranslationStatus::Reviewed: return "<span class=\"badge\">Reviewed translation</span>";
    case TranslationStatus::Fallback:
      return "<span class=\"badge draft\">Fallback: printed in " + html_escape(e.fallback_name) + "</span>";
  }
  return "";
}

const char* kStyle = R"(<style>
:root { --primary: %PRIMARY%; --accent: %ACCENT%; --text: %TEXT%; --muted: %MUTED%; --link: %LINK%; }
* { box-sizing: border-box; }
body { margin: 0; background: #F6F8F8; color: var(--text); line-height: 1.45;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif; }
header { background: var(--primary); color: #FFF; padding: 1.5rem 2rem; border-bottom: 4px solid var(--accent); }
header h1 { margin: 0; font-size: 1.6rem; font-weight: 600; }
header p { margin: .3rem 0 0; }
nav, main, footer { max-width: 75rem; margin: 0 auto; padding: 0 2rem; }
nav ul { list-style: none; margin: 1.25rem 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: .4rem 1.1rem; }
a { color: var(--link); }
a:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
section { margin-top: 2rem; }
h2 { color: var(--primary); font-size: 1.4rem; font-weight: 600; margin: 0 0 1rem;
  padding-bottom: .3rem; border-bottom: 2px solid var(--accent); }
h2 .code { color: var(--muted); font-size: .9rem; font-weight: 400; }
.cards { list-style: none; margin: 0; padding: 0; display: grid; gap: 1.25rem;
  grid-template-columns: repeat(auto-fill, minmax(18rem, 1fr)); }
.card { background: #FFF; border: 1px solid #DCE2E3; border-radius: 8px; padding: 1rem;
  display: flex; flex-direction: column; gap: .6rem; }
.thumb { display: block; align-self: center; }
.thumb img { display: block; max-width: 100%; height: auto; border: 1px solid #DCE2E3;
  box-shadow: 0 1px 3px rgba(0, 0, 0, .08); background: #FFF; }
h3 { margin: 0; font-size: 1.05rem; font-weight: 600; line-height: 1.35; }
h3 a { text-decoration: none; }
h3 a:hover { text-decoration: underline; }
dl { margin: 0; display: grid; grid-template-columns: auto 1fr; gap: .15rem .8rem; font-size: .9rem; }
dt { color: var(--muted); white-space: nowrap; }
dd { margin: 0; }
.note { color: var(--muted); }
.badge { display: inline-block; padding: 0 .55rem; border-radius: 1rem; font-size: .85rem; white-space: nowrap;
  background: #E8F0EE; border: 1px solid var(--accent); }
.badge.draft { background: #FFF6DF; border-color: #E2C675; }
footer { color: var(--muted); font-size: .85rem; margin-top: 3rem; padding-bottom: 2rem; }
</style>
)";

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

std::string style_block(const CatalogueColors& c) {
  std::string s = kStyle;
  s = replace_all(s, "%PRIMARY%", hex(c.primary));
  s = replace_all(s, "%ACCENT%", hex(c.accent));
  s = replace_all(s, "%TEXT%", hex(c.text));
  s = replace_all(s, "%MUTED%", hex(c.muted));
  return replace_all(s, "%LINK%", hex(c.link));
}

std::string card(const CatalogueEntry& e) {
  const std::string href = html_escape(url_path(e.pdf_href));
  const std::string title = html_escape(e.title);
  const std::string lang = lang_attrs(e.title_lang, e.title_rtl);
  std::string out = "<li class=\"card\">\n";
  if (!e.thumbnail_href.empty())
    out += "<a class=\"thumb\" href=\"" + href + "\" tabindex=\"-1\"><img src=\"" +
           html_escape(url_path(e.thumbnail_href)) + "\" width=\"" + std::to_string(e.thumbnail_width) +
           "\" height=\"" + std::to_string(e.thumbnail_height) + "\" alt=\"" + title + "\"" + lang + "></a>\n";
  out += "<h3" + lang + "><a href=\"" + href + "\">" + title + "</a></h3>\n<dl>\n";
  out += "<dt>Layout</dt><dd>" + html_escape(e.layout) + "</dd>\n";
  out += "<dt>Pages</dt><dd>" + std::to_string(e.pages) + " <span class=\"note\">(PDF, " + size_text(e.bytes) +
         ")</span></dd>\n";
  out += "<dt>Text</dt><dd>" + translation_badge(e) +
         (e.outdated ? " <span class=\"badge draft outdated\">Outdated: its source changed since</span>" : "") + "</dd>\n";
  out += "<dt>Reading grade</dt><dd>" + grade_text(e) + "</dd>\n</dl>\n</li>\n";
  return out;
}

std::string section(const CatalogueSection& s) {
  const std::string id = "lang-" + html_escape(s.lang);
  std::string out = "<section aria-labelledby=\"" + id + "\">\n<h2 id=\"" + id + "\"><span" +
                    lang_attrs(s.lang, s.rtl) + ">" + html_escape(s.name_own) + "</span> <span class=\"code\">" +
                    html_escape(s.lang) + "</span></h2>\n<ul class=\"cards\">\n";
  for (const auto& e : s.entries) out += card(e);
  return out + "</ul>\n</section>\n";
}

std::string language_nav(const std::vector<CatalogueSection>& sections) {
  std::string out = "<nav aria-label=\"Languages\">\n<ul>\n";
  for (const auto& s : sections)
    out += "<li><a href=\"#lang-" + html_escape(s.lang) + "\"" + lang_attrs(s.lang, s.rtl) + ">" +
           html_escape(s.name_own) + "</a></li>\n";
  return out + "</ul>\n</nav>\n";
}

std::string plural(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

std::string url_path(std::string_view path) {
  static const char* digits = "0123456789ABCDEF";
  std::string out;
  for (const char c : path) {
    const auto u = static_cast<unsigned char>(c);
    const bool plain = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') ||
                       c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
    if (plain) out += c;
    else out += {'%', digits[u >> 4], digits[u & 15]};
  }
  return out;
}

std::string catalogue_html(const CataloguePage& page) {
  std::size_t handouts = 0;
  for (const auto& s : page.sections) handouts += s.entries.size();
  const std::string clinic = html_escape(page.clinic);
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                    "<title>" + clinic + ": patient handouts</title>\n" + style_block(page.colors) + "</head>\n<body>\n";
  out += "<header>\n<h1>" + clinic + ": patient handouts</h1>\n<p>" + plural(handouts, "handout", "handouts") +
         " in " + plural(page.sections.size(), "language", "languages") +
         ". Select a title or its picture to open the PDF.</p>\n</header>\n";
  out += language_nav(page.sections) + "<main>\n";
  for (const auto& s : page.sections) out += section(s);
  return out + "</main>\n<footer>\n<p>Made by " + html_escape(page.generator) +
         ". Reading grades are estimates from <code>handout check</code>.</p>\n</footer>\n</body>\n</html>\n";
}

}  // namespace handout
