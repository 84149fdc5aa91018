#include "layout/inline_text.h"

#include <linebreak.h>

#include <mutex>
#include <set>

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
};

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
    pieces.push_back({start, end, i + 1});
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
    out.push_back({p.begin, cut, cut});
    p.begin = cut;
  }
  out.push_back(p);
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

SetLine assemble_line(const FlatText& flat, const std::vector<Span>& spans, const InlineStyles& styles,
                      const FontSet& fonts, std::size_t begin, std::size_t end) {
  SetLine line;
  double x = 0;
  std::size_t run_start = begin;
  for (std::size_t i = begin; i <= end; ++i) {
    if (i == end || flat.span_of[i] != flat.span_of[run_start]) {
      add_run(line, flat, spans, styles, fonts, run_start, i, x);
      x += width_of(flat, run_start, i);
      run_start = i;
    }
  }
  line.width = x;
  return line;
}

}  // namespace

std::vector<SetLine> set_paragraph(const std::vector<Span>& spans, const InlineStyles& styles,
                                   double width, const FontSet& fonts, const std::string& lang,
                                   const TextSource& source, Diagnostics& diags) {
  const FlatText flat = flatten(spans, styles, fonts, source, diags);
  std::vector<Piece> pieces;
  for (const auto& p : find_pieces(flat, lang)) split_wide_piece(flat, p, width, pieces);
  std::vector<BreakItem> items;
  items.reserve(pieces.size());
  for (const auto& p : pieces) {
    bool forced = p.space_end > p.end && flat.chars[p.space_end - 1] == U'\n';
    items.push_back({width_of(flat, p.begin, p.end), width_of(flat, p.end, p.space_end), forced});
  }
  std::vector<SetLine> lines;
  std::size_t first = 0;
  for (std::size_t end : break_first_fit(items, width)) {
    if (end == first) continue;
    // Spaces between pieces stay inside the line's text; only the last piece's are dropped.
    lines.push_back(assemble_line(flat, spans, styles, fonts, pieces[first].begin, pieces[end - 1].end));
    first = end;
  }
  return lines;
}

}  // namespace handout
