#include "layout/handout_layout.h"

#include <algorithm>

#include "layout/page_layout.h"
#include "layout/placement_check.h"
#include "layout/trifold_layout.h"

namespace handout {

PlacementBox largest_logo(const LayoutConfig& layout) {
  // Pages: the band's widest logo and the band's height; tri-fold cover: a panel wide.
  const FurnitureStyle f;
  return {std::max(f.band_logo_max_width, layout.page_width / 3), std::max(layout.header_band, f.cover_logo_height)};
}

PlacementBox largest_figure(const LayoutConfig& layout) {
  return {layout.page_width - layout.margin_left - layout.margin_right,
          layout.page_height - layout.margin_top - layout.margin_bottom};
}

namespace {

// The one place a layout's kind picks how its handouts are laid out.
LayoutStrategy strategy_for(const LayoutConfig& layout) { return layout.trifold ? layout_trifold : layout_pages; }

}  // namespace

PagedDocument layout_handout(const HandoutInput& in, const Style& style, const FontSet& fonts, Diagnostics& diags,
                             LayoutStats* stats) {
  LayoutStats local;
  PagedDocument doc = strategy_for(*in.layout)(in, style, fonts, diags, local);
  check_inside_pages(doc, in.article_file, diags, style.furniture.safe_edge);
  check_no_boxes(doc, in.article_file, in.clinic->missing_glyphs_allowed, in.personal != nullptr, diags);
  if (stats) *stats = local;
  return doc;
}

}  // namespace handout
