// A CFF table's charset: which CID each glyph of a CID-keyed CFF font (Noto Sans CJK) carries.
// A PDF draws such a font by CID, and hb-subset keeps the original CIDs; we renumber them.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace handout {

/// The CID of every glyph of the CFF table `cff` (index = glyph id; glyph 0 is CID 0). False
/// when the table is malformed or not CID-keyed (then glyph ids are the codes to draw with).
bool cff_glyph_cids(std::string_view cff, std::vector<unsigned>& cid_of_glyph);

/// Rewrites the charset of the CID-keyed CFF table `cff` in place so that every glyph's CID is
/// its glyph id: a subset's CIDs then count up from 0 like a TrueType subset's glyph ids, and
/// the PDF draws both kinds the same way. False (nothing changed) when the table is malformed
/// or not CID-keyed.
bool cff_number_cids_by_glyph(std::string& cff);

}  // namespace handout
