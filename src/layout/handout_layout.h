// The whole handout, the entry point of layout/: lays it out with the strategy its layout's
// kind asks for (pages or the tri-fold sheet), then checks the result. Included by the build,
// never by another layout file.
#pragma once
#include "assets/image.h"
#include "config/types.h"
#include "diag/diagnostic.h"
#include "fonts/font_set.h"
#include "layout/frame.h"
#include "layout/layout_types.h"
#include "style/style.h"

namespace handout {

/// The largest box the clinic logo is ever placed in with this layout (header band or
/// tri-fold cover), so images are decoded with just the pixels print needs.
PlacementBox largest_logo(const LayoutConfig& layout);
/// The same for an article's figures: at most the page's content area.
PlacementBox largest_figure(const LayoutConfig& layout);

/// Lays out a handout in `style` (made by make_style for its layout, brand and language).
/// Never fails: problems become diagnostics.
PagedDocument layout_handout(const HandoutInput& in, const Style& style, const FontSet& fonts, Diagnostics& diags,
                             LayoutStats* stats = nullptr);

}  // namespace handout
