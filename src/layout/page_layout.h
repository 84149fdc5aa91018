// The page layouts (Letter, A4, large print, two columns): the header band and title block on
// page 1, the body in columns, the last page balanced, a running header and footer on each page.
#pragma once
#include "fonts/font_set.h"
#include "layout/frame.h"
#include "layout/layout_types.h"
#include "style/style.h"

namespace handout {

/// The LayoutStrategy of every layout that is not a tri-fold.
PagedDocument layout_pages(const HandoutInput& in, const Style& style, const FontSet& fonts, Diagnostics& diags,
                           LayoutStats& stats);

}  // namespace handout
