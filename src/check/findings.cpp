// The checks of `handout check`, each a pure function: no files, no clock, no fonts.
#include "check/findings.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <iterator>
#include <tuple>

#include "check/letters.h"
#include "util/link.h"
#include "util/utf8.h"

namespace handout {
namespace {

Finding finding(const char* check, Severity severity, const std::string& file, int line, int col, std::string message) {
  return {check, Diagnostic{file, line, col, severity, std::move(message)}};
}

// Text folded for matching: lowercase, ’ as ', any space as ' ' (one code point for one, so
// indices stay those of the text).
std::u32string folded(std::string_view text) {
  std::u32string out = utf8_decode(text);
  for (char32_t& c : out) c = c == U'\u2019' ? U'\'' : reading::is_space(c) ? U' ' : reading::to_lower(c);
  return out;
}

std::size_t utf8_length(char32_t c) { return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4; }

bool word_at(const std::u32string& t, std::size_t i) {
  return i < t.size() && reading::is_word_char(t[i]) && !reading::is_unspaced_cjk(t[i]);
}

// Start indices (code points) of whole-word matches of `term` in `text`.
std::vector<std::size_t> matches(const std::u32string& text, const std::u32string& term) {
  std::vector<std::size_t> out;
  if (term.empty()) return out;
  const bool spaced = !reading::is_unspaced_cjk(term.front());  // Chinese and Japanese have no word edges
  for (std::size_t at = text.find(term); at != std::u32string::npos; at = text.find(term, at + 1)) {
    const bool edges = !spaced || ((at == 0 || !word_at(text, at - 1)) && !word_at(text, at + term.size()));
    if (edges) out.push_back(at);
  }
  return out;
}

void piece_jargon(const TextPiece& piece, const std::u32string& term, const std::string& plainer, const std::string& file,
                  std::vector<Finding>& out) {
  const std::u32string text = folded(piece.text), original = utf8_decode(piece.text);
  for (std::size_t at : matches(text, term)) {
    std::size_t byte = 0;
    for (std::size_t i = 0; i < at; ++i) byte += utf8_length(original[i]);
    std::string written = utf8_encode(original.substr(at, term.size()));
    std::replace(written.begin(), written.end(), '\n', ' ');
    const WordPos pos = piece.position(byte);
    out.push_back(finding("jargon", Severity::Warning, file, pos.line, pos.col, "'" + written + "': say '" + plainer + "'"));
  }
}

// The scheme of a link target, lowercased ("" when it has none).
std::string scheme_of(std::string_view target) {
  const auto colon = target.find(':');
  if (colon == std::string_view::npos || colon == 0 || !std::isalpha(static_cast<unsigned char>(target[0]))) return "";
  std::string scheme(target.substr(0, colon));
  for (char& c : scheme) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '.' && c != '-') return "";
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return scheme;
}

std::string trimmed(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n"), e = s.find_last_not_of(" \t\r\n");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

bool operator<(CivilDate a, CivilDate b) {
  return std::tie(a.year, a.month, a.day) < std::tie(b.year, b.month, b.day);
}

// Whole months from `from` to `to` (not before it): a month counts once its day number is
// reached, so 2026-11-20 to 2026-12-05 is 0 months and 2024-11-25 to 2026-11-25 is 24.
int months_between(CivilDate from, CivilDate to) {
  return (to.year - from.year) * 12 + (to.month - from.month) - (to.day < from.day ? 1 : 0);
}

std::string iso(CivilDate d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

std::string hex(Color c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%02X%02X%02X", c.r, c.g, c.b);
  return buf;
}

std::string points(double v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%g pt", std::round(v * 10) / 10);
  return buf;
}

bool is_bold(const Style& s, FontId f) {
  return f == s.body_faces.bold || f == s.body_faces.bold_italic || f == s.heading_faces.bold ||
         f == s.heading_faces.bold_italic;
}

// A kind of text as the layout draws it: its style, colour and what is painted under it.
struct Drawn {
  std::string what;
  TextStyle style;
  Color background;
  const char* on;
};

TextStyle coloured(TextStyle t, Color c) {
  t.color = c;
  return t;
}

// Every kind of text the layouts draw, on what: the page, the header band, the resources box,
// a call-out, a code block. (Which style sits on which fill is the layout's, see block_flow,
// handout_sections, page_furniture and trifold_layout.)
std::vector<Drawn> drawn_text(const Style& s) {
  const Color white{0xFF, 0xFF, 0xFF};
  std::vector<Drawn> out = {
      {"body text", s.body, white, "the page"}, {"emphasis", s.body_italic, white, "the page"},
      {"links", coloured(s.body, s.link), white, "the page"}, {"list markers", s.list_marker, white, "the page"},
      {"title", s.title, white, "the page"}, {"summary", s.summary, white, "the page"},
      {"review date", s.meta, white, "the page"}, {"notices", s.notice, white, "the page"},
      {"captions", s.caption, white, "the page"}, {"code", s.code, s.code_fill, "a code block"},
      {"code spans", s.body, s.code_span_fill, "a code span's tint"},
      {"clinic name", s.header_name, s.band_fill, "the header band"},
      {"tagline", s.header_tagline, s.band_fill, "the header band"},
      {"header contact line", s.header_contact, s.band_fill, "the header band"},
      {"running header", s.running, white, "the page"},
      {"running header's clinic name", coloured(s.running, s.link), white, "the page"},
      {"footer", s.footer, white, "the page"}, {"footer note", s.footer_note, white, "the page"},
      {"resources box label", s.box_label, s.box_fill, "the resources box"},
      {"resource names", s.resource_name, s.box_fill, "the resources box"},
      {"resource descriptions", s.body, s.box_fill, "the resources box"},
      {"links in the resources box", coloured(s.body, s.link), s.box_fill, "the resources box"},
      {"call-out text", s.body, s.quote_fill, "a call-out"},
      {"links in a call-out", coloured(s.body, s.link), s.quote_fill, "a call-out"}};
  for (int i = 0; i < 6; ++i) out.push_back({"headings (level " + std::to_string(i + 1) + ")", s.headings[i], white, "the page"});
  return out;
}

}  // namespace

std::vector<Sentence> long_sentences(const ReadingStats& stats, int max_words) {
  std::vector<Sentence> out;
  std::copy_if(stats.sentence_list.begin(), stats.sentence_list.end(), std::back_inserter(out),
               [&](const Sentence& s) { return s.words > max_words; });
  return out;
}

std::vector<Finding> jargon_findings(const std::vector<TextPiece>& pieces,
                                     const std::vector<std::pair<std::string, std::string>>& plain_words,
                                     const std::string& file) {
  std::vector<Finding> out;
  for (const auto& [term, plainer] : plain_words) {
    const std::u32string folded_term = folded(term);
    for (const TextPiece& piece : pieces) piece_jargon(piece, folded_term, plainer, file, out);
  }
  return out;
}

std::vector<Finding> link_findings(const Document& doc, const std::string& file) {
  std::vector<Finding> out;
  for (const Reference& r : doc.references) {
    if (r.image) continue;
    const std::string target = trimmed(r.target), scheme = scheme_of(target);
    auto add = [&](Severity s, std::string m) { out.push_back(finding("links", s, file, r.line, r.col, std::move(m))); };
    const std::string quoted = "link '" + target + "'";
    if (scheme == "https" || scheme == "mailto" || scheme == "tel") {
      if (!link_target(target).ok()) add(Severity::Error, quoted + " is not a well-formed " + scheme + ": address");
    } else if (scheme == "http") {
      add(Severity::Warning, quoted + " is not encrypted (http:); use https: if the site has it");
    } else if (scheme.empty()) {
      add(Severity::Error, quoted + " has no scheme: a relative path opens nothing from a PDF; use https:, mailto: or tel:");
    } else {
      add(Severity::Error, quoted + " uses '" + scheme + ":'; only https:, mailto: and tel: links belong in a handout");
    }
  }
  return out;
}

std::vector<Finding> image_findings(const Document& doc, const std::string& file) {
  std::vector<Finding> out;
  for (const Reference& r : doc.references)
    if (r.image && trimmed(r.description).empty())
      out.push_back(finding("images", Severity::Warning, file, r.line, r.col,
                            "image '" + r.target + "' has no description: say what it shows, ![like this](" + r.target +
                                "), or a screen reader skips it"));
  return out;
}

std::vector<Finding> review_findings(const ArticleMeta& meta, CivilDate today, int months, const std::string& file) {
  const SourcePos at = meta.reviewed_pos.file.empty() ? SourcePos{file, 1, 1} : meta.reviewed_pos;
  if (meta.reviewed.size() != 10)
    return {finding("review", Severity::Warning, file, at.line, at.col,
                    "no 'reviewed' date: add the day a clinician last reviewed it (reviewed: YYYY-MM-DD)")};
  const CivilDate reviewed{std::stoi(meta.reviewed.substr(0, 4)), std::stoi(meta.reviewed.substr(5, 2)),
                           std::stoi(meta.reviewed.substr(8, 2))};
  // The dates themselves are compared: a month count says nothing about "after" (2026-11-20
  // is 0 whole months before 2026-12-05, and before it).
  if (today < reviewed)
    return {finding("review", Severity::Warning, file, at.line, at.col,
                    "'reviewed' " + meta.reviewed + " is after today (" + iso(today) + ")")};
  const int age = months_between(reviewed, today);
  if (age < months) return {};
  return {finding("review", Severity::Warning, file, at.line, at.col,
                  "reviewed " + meta.reviewed + ", " + std::to_string(age) + " months ago: due for review after " +
                      std::to_string(months) + " months (check.review_after_months)")};
}

std::vector<Finding> status_findings(const ArticleMeta& meta, const std::string& file) {
  if (meta.status != "draft") return {};
  const SourcePos at = meta.status_pos.file.empty() ? SourcePos{file, 1, 1} : meta.status_pos;
  return {finding("status", Severity::Warning, file, at.line, at.col,
                  "draft article (status: draft): not ready for patients; once a clinician has reviewed it, write "
                  "the day in 'reviewed:' and remove 'status: draft'")};
}

std::vector<Finding> draft_findings(const ArticleMeta& meta, const std::string& file) {
  if (meta.translation != "draft") return {};
  const SourcePos& at = meta.translation_pos;
  return {finding("translation", Severity::Warning, file, at.line, at.col,
                  "draft translation from '" + meta.source_language +
                      "': have a clinician fluent in the language review it, then set 'translation: reviewed'")};
}

std::vector<Finding> contrast_findings(const Style& style, const SourcePos& at) {
  std::vector<Finding> out;
  for (const Drawn& d : drawn_text(style)) {
    const bool large = d.style.size >= 18 || (is_bold(style, d.style.font) && d.style.size >= 14);
    const double needed = large ? 3.0 : 4.5, ratio = contrast_ratio(d.style.color, d.background);
    if (ratio >= needed) continue;
    char figures[96];
    std::snprintf(figures, sizeof figures, " is %.2f:1, under WCAG AA's %.1f:1", ratio, needed);
    out.push_back(finding("contrast", Severity::Error, at.file, at.line, at.col,
                          d.what + ": " + hex(d.style.color) + " on " + hex(d.background) + " (" + d.on + ")" + figures +
                              (large ? " for large text" : "")));
  }
  return out;
}

std::vector<Finding> small_text_findings(const Style& s, const LayoutConfig& layout, const SourcePos& at) {
  // Without a floor of its own, a layout is held to 8 pt for any text and 11 pt for body text.
  constexpr double kAnyText = 8, kBodyText = 11;
  std::vector<Finding> out;
  // A tri-fold may set its body as small as min_body_size: that is the size to judge.
  const Style smallest = layout.min_body_size > 0 ? with_body_size(s, layout, layout.min_body_size) : s;
  for (const Drawn& d : drawn_text(smallest)) {
    const bool body = d.what == "body text" || d.what == "emphasis";
    const double size = d.style.size;
    std::string why;
    if (layout.min_text_size > 0 && size < layout.min_text_size)
      why = "under the layout's min_text_size of " + points(layout.min_text_size);
    else if (layout.min_text_size <= 0 && size < kAnyText) why = "under " + points(kAnyText) + ", the least for any text";
    else if (layout.min_text_size <= 0 && body && size < kBodyText) why = "under " + points(kBodyText) + ", the least for body text";
    if (why.empty()) continue;
    out.push_back(finding("text size", layout.min_text_size > 0 ? Severity::Error : Severity::Warning, at.file, at.line,
                          at.col, d.what + " is " + points(size) + ", " + why));
  }
  return out;
}

namespace {

std::string fallback_hint(const std::string& suggest, const std::string& lang) {
  return suggest.empty() ? "" : "set 'fallback_language: " + suggest + "' to print the '" + suggest + "' version in '" + lang + "'";
}

}  // namespace

Finding missing_translation(const std::string& lang, const std::string& article, const std::string& path,
                            const std::string& fallback, const std::string& suggest) {
  const std::string what = "no '" + lang + "' translation of '" + article + "'";
  if (!fallback.empty())
    return finding("translation", Severity::Warning, path, 0, 0, what + ": the handout prints the '" + fallback + "' version");
  const std::string hint = fallback_hint(suggest, lang);
  return finding("translation", Severity::Error, path, 0, 0,
                 what + ": the build fails for this handout" + (hint.empty() ? "" : " (" + hint + ")"));
}

Finding untranslated_article(const std::string& lang, const std::string& article, const std::string& path,
                             const std::string& suggest) {
  const std::string hint = fallback_hint(suggest, lang);
  return finding("translation", Severity::Warning, path, 0, 0,
                 "no '" + lang + "' translation of '" + article + "', so the build makes no '" + lang +
                     "' handout of it: write this file" + (hint.empty() ? "" : ", or " + hint));
}

}  // namespace handout
