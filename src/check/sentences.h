// Sentence boundaries in one sample of plain text.
#pragma once
#include <string_view>
#include <vector>

namespace handout::reading {

/// A sentence as [begin, end) code-point offsets into a sample's decoded text.
struct SentenceSpan {
  std::size_t begin = 0;
  std::size_t end = 0;
};

/// Splits at . ! ? … and 。！？ । ። ؟ (with closing quotes), not after abbreviations ("Dr.",
/// "e.g.") or inside numbers ("3.5"); the end of the text ends its last sentence.
std::vector<SentenceSpan> split_sentences(std::u32string_view text);

}  // namespace handout::reading
