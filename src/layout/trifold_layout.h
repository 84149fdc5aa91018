// The tri-fold brochure: a landscape sheet, two sides of three panels, in letter-fold order.
#pragma once
#include "fonts/font_set.h"
#include "layout/frame.h"
#include "layout/layout_types.h"
#include "style/style.h"

namespace handout {

/// Panels, left to right. Side 1 (outside, page 1): A = inside flap, B = back, C = cover.
/// Side 2 (inside, page 2): D, E, F. The article flows D -> E -> F -> A, the resources follow,
/// and the contact details close panel B. Content that does not fit is an error stating by how
/// much, never smaller text. The LayoutStrategy of the tri-fold layout.
PagedDocument layout_trifold(const HandoutInput& in, const Style& style, const FontSet& fonts, Diagnostics& diags,
                             LayoutStats& stats);

/// Panel names in flow order, for messages and tests: "D", "E", "F", "A", "B".
const char* trifold_panel_name(int frame);

}  // namespace handout
