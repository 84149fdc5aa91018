// FontFace's shaping: HarfBuzz, and the face's own record of runs shaped this run.
#include <hb.h>

#include <algorithm>

#include "fonts/font_face.h"

namespace handout {

std::vector<ShapedGlyph> FontFace::shape(const std::u32string& text, std::size_t begin, std::size_t end, bool rtl,
                                         const std::string& lang) const {
  // What HarfBuzz sees: the run, up to five characters of context on each side
  // (HB_BUFFER_CONTEXT_LENGTH), direction and language. The same key shapes the same way.
  constexpr std::size_t kContext = 5;
  const std::size_t from = begin > kContext ? begin - kContext : 0, to = std::min(text.size(), end + kContext);
  std::u32string key = text.substr(from, to - from);
  key += static_cast<char32_t>(begin - from), key += static_cast<char32_t>(end - begin), key += rtl ? U'r' : U'l';
  key.append(lang.begin(), lang.end());
  std::vector<RawGlyph> raw;
  bool known = false;
  {
    std::lock_guard<std::mutex> lock(shapes_mutex_);
    if (auto it = shapes_.find(key); it != shapes_.end()) raw = it->second, known = true;
  }
  if (!known) {
    raw = shape_uncached(text, begin, end, rtl, lang);
    std::lock_guard<std::mutex> lock(shapes_mutex_);
    // Bounded: past about 200,000 glyphs (5 MB) a face forgets what it shaped and starts over.
    if (shaped_glyphs_ + raw.size() > 200000) shapes_.clear(), shaped_glyphs_ = 0;
    shapes_[key] = raw;
    shaped_glyphs_ += raw.size();
  }
  return in_em(raw, begin);
}

std::vector<ShapedGlyph> FontFace::in_em(const std::vector<RawGlyph>& raw, std::size_t begin) const {
  std::vector<ShapedGlyph> out(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    out[i].id = raw[i].id;
    out[i].cluster = raw[i].cluster + begin;
    out[i].advance = raw[i].advance / upem_;
    out[i].dx = raw[i].dx / upem_;
    out[i].dy = raw[i].dy / upem_;
    out[i].unsafe_to_break = raw[i].unsafe_to_break;
  }
  return out;
}

std::vector<RawGlyph> FontFace::shape_uncached(const std::u32string& text, std::size_t begin, std::size_t end,
                                               bool rtl, const std::string& lang) const {
  hb_buffer_t* buf = hb_buffer_create();
  hb_buffer_add_utf32(buf, reinterpret_cast<const uint32_t*>(text.data()), static_cast<int>(text.size()),
                      static_cast<unsigned>(begin), static_cast<int>(end - begin));
  hb_buffer_set_direction(buf, rtl ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
  hb_buffer_set_language(buf, hb_language_from_string(lang.c_str(), -1));
  hb_buffer_guess_segment_properties(buf);  // the script, from the text
  // Marks share their base's cluster: a base and its marks extract as one unit (ActualText),
  // which keeps Thai and Indic text in order when a PDF reader turns glyphs back into text.
  hb_buffer_set_cluster_level(buf, HB_BUFFER_CLUSTER_LEVEL_MONOTONE_GRAPHEMES);
  hb_shape(static_cast<hb_font_t*>(font_), buf, nullptr, 0);
  unsigned n = 0;
  const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf, &n);
  const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf, &n);
  std::vector<RawGlyph> out(n);
  for (unsigned i = 0; i < n; ++i) {
    out[i].id = info[i].codepoint;
    out[i].cluster = static_cast<std::uint32_t>(info[i].cluster - begin);
    out[i].advance = pos[i].x_advance;
    out[i].dx = pos[i].x_offset;
    out[i].dy = pos[i].y_offset;
    out[i].unsafe_to_break = hb_glyph_info_get_glyph_flags(&info[i]) & HB_GLYPH_FLAG_UNSAFE_TO_BREAK;
  }
  hb_buffer_destroy(buf);
  return out;
}

}  // namespace handout
