// Each handout's font memo (fonts/font_memo.h: the runs it shaped, the subsets it embedded)
// kept in the output folder as <out>/.handout-cache/fonts/<lang>/<article>[.<layout>]: a
// handout built again from unchanged text needs neither HarfBuzz nor hb-subset (English with
// the notice: 7 ms of 23). The job keeps one from a handout's second build on. A memo written
// by another binary or HarfBuzz, or damaged, is ignored; removing the folder costs only time.
#pragma once
#include <string>

#include "fonts/font_memo.h"

namespace handout {

/// The memo of the handout whose output file is `stem` (its PDF's name without ".pdf"), or an
/// empty memo.
FontMemo load_font_memo(const std::string& out_dir, const std::string& stem);
/// Keeps what the build of `stem` used, when it differs from what it loaded; a failed write
/// costs only the next build's time.
void save_font_memo(const std::string& out_dir, const std::string& stem, const FontMemo& memo);

/// The memo file's text for `memo` with `stamp`, and back (false: damaged, or another stamp).
std::string font_memo_text(const FontMemo::Contents& memo, const std::string& stamp);
bool parse_font_memo(const std::string& text, const std::string& stamp, FontMemo::Contents& out);

}  // namespace handout
