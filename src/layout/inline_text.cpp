#include "layout/inline_text.h"

#include <linebreak.h>

#include <algorithm>
#include <cwctype>
#include <mutex>
#include <set>

#include "layout/hyphenation.h"
#include "layout/line_breaker.h"
#include "util/utf8.h"

namespace handout {

InlineStyles inline_styles(const TextStyle& base, const FamilyFaces& faces, Color link_color) {
  InlineStyles s;
  s.regular = s.bold = s.italic = s.bold_italic = base;
  s.bold.font = faces.bold;
  s.italic.font = faces.italic;
  s.bold_italic.font = faces.bold_italic;
  s.link_color = link_color;
  return s;
}

TextItem set_text(const std::string& text, const TextStyle& style, const FontSet& fonts, double x,
                  double baseline) {
  TextItem t;
  t.x = x;
  t.baseline = baseline;
  t.font = style.font;
  t.size = style.size;
  t.color = style.color;
  t.text = text;
  t.width = fonts.face(style.font).text_width(text, style.size);
  return t;
}

namespace {

bool is_space(char32_t c) { return c == U' ' || c == U'\n' || c == U'\t'; }

// A paragraph flattened to code points, each with the span it came from.
struct FlatText {
  std::u32string chars;
  std::vector<int> span_of;
  std::vector<double> advance;  // points
};

const TextStyle& style_of(const Span& s, const InlineStyles& st) {
  if (s.strong && s.emph) return st.bold_italic;
  if (s.strong) return st.bold;
  if (s.emph) return st.italic;
  return st.regular;
}

FlatText flatten(const std::vector<Span>& spans, const InlineStyles& styles, const FontSet& fonts,
                 const TextSource& source, Diagnostics& diags) {
  FlatText flat;
  std::set<char32_t> reported;
  for (std::size_t i = 0; i < spans.size(); ++i) {
    const auto& span = spans[i];
    const auto& style = style_of(span, styles);
    const auto& face = fonts.face(style.font);
    std::u32string text = span.hard_break ? std::u32string(1, U'\n') : utf8_decode(span.text);
    for (char32_t c : text) {
      if (c == U'\t') c = U' ';
      if (c != U'\n' && !face.covers(c) && reported.insert(c).second) {
        char hex[16];
        std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(c));
        diags.warning(source.file, source.line, 0,
                      std::string("no font covers character ") + hex + " '" + utf8_encode(std::u32string(1, c)) + "'");
      }
      flat.chars.push_back(c);
      flat.span_of.push_back(static_cast<int>(i));
      flat.advance.push_back(c == U'\n' ? 0.0 : face.advance(c) * style.size);
    }
  }
  return flat;
}

// A break item plus the characters it covers: [begin, end) drawn, [end, space_end) spaces.
struct Piece {
  std::size_t begin, end, space_end;
  BreakKind after = BreakKind::Space;
};

// The hyphen added at a hyphenation break: U+2010 HYPHEN, so that text extraction can tell it
// from a hyphen that belongs to the word (U+002D).
constexpr char32_t kHyphen = U'\u2010';

std::vector<Piece> find_pieces(const FlatText& flat, const std::string& lang) {
  static std::once_flag once;
  std::call_once(once, init_linebreak);
  std::vector<char> brks(flat.chars.size());
  if (!flat.chars.empty())
    set_linebreaks_utf32(reinterpret_cast<const utf32_t*>(flat.chars.data()), flat.chars.size(),
                         lang.c_str(), brks.data());
  std::vector<Piece> pieces;
  std::size_t start = 0;
  for (std::size_t i = 0; i < flat.chars.size(); ++i) {
    if (brks[i] != LINEBREAK_MUSTBREAK && brks[i] != LINEBREAK_ALLOWBREAK && i + 1 != flat.chars.size()) continue;
    std::size_t end = i + 1;
    while (end > start && is_space(flat.chars[end - 1])) --end;
    BreakKind kind = end < i + 1 ? BreakKind::Space : BreakKind::Plain;
    if (brks[i] == LINEBREAK_MUSTBREAK || i + 1 == flat.chars.size()) kind = BreakKind::Forced;
    pieces.push_back({start, end, i + 1, kind});
    start = i + 1;
  }
  return pieces;
}

double width_of(const FlatText& flat, std::size_t b, std::size_t e) {
  double w = 0;
  for (std::size_t i = b; i < e; ++i) w += flat.advance[i];
  return w;
}

// Splits a piece too wide for the line into parts that fit, preferring to cut after
// URL punctuation so a web address stays readable.
void split_wide_piece(const FlatText& flat, Piece p, double width, std::vector<Piece>& out) {
  static const std::u32string kCutAfter = U"/.-_?&=#@";
  while (width_of(flat, p.begin, p.end) > width && p.end - p.begin > 1) {
    std::size_t fit = p.begin + 1;  // at least one character per line
    double w = flat.advance[p.begin];
    while (fit < p.end && w + flat.advance[fit] <= width) w += flat.advance[fit++];
    std::size_t cut = fit;
    for (std::size_t k = fit; k > p.begin + 1; --k) {
      if (kCutAfter.find(flat.chars[k - 1]) != std::u32string::npos &&
          width_of(flat, p.begin, k) >= width * 0.5) {
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

void add_run(SetLine& line, const FlatText& flat, const std::vector<Span>& spans,
             const InlineStyles& styles, const FontSet& fonts, std::size_t b, std::size_t e, double x) {
  const auto& span = spans[flat.span_of[b]];
  const auto& style = style_of(span, styles);
  std::u32string text;
  for (std::size_t i = b; i < e; ++i)
    if (flat.chars[i] != U'\n') text.push_back(flat.chars[i]);
  if (text.empty()) return;
  TextItem t;
  t.x = x;
  t.font = style.font;
  t.size = style.size;
  t.color = span.link.empty() ? style.color : styles.link_color;
  t.text = utf8_encode(text);
  t.width = width_of(flat, b, e);
  const auto& face = fonts.face(style.font);
  const double top = -face.ascender() * style.size * 0.92, height = (face.ascender() * 0.92 + face.descender()) * style.size;
  if (!span.link.empty()) {
    auto& links = line.links;
    if (!links.empty() && links.back().uri == span.link && links.back().x + links.back().w >= x - 4)
      links.back().w = x + t.width - links.back().x;
    else
      links.push_back({x, top, t.width, height, span.link});
  }
  if (span.code) line.backgrounds.push_back({x - 1.5, top + 1, t.width + 3, height - 1, styles.code_fill, {}, 0, 2});
  line.runs.push_back(std::move(t));
}

// Builds one line from characters [begin, end). Justification widens (or narrows) each word
// space by `space_factor` of its width; `hyphen` appends a hyphen in the last character's style.
SetLine assemble_line(FlatText& flat, const std::vector<Span>& spans, const InlineStyles& styles,
                      const FontSet& fonts, std::size_t begin, std::size_t end, double space_factor, bool hyphen) {
  SetLine line;
  if (hyphen && end > begin) {
    // Draw the hyphen as part of the last run: give it the span and style of the last letter.
    const auto& st = style_of(spans[flat.span_of[end - 1]], styles);
    flat.chars.insert(flat.chars.begin() + end, kHyphen);
    flat.span_of.insert(flat.span_of.begin() + end, flat.span_of[end - 1]);
    flat.advance.insert(flat.advance.begin() + end, fonts.face(st.font).advance(kHyphen) * st.size);
    ++end;
    line.hyphenated = true;
  }
  double x = 0;
  std::size_t run_start = begin;
  for (std::size_t i = begin; i <= end; ++i) {
    const bool space = i < end && space_factor != 0 && flat.chars[i] == U' ';
    if (i == end || space || flat.span_of[i] != flat.span_of[run_start]) {
      add_run(line, flat, spans, styles, fonts, run_start, i, x);
      x += width_of(flat, run_start, i);
      run_start = i;
    }
    if (space) {  // a justified space: skip it and move the next word over
      x += flat.advance[i] * (1 + space_factor);
      run_start = i + 1;
    }
  }
  line.width = x;
  line.space_ratio = 1 + space_factor;
  return line;
}

}  // namespace

std::vector<SetLine> set_paragraph(const std::vector<Span>& spans, const InlineStyles& styles,
                                   double width, const FontSet& fonts, const std::string& lang,
                                   const TextSource& source, Diagnostics& diags, const ParagraphOptions& options) {
  FlatText flat = flatten(spans, styles, fonts, source, diags);
  std::vector<Piece> wide, pieces;
  for (const auto& p : find_pieces(flat, lang)) split_wide_piece(flat, p, width, wide);
  for (const auto& p : wide) {
    if (options.hyphenator && options.total_fit)
      hyphenate_piece(flat, spans, *options.hyphenator, p, pieces);
    else
      pieces.push_back(p);
  }
  std::vector<BreakItem> items;
  items.reserve(pieces.size());
  for (const auto& p : pieces) {
    double hyphen_width = 0;
    if (p.after == BreakKind::Hyphen && p.end > p.begin) {
      const auto& st = style_of(spans[flat.span_of[p.end - 1]], styles);
      hyphen_width = fonts.face(st.font).advance(kHyphen) * st.size;
    }
    items.push_back({width_of(flat, p.begin, p.end), width_of(flat, p.end, p.space_end), p.after, hyphen_width});
  }
  std::vector<LineBreak> breaks;
  if (options.total_fit) {
    TotalFitParams params;
    params.width = width;
    params.justify = options.justify;
    params.ragged_stretch = styles.regular.size * 2.5;
    // Ragged lines need hyphens far less than justified ones: make each one cost more.
    params.hyphen_penalty = options.justify ? 50 : 150;
    breaks = break_total_fit(items, params);
  } else {
    std::size_t first = 0;
    for (auto end : break_first_fit(items, width)) {
      breaks.push_back({end, adjustment_ratio(items, first, end, width), false});
      first = end;
    }
  }
  // Set lines from the last so that inserted hyphens do not shift the characters still to come.
  std::vector<SetLine> lines(breaks.size());
  for (std::size_t li = breaks.size(); li-- > 0;) {
    const std::size_t first = li == 0 ? 0 : breaks[li - 1].end;
    const std::size_t last = breaks[li].end;  // one past
    if (last == first) continue;
    // Every word space of a justified line changes by the same fraction of its natural width.
    // A line that would need wider spaces than the limit is set short rather than gappy.
    const double r = options.justify ? breaks[li].ratio : 0;
    const double wanted = r > 0 ? r * kSpaceStretch : r * kSpaceShrink;
    const double factor = std::min(wanted, kMaxSpaceRatio - 1);
    lines[li] = assemble_line(flat, spans, styles, fonts, pieces[first].begin, pieces[last - 1].end, factor,
                              breaks[li].hyphenated);
    lines[li].loose = wanted > factor;
  }
  return lines;
}

}  // namespace handout
