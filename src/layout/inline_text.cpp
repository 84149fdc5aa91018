#include "layout/inline_text.h"

#include <algorithm>
#include <memory>
#include <cwctype>
#include <mutex>
#include <numeric>
#include <set>

#include "layout/bidi.h"
#include "layout/hyphenation.h"
#include "layout/line_breaker.h"
#include "text/line_breaks.h"
#include "util/utf8.h"

namespace handout {

void place_line(const SetLine& line, double x, double baseline, std::vector<Item>& out) {
  for (auto bg : line.backgrounds) {
    bg.x += x, bg.y += baseline;
    out.push_back(bg);
  }
  for (auto run : line.runs) {
    run.x += x, run.baseline = baseline;
    out.push_back(run);
  }
  for (auto link : line.links) {
    link.x += x, link.y += baseline;
    out.push_back(link);
  }
}

namespace {

bool is_space(char32_t c) { return c == U' ' || c == U'\n' || c == U'\t'; }

// The hyphen added at a hyphenation break: U+2010 HYPHEN, so that text extraction can tell it
// from a hyphen that belongs to the word (U+002D).
constexpr char32_t kHyphen = U'\u2010';

// A paragraph flattened to code points in logical order, each with its span and font, and
// measured by shaping: a character's advance is that of the glyphs whose cluster starts there
// (0 for the later characters of a ligature or conjunct).
struct FlatText {
  std::u32string chars;  // as written: for line breaking, hyphenation and shaping
  std::vector<int> span_of;
  std::vector<FontId> font_of;
  std::vector<double> advance;  // points
  std::vector<double> prefix;   // prefix[i]: sum of advance[0..i), so any width is O(1)
  bool bidi = false;            // needs reordering (right-to-left text present)
  BidiParagraph para;
  std::string lang;
  bool rtl_at(std::size_t i) const { return bidi && para.levels[i] % 2 == 1; }
  // The paragraph as shaped, run by run (glyphs in points, visual order), so a line can reuse
  // its slice instead of shaping again where HarfBuzz says a break there changes nothing.
  struct ShapedRun {
    std::size_t begin = 0, end = 0;
    std::vector<ShapedGlyph> glyphs;
  };
  std::vector<ShapedRun> runs;
};

// The glyphs of chars[begin, end) from the paragraph's shaping, when the range lies inside one
// run and both its edges are safe to break; null otherwise (then the range is shaped anew).
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
  static const std::u32string kSeparators = U"-. ()+/";
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

bool invisible(char32_t g) { return g == U'\n' || g == kLeftToRightIsolate || g == kPopIsolate; }

// Fonts for each character. A character the preferred face lacks takes the first fallback that
// covers its whole word (the run of such characters), so a word is never drawn in two fonts
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
      if (!covered && reported.insert(chars[k]).second) warn_uncovered(chars[k], source, diags);
    }
    i = j;
  }
}

// Where one shaping run ends: a change of span, font or direction, or an invisible character.
std::size_t run_end(const FlatText& flat, std::size_t begin, std::size_t limit) {
  std::size_t end = begin + 1;
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

// A break item plus the characters it covers: [begin, end) drawn, [end, space_end) spaces.
struct Piece {
  std::size_t begin, end, space_end;
  BreakKind after = BreakKind::Space;
};

std::vector<Piece> find_pieces(const FlatText& flat, const std::string& lang) {
  const auto& chars = flat.chars;
  const std::vector<BreakAfter> brks = line_breaks(chars, lang);
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

double width_of(const FlatText& flat, std::size_t b, std::size_t e) { return flat.prefix[e] - flat.prefix[b]; }

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

// Builds one line from the logical characters [begin, end): runs in visual order from x = 0.
class LineAssembler {
 public:
  LineAssembler(const FlatText& flat, const std::vector<Span>& spans, const InlineStyles& styles,
                const FontSet& fonts)
      : flat_(flat), spans_(spans), styles_(styles), fonts_(fonts) {}

  // Justification widens (or narrows) each word space by `space_factor` of its width; `hyphen`
  // appends a hyphen; `mirror` positions the runs for a page that will be mirrored.
  SetLine build(std::size_t begin, std::size_t end, double space_factor, bool hyphen, bool mirror) {
    line_ = SetLine{};
    x_ = 0;
    std::vector<std::size_t> order(end - begin);
    if (flat_.bidi)
      order = visual_order(flat_.para, flat_.chars, begin, end);
    else
      std::iota(order.begin(), order.end(), begin);
    // Groups of characters adjacent in visual order that form one run; each is a logical range
    // [lo, hi], shaped again on its own so a break inside a ligature or conjunct stays whole.
    std::size_t lo = 0, hi = 0;
    bool open = false;
    auto flush = [&] {
      if (open) add_run(lo, hi + 1);
      open = false;
    };
    for (std::size_t k = 0; k < order.size(); ++k) {
      const std::size_t i = order[k];
      if (invisible(flat_.chars[i])) continue;
      const bool stretched_space = space_factor != 0 && flat_.chars[i] == U' ';
      if (open && (stretched_space || !same_run(lo, i) || (i != hi + 1 && i + 1 != lo))) flush();
      if (stretched_space) {  // a justified space: leave a gap and start the next word after it
        x_ += flat_.advance[i] * (1 + space_factor);
        continue;
      }
      if (!open) lo = hi = i, open = true;
      lo = std::min(lo, i), hi = std::max(hi, i);
    }
    flush();
    if (hyphen && end > begin) add_hyphen(end - 1);
    line_.width = x_;
    line_.space_ratio = 1 + space_factor;
    line_.hyphenated = hyphen;
    if (mirror) mirror_runs();
    return std::move(line_);
  }

 private:
  bool same_run(std::size_t a, std::size_t b) const {
    return flat_.span_of[a] == flat_.span_of[b] && flat_.font_of[a] == flat_.font_of[b] &&
           flat_.rtl_at(a) == flat_.rtl_at(b);
  }

  void add_run(std::size_t begin, std::size_t end) {
    const auto& span = spans_[flat_.span_of[begin]];
    const auto& style = style_of(span, styles_);
    TextItem t;
    t.x = x_;
    t.font = flat_.font_of[begin];
    t.size = style.size;
    t.color = span.link.empty() ? style.color : styles_.link_color;
    t.rtl = flat_.rtl_at(begin);
    std::vector<std::size_t> byte_of(end - begin + 1, 0);  // character -> byte offset in t.text
    for (std::size_t i = begin; i < end; ++i) {
      byte_of[i - begin] = t.text.size();
      utf8_append(t.text, flat_.chars[i]);
    }
    auto reused = reuse_shaping(flat_, begin, end);
    for (const auto& g : reused ? *reused : shape_run(flat_, begin, end, style.size, fonts_)) {
      t.glyphs.push_back({g.id, byte_of[g.cluster - begin], g.advance, g.dx, g.dy});
      t.width += g.advance;
    }
    const double width = t.width;
    const auto& face = fonts_.face(style.font);
    const double top = -face.ascender() * style.size * 0.92;
    const double height = (face.ascender() * 0.92 + face.descender()) * style.size;
    if (!span.link.empty()) {
      auto& links = line_.links;
      if (!links.empty() && links.back().uri == span.link && links.back().x + links.back().w >= x_ - 4)
        links.back().w = x_ + width - links.back().x;
      else
        links.push_back({x_, top, width, height, span.link});
    }
    if (span.code) line_.backgrounds.push_back({x_ - 1.5, top + 1, width + 3, height - 1, styles_.code_fill, {}, 0, 2});
    x_ += width;
    line_.runs.push_back(std::move(t));
  }

  // The hyphen takes the font and style of the line's last character.
  void add_hyphen(std::size_t last) {
    const auto& style = style_of(spans_[flat_.span_of[last]], styles_);
    bool covered = true;
    const FontId font = fonts_.resolve(flat_.font_of[last], kHyphen, covered);
    const auto& face = fonts_.face(font);
    const double w = face.glyph_advance(face.glyph(kHyphen)) * style.size;
    const GlyphPos glyph{face.glyph(kHyphen), 0, w, 0, 0};
    const std::string text = utf8_encode(std::u32string(1, kHyphen));
    auto& runs = line_.runs;
    if (!runs.empty() && runs.back().font == font && !runs.back().rtl && runs.back().x + runs.back().width >= x_ - 1e-9) {
      auto& run = runs.back();
      run.glyphs.push_back(glyph);
      run.glyphs.back().cluster = run.text.size();
      run.text += text;
      run.width += w;
    } else {
      TextItem t;
      t.x = x_, t.font = font, t.size = style.size, t.color = style.color, t.width = w;
      t.text = text;
      t.glyphs.push_back(glyph);
      runs.push_back(t);
    }
    x_ += w;
  }

  // A mirrored page flips every x; placing each run at its mirror image inside the line
  // makes the two flips cancel, so the line still reads in visual order.
  void mirror_runs() {
    const double w = line_.width;
    for (auto& r : line_.runs) r.x = w - (r.x + r.width);
    for (auto& l : line_.links) l.x = w - (l.x + l.w);
    for (auto& b : line_.backgrounds) b.x = w - (b.x + b.w);
  }

  const FlatText& flat_;
  const std::vector<Span>& spans_;
  const InlineStyles& styles_;
  const FontSet& fonts_;
  SetLine line_;
  double x_ = 0;
};

}  // namespace

std::vector<SetLine> set_paragraph(const std::vector<Span>& spans, const InlineStyles& styles, double width,
                                   const FontSet& fonts, const std::string& lang, const TextSource& source,
                                   Diagnostics& diags, const ParagraphOptions& options) {
  const FlatText flat = flatten(spans, styles, fonts, options.rtl, lang, source, diags);
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
      hyphen_width = fonts.face(flat.font_of[p.end - 1]).advance(kHyphen) * st.size;
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
  LineAssembler assembler(flat, spans, styles, fonts);
  std::vector<SetLine> lines;
  std::size_t first = 0;
  for (const auto& br : breaks) {
    if (br.end == first) continue;
    // Every word space of a justified line changes by the same fraction of its natural width;
    // a line that would need wider spaces than the limit is set short rather than gappy.
    const double r = options.justify ? br.ratio : 0;
    const double wanted = r > 0 ? r * kSpaceStretch : r * kSpaceShrink;
    const double factor = std::min(wanted, kMaxSpaceRatio - 1);
    lines.push_back(
        assembler.build(pieces[first].begin, pieces[br.end - 1].end, factor, br.hyphenated, options.rtl));
    lines.back().loose = wanted > factor;
    first = br.end;
  }
  return lines;
}

SetLine set_label(const std::string& text, const TextStyle& style, const FontSet& fonts, const Script& script) {
  Span span;
  span.text = text;
  InlineStyles styles;
  styles.regular = styles.bold = styles.italic = styles.bold_italic = style;
  styles.link_color = style.color;
  ParagraphOptions options;
  options.rtl = script.rtl;
  options.total_fit = false;
  Diagnostics ignored;  // labels come from strings and config, whose characters the body shares
  auto lines = set_paragraph({span}, styles, 1e9, fonts, script.lang, {}, ignored, options);
  return lines.empty() ? SetLine{} : lines.front();
}

}  // namespace handout
