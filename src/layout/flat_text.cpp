#include "layout/flat_text.h"

#include <algorithm>
#include <cstdio>
#include <cwctype>
#include <set>

#include "text/hyphenation.h"
#include "text/line_breaks.h"
#include "util/utf8.h"

namespace handout::paragraph {
namespace {

void warn_uncovered(char32_t c, const TextSource& source, Diagnostics& diags) {
  char hex[16];
  std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(c));
  diags.warning(source.file, source.line, 0,
                std::string("no font covers character ") + hex + " '" + utf8_encode(std::u32string(1, c)) + "'");
}

// Bidi isolates (LRI ... PDI): invisible, zero width, never drawn.
constexpr char32_t kLeftToRightIsolate = U'\u2066', kPopIsolate = U'\u2069';

bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }

// In right-to-left text a phone number such as "(503) 555-0142" would be reordered by the
// bidi algorithm ("0142-555"); isolating each number group keeps it reading left to right.
void isolate_number_groups(FlatText& flat) {
  static const std::u32string kSeparators = U"-. ()+/\u00A0\u202F";  // no-break spaces keep a number whole
  std::u32string chars;
  std::vector<int> spans;
  for (std::size_t i = 0; i < flat.chars.size();) {
    const bool starts = is_digit(flat.chars[i]) ||
                        ((flat.chars[i] == U'(' || flat.chars[i] == U'+') && i + 1 < flat.chars.size() &&
                         is_digit(flat.chars[i + 1]));
    if (!starts) {
      chars.push_back(flat.chars[i]);
      spans.push_back(flat.span_of[i]);
      ++i;
      continue;
    }
    std::size_t j = i, last_digit = i, separators = 0;
    while (j < flat.chars.size() && (is_digit(flat.chars[j]) || kSeparators.find(flat.chars[j]) != std::u32string::npos)) {
      if (is_digit(flat.chars[j])) last_digit = j; else ++separators;
      ++j;
    }
    std::size_t end = last_digit + 1;
    if (end < flat.chars.size() && flat.chars[end] == U')') ++end;
    const bool isolate = separators > 0 && end - i > 3;
    if (isolate) chars.push_back(kLeftToRightIsolate), spans.push_back(flat.span_of[i]);
    for (std::size_t k = i; k < end; ++k) chars.push_back(flat.chars[k]), spans.push_back(flat.span_of[k]);
    if (isolate) chars.push_back(kPopIsolate), spans.push_back(flat.span_of[end - 1]);
    i = end;
  }
  flat.chars = std::move(chars);
  flat.span_of = std::move(spans);
}

// Fonts for each character. A character the preferred face lacks takes the first fallback that
// covers its whole word (the run of such characters), so a word is never drawn in two fonts
// A space between two words set in the same fallback font (Arabic, Devanagari, Thai...) takes
// that font too: its width is the script's own, and the words and spaces stay one run.
void spaces_take_their_words_font(FlatText& flat, const FontSet& fonts) {
  const auto& chars = flat.chars;
  for (std::size_t i = 1; i + 1 < chars.size(); ++i) {
    if (!is_space(chars[i])) continue;
    std::size_t j = i;
    while (j + 1 < chars.size() && is_space(chars[j + 1]) && flat.span_of[j + 1] == flat.span_of[i]) ++j;
    if (j + 1 >= chars.size()) break;
    const FontId before = flat.font_of[i - 1], after = flat.font_of[j + 1];
    const bool same_span = flat.span_of[i - 1] == flat.span_of[i] && flat.span_of[j + 1] == flat.span_of[i];
    if (same_span && before == after && before != flat.font_of[i] && fonts.face(before).covers(chars[i]))
      for (std::size_t k = i; k <= j; ++k) flat.font_of[k] = before;
    i = j;
  }
}

// A span in italics whose text is partly drawn by a family that has no italic (Chinese,
// Japanese, Korean, Arabic, Indic, Thai fonts) is set upright throughout: otherwise its Latin
// digits and punctuation would lean inside upright words ("*2026*년").
void one_slant_per_span(FlatText& flat, const FontSet& fonts) {
  std::set<int> upright;
  for (std::size_t k = 0; k < flat.chars.size(); ++k)
    if (flat.font_of[k] % 4 >= 2 && fonts.italic_stands_in(flat.font_of[k])) upright.insert(flat.span_of[k]);
  for (std::size_t k = 0; k < flat.chars.size(); ++k)
    if (upright.count(flat.span_of[k]) && flat.font_of[k] % 4 >= 2) flat.font_of[k] -= 2;
}

// when one font has all of it; only when none does is each character resolved on its own.
void choose_fonts(FlatText& flat, const std::vector<Span>& spans, const InlineStyles& styles, const FontSet& fonts,
                  const TextSource& source, Diagnostics& diags) {
  const auto& chars = flat.chars;
  flat.font_of.assign(chars.size(), 0);
  std::set<char32_t> reported;
  for (std::size_t i = 0; i < chars.size();) {
    const FontId preferred = style_of(spans[flat.span_of[i]], styles).font;
    if (invisible(chars[i]) || fonts.face(preferred).covers(chars[i])) {
      flat.font_of[i++] = preferred;
      continue;
    }
    std::size_t j = i;  // the run of characters the preferred face lacks, in one span
    while (j < chars.size() && flat.span_of[j] == flat.span_of[i] && !is_space(chars[j]) && !invisible(chars[j]) &&
           !fonts.face(preferred).covers(chars[j]))
      ++j;
    const FontId whole = fonts.resolve_all(preferred, chars.substr(i, j - i), flat.lang);
    for (std::size_t k = i; k < j; ++k) {
      bool covered = true;
      flat.font_of[k] = whole >= 0 ? whole : fonts.resolve(preferred, chars[k], covered, flat.lang);
      if (!covered && reported.insert(chars[k]).second && !source.personal) warn_uncovered(chars[k], source, diags);
    }
    i = j;
  }
  if (source.personal && !reported.empty())
    diags.warning(source.file, source.line, 0,
                  std::to_string(reported.size()) + (reported.size() == 1 ? " character" : " characters") +
                      " of this visit's personal text (name, clinician, note) have no font to draw them (not shown: "
                      "a patient's data is never quoted in messages)");
  one_slant_per_span(flat, fonts);
  spaces_take_their_words_font(flat, fonts);
}

}  // namespace

bool invisible(char32_t g) { return g == U'\n' || g == kLeftToRightIsolate || g == kPopIsolate; }

std::unique_ptr<std::vector<ShapedGlyph>> reuse_shaping(const FlatText& flat, std::size_t begin, std::size_t end) {
  const auto run = std::find_if(flat.runs.begin(), flat.runs.end(),
                                [&](const FlatText::ShapedRun& r) { return r.begin <= begin && begin < r.end; });
  if (run == flat.runs.end() || end > run->end) return nullptr;
  auto safe_edge = [&](std::size_t at) {
    if (at == run->begin || at == run->end) return true;
    bool starts_cluster = false;
    for (const auto& g : run->glyphs)
      if (g.cluster == at) {
        if (g.unsafe_to_break) return false;
        starts_cluster = true;
      }
    return starts_cluster;
  };
  if (!safe_edge(begin) || !safe_edge(end)) return nullptr;
  auto out = std::make_unique<std::vector<ShapedGlyph>>();
  for (const auto& g : run->glyphs)
    if (g.cluster >= begin && g.cluster < end) out->push_back(g);
  return out;
}

const TextStyle& style_of(const Span& s, const InlineStyles& st) {
  if (s.strong && s.emph) return st.bold_italic;
  if (s.strong) return st.bold;
  if (s.emph) return st.italic;
  return st.regular;
}

std::size_t run_end(const FlatText& flat, std::size_t begin, std::size_t limit) {
  std::size_t end = begin + 1;
  // An isolate or line break is a run of its own: were it the first of a run, the characters
  // after it (a phone number in a right-to-left line) would go unshaped and unmeasured.
  if (invisible(flat.chars[begin])) return end;
  while (end < limit && flat.span_of[end] == flat.span_of[begin] && flat.font_of[end] == flat.font_of[begin] &&
         flat.rtl_at(end) == flat.rtl_at(begin) && !invisible(flat.chars[end]))
    ++end;
  return end;
}

// Shapes chars[begin, end) as one run and returns its glyphs in points, in visual order.
std::vector<ShapedGlyph> shape_run(const FlatText& flat, std::size_t begin, std::size_t end, double size,
                                   const FontSet& fonts) {
  auto glyphs = fonts.face(flat.font_of[begin]).shape(flat.chars, begin, end, flat.rtl_at(begin), flat.lang);
  for (auto& g : glyphs) g.advance *= size, g.dx *= size, g.dy *= size;
  return glyphs;
}

FlatText flatten(const std::vector<Span>& spans, const InlineStyles& styles, const FontSet& fonts, bool rtl,
                 const std::string& lang, const TextSource& source, Diagnostics& diags) {
  FlatText flat;
  flat.lang = lang;
  for (std::size_t i = 0; i < spans.size(); ++i) {
    std::u32string text = spans[i].hard_break ? std::u32string(1, U'\n') : utf8_decode(spans[i].text);
    for (char32_t c : text) {
      flat.chars.push_back(c == U'\t' ? U' ' : c);
      flat.span_of.push_back(static_cast<int>(i));
    }
  }
  flat.bidi = rtl || has_rtl(flat.chars);
  if (flat.bidi) isolate_number_groups(flat);
  if (flat.bidi) flat.para = analyse_bidi(flat.chars, rtl);
  choose_fonts(flat, spans, styles, fonts, source, diags);
  flat.advance.assign(flat.chars.size(), 0.0);
  for (std::size_t b = 0; b < flat.chars.size();) {
    const std::size_t e = run_end(flat, b, flat.chars.size());
    if (!invisible(flat.chars[b])) {
      flat.runs.push_back({b, e, shape_run(flat, b, e, style_of(spans[flat.span_of[b]], styles).size, fonts)});
      for (const auto& g : flat.runs.back().glyphs) flat.advance[g.cluster] += g.advance;
    }
    b = e;
  }
  flat.prefix.assign(flat.advance.size() + 1, 0.0);
  for (std::size_t i = 0; i < flat.advance.size(); ++i) flat.prefix[i + 1] = flat.prefix[i] + flat.advance[i];
  return flat;
}

namespace {

// UAX #14's mandatory breaks: BK, CR, LF, NL.
bool forces_break(char32_t c) {
  return c == U'\n' || c == U'\r' || c == 0x0B || c == 0x0C || c == 0x85 || c == 0x2028 || c == 0x2029;
}

std::vector<Piece> pieces_at(const FlatText& flat, const std::vector<BreakAfter>& brks) {
  const auto& chars = flat.chars;
  std::vector<Piece> pieces;
  std::size_t start = 0;
  for (std::size_t i = 0; i < chars.size(); ++i) {
    if (brks[i] == BreakAfter::None && i + 1 != chars.size()) continue;
    std::size_t end = i + 1;
    while (end > start && is_space(chars[end - 1])) --end;
    BreakKind kind = end < i + 1 ? BreakKind::Space : BreakKind::Plain;
    if (brks[i] == BreakAfter::Mandatory || i + 1 == chars.size()) kind = BreakKind::Forced;
    pieces.push_back({start, end, i + 1, kind});
    start = i + 1;
  }
  return pieces;
}

}  // namespace

std::vector<Piece> find_pieces(const FlatText& flat, const std::string& lang) {
  return pieces_at(flat, line_breaks(flat.chars, lang));
}

std::vector<Piece> find_pieces(const FlatText& flat, const std::string& lang, double width, bool whole_words) {
  // A label, a heading, a tagline that fits whole is one line whatever its break opportunities:
  // ICU is not asked (its Thai dictionary alone takes half a millisecond to load).
  if (flat.prefix.back() <= width && std::none_of(flat.chars.begin(), flat.chars.end(), forces_break))
    return pieces_at(flat, std::vector<BreakAfter>(flat.chars.size(), BreakAfter::None));
  return whole_words ? pieces_at(flat, line_breaks(flat.chars, lang, true)) : find_pieces(flat, lang);
}

void split_wide_piece(const FlatText& flat, Piece p, double width, std::vector<Piece>& out) {
  static const std::u32string kCutAfter = U"/.-_?&=#@";
  while (width_of(flat, p.begin, p.end) > width && p.end - p.begin > 1) {
    std::size_t fit = p.begin + 1;  // at least one character per line
    double w = flat.advance[p.begin];
    while (fit < p.end && w + flat.advance[fit] <= width) w += flat.advance[fit++];
    std::size_t cut = fit;
    for (std::size_t k = fit; k > p.begin + 1; --k) {
      if (kCutAfter.find(flat.chars[k - 1]) != std::u32string::npos && width_of(flat, p.begin, k) >= width * 0.5) {
        cut = k;
        break;
      }
    }
    out.push_back({p.begin, cut, cut, BreakKind::Plain});
    p.begin = cut;
  }
  out.push_back(p);
}

// Splits a piece at the hyphenation points of its words. Pieces holding digits, '@', '/' or
// ':' (numbers, phone numbers, e-mail and web addresses), links and code are left whole.
void hyphenate_piece(const FlatText& flat, const std::vector<Span>& spans, const Hyphenator& hyph, Piece p,
                     std::vector<Piece>& out) {
  for (std::size_t i = p.begin; i < p.end; ++i) {
    const char32_t c = flat.chars[i];
    const auto& span = spans[flat.span_of[i]];
    if (std::iswdigit(static_cast<wint_t>(c)) || c == U'@' || c == U'/' || c == U':' || !span.link.empty() ||
        span.code) {
      out.push_back(p);
      return;
    }
  }
  std::size_t start = p.begin;
  for (std::size_t i = p.begin; i < p.end;) {
    if (!is_letter(flat.chars[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < p.end && is_letter(flat.chars[j])) ++j;
    for (std::size_t k : hyph.points(flat.chars.substr(i, j - i))) {
      out.push_back({start, i + k, i + k, BreakKind::Hyphen});
      start = i + k;
    }
    i = j;
  }
  out.push_back({start, p.end, p.space_end, p.after});
}

}  // namespace handout::paragraph
