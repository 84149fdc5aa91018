#include "layout/inline_text.h"

#include <algorithm>
#include <memory>
#include <cwctype>
#include <mutex>
#include <numeric>
#include <set>

#include "layout/flat_text.h"
#include "layout/line_breaker.h"
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
  for (auto strike : line.strikes) {
    strike.x1 += x, strike.x2 += x, strike.y1 += baseline, strike.y2 += baseline;
    out.push_back(strike);
  }
}

namespace {
using namespace paragraph;

// Builds one line from the logical characters [begin, end): runs in visual order from x = 0.
class LineAssembler {
 public:
  LineAssembler(const FlatText& flat, const std::vector<Span>& spans, const InlineStyles& styles,
                const FontSet& fonts)
      : flat_(flat), spans_(spans), styles_(styles), fonts_(fonts) {}

  // Justification widens (or narrows) each word space by `space_factor` of its width; `hyphen`
  // appends a hyphen; `from_right` measures the runs from the line's right edge, as every x of
  // a right-to-left page is measured until mirror_page turns the page round.
  SetLine build(std::size_t begin, std::size_t end, double space_factor, bool hyphen, bool from_right) {
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
    if (from_right) measure_from_right();
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
    t.tag.order = static_cast<int>(begin);
    t.tag.end = static_cast<int>(end);
    if (!span.link.empty()) t.tag.span = link_start(flat_.span_of[begin]);
    std::vector<std::size_t> byte_of(end - begin + 1, 0);  // character -> byte offset in t.text
    for (std::size_t i = begin; i < end; ++i) {
      byte_of[i - begin] = t.text.size();
      utf8_append(t.text, flat_.chars[i]);
    }
    auto reused = reuse_shaping(flat_, begin, end);
    for (const auto& g : reused ? *reused : shape_run(flat_, begin, end, style.size, fonts_)) {
      t.glyphs.push_back({g.id, static_cast<std::uint32_t>(byte_of[g.cluster - begin]), g.advance,
                          static_cast<float>(g.dx), static_cast<float>(g.dy)});
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
        links.push_back({x_, top, width, height, span.link, t.tag});
    }
    if (span.code) line_.backgrounds.push_back({x_ - 1.5, top + 1, width + 3, height - 1, styles_.code_fill, {}, 0, 2, {}});
    if (span.strike) {  // through the middle of the lower-case letters
      const double y = -0.28 * style.size;
      line_.strikes.push_back({x_, y, x_ + width, y, t.color, std::max(0.5, style.size / 18), {}});
    }
    x_ += width;
    line_.runs.push_back(std::move(t));
  }

  // The first of the spans that make one link (its text, then the address printed after it):
  // one Link element holds them all.
  int link_start(std::size_t span) const {
    while (span > 0 && spans_[span - 1].link == spans_[span].link) --span;
    return static_cast<int>(span);
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
      run.glyphs.back().cluster = static_cast<std::uint32_t>(run.text.size());
      run.text += text;
      run.width += w;
    } else {
      TextItem t;
      t.x = x_, t.font = font, t.size = style.size, t.color = style.color, t.width = w;
      t.text = text;
      t.glyphs.push_back(glyph);
      t.tag.order = static_cast<int>(last);
      runs.push_back(t);
    }
    x_ += w;
  }

  // Runs are assembled left to right in visual order; on a right-to-left page each x becomes
  // the distance of the run's right end from the line's right edge. mirror_page maps it back
  // to the page, so the line keeps its visual order.
  void measure_from_right() {
    const double w = line_.width;
    for (auto& r : line_.runs) r.x = w - (r.x + r.width);
    for (auto& l : line_.links) l.x = w - (l.x + l.w);
    for (auto& b : line_.backgrounds) b.x = w - (b.x + b.w);
    for (auto& l : line_.strikes) l.x1 = w - l.x1, l.x2 = w - l.x2;
  }

  const FlatText& flat_;
  const std::vector<Span>& spans_;
  const InlineStyles& styles_;
  const FontSet& fonts_;
  SetLine line_;
  double x_ = 0;
};

}  // namespace

namespace {

std::vector<SetLine> set_lines(const FlatText& flat, const std::vector<Span>& spans, const InlineStyles& styles,
                               double width, const FontSet& fonts, const std::string& lang,
                               const ParagraphOptions& options);

}  // namespace

std::vector<SetLine> set_paragraph(const std::vector<Span>& spans, const InlineStyles& styles, double width,
                                   const FontSet& fonts, const std::string& lang, const TextSource& source,
                                   Diagnostics& diags, const ParagraphOptions& options) {
  const FlatText flat = flatten(spans, styles, fonts, options.rtl, lang, source, diags);
  auto lines = set_lines(flat, spans, styles, width, fonts, lang, options);
  if (!options.balance || lines.size() < 2) return lines;
  // Balanced: the narrowest width that keeps the number of lines, found by halving (to a
  // point), so the last line is not a word left alone.
  double lo = width / static_cast<double>(lines.size()), hi = width;
  while (hi - lo > 1) {
    const double mid = (lo + hi) / 2;
    (set_lines(flat, spans, styles, mid, fonts, lang, options).size() <= lines.size() ? hi : lo) = mid;
  }
  return set_lines(flat, spans, styles, hi, fonts, lang, options);
}

namespace {

std::vector<SetLine> set_lines(const FlatText& flat, const std::vector<Span>& spans, const InlineStyles& styles,
                               double width, const FontSet& fonts, const std::string& lang,
                               const ParagraphOptions& options) {
  std::vector<Piece> wide, pieces;
  for (const auto& p : find_pieces(flat, lang, width, options.balance)) split_wide_piece(flat, p, width, wide);
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
    const bool own_hyphen = p.after == BreakKind::Plain && p.end > p.begin &&
                            (flat.chars[p.end - 1] == U'-' || flat.chars[p.end - 1] == kHyphen);
    items.push_back({width_of(flat, p.begin, p.end), width_of(flat, p.end, p.space_end), p.after, hyphen_width, own_hyphen});
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

}  // namespace

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
