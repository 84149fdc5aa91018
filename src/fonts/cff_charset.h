// Reading a CFF table's charset: which CID each glyph of a CID-keyed CFF font (Noto Sans CJK)
// carries. A PDF draws such a font by CID, and hb-subset keeps the original CIDs.
#pragma once
#include <string_view>
#include <vector>

namespace handout {

/// The CID of every glyph of the CFF table `cff` (index = glyph id; glyph 0 is CID 0). False
/// when the table is malformed or not CID-keyed (then glyph ids are the codes to draw with).
bool cff_glyph_cids(std::string_view cff, std::vector<unsigned>& cid_of_glyph);

}  // namespace handout
