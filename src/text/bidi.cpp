#include "text/bidi.h"

#include <fribidi/fribidi.h>

#include <algorithm>
#include <numeric>

namespace handout {

bool is_rtl_language(const std::string& lang) {
  static const char* kRtl[] = {"ar", "fa", "he", "iw", "ur", "ps", "yi", "dv", "ug", "ckb", "sd"};
  const std::string primary = lang.substr(0, lang.find('-'));
  return std::any_of(std::begin(kRtl), std::end(kRtl), [&](const char* p) { return primary == p; });
}

bool has_rtl(const std::u32string& text) {
  for (char32_t c : text) {
    const FriBidiCharType t = fribidi_get_bidi_type(c);
    if (t == FRIBIDI_TYPE_RTL || t == FRIBIDI_TYPE_AL) return true;
  }
  return false;
}

BidiParagraph analyse_bidi(const std::u32string& text, bool rtl_base) {
  BidiParagraph p;
  const auto n = static_cast<FriBidiStrIndex>(text.size());
  const auto* str = reinterpret_cast<const FriBidiChar*>(text.data());
  std::vector<FriBidiCharType> types(text.size());
  std::vector<FriBidiBracketType> brackets(text.size());
  std::vector<FriBidiLevel> levels(text.size());
  fribidi_get_bidi_types(str, n, types.data());
  fribidi_get_bracket_types(str, n, types.data(), brackets.data());
  // A paragraph's first strong letter decides its direction (an Arabic sentence on an English
  // page runs right to left). On a right-to-left page, a paragraph with any right-to-left
  // letter stays right to left even if it starts with a Latin word or a web address; only one
  // with none at all (an English name) runs left to right.
  FriBidiParType base = rtl_base && has_rtl(text) ? FRIBIDI_PAR_RTL : rtl_base ? FRIBIDI_PAR_WRTL : FRIBIDI_PAR_WLTR;
  if (!fribidi_get_par_embedding_levels_ex(types.data(), brackets.data(), n, &base, levels.data()))
    std::fill(levels.begin(), levels.end(), rtl_base ? 1 : 0);
  p.levels.assign(levels.begin(), levels.end());
  p.types.assign(types.begin(), types.end());
  p.rtl_base = FRIBIDI_IS_RTL(base);
  return p;
}

std::vector<std::size_t> visual_order(const BidiParagraph& para, const std::u32string& text, std::size_t begin,
                                      std::size_t end) {
  const auto len = static_cast<FriBidiStrIndex>(end - begin);
  std::vector<FriBidiLevel> levels(para.levels.begin() + static_cast<long>(begin),
                                   para.levels.begin() + static_cast<long>(end));
  std::vector<FriBidiCharType> types(para.types.begin() + static_cast<long>(begin),
                                     para.types.begin() + static_cast<long>(end));
  std::u32string line = text.substr(begin, end - begin);
  std::vector<FriBidiStrIndex> map(line.size());
  std::iota(map.begin(), map.end(), 0);
  const FriBidiParType base = para.rtl_base ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;
  if (!fribidi_reorder_line(FRIBIDI_FLAG_REORDER_NSM, types.data(), len, 0, base, levels.data(),
                            reinterpret_cast<FriBidiChar*>(line.data()), map.data()))
    std::iota(map.begin(), map.end(), 0);
  std::vector<std::size_t> order(map.size());
  for (std::size_t i = 0; i < map.size(); ++i) order[i] = begin + static_cast<std::size_t>(map[i]);
  return order;
}

}  // namespace handout
