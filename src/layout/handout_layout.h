// The whole handout: flow the body, cut it into pages, add the page furniture.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "assets/image.h"
#include "config/types.h"
#include "content/document.h"
#include "diag/diagnostic.h"
#include "layout/flow.h"
#include "layout/frame.h"
#include "layout/layout_types.h"
#include "layout/structure.h"
#include "style/style.h"

namespace handout {

/// The largest box the clinic logo is ever placed in with this layout (header band or
/// tri-fold cover), so images are decoded with just the pixels print needs.
PlacementBox largest_logo(const LayoutConfig& layout);
/// The same for an article's figures: at most the page's content area.
PlacementBox largest_figure(const LayoutConfig& layout);

/// Where the contact block goes: at the end of the body flow, or (tri-fold) pinned apart.
enum class ContactBlock { InFlow, Separate };

/// The body flow of a handout (article, resources, contact) at the column width, before
/// pagination. The title block is built separately (it spans all columns).
/// Its content is tagged into `tree` when given. `end_note`, when given, is the clinic's footer
/// note set once before the contact section (when the footer has no room for it).
Flow build_handout_flow(const HandoutInput& in, const Style& style, const FontSet& fonts, Diagnostics& diags,
                        ContactBlock contact = ContactBlock::InFlow, Structure* tree = nullptr,
                        const std::string& end_note = "", const NoticeForm& notice_form = {});
/// The contact block alone, as one box at the column width, tagged into `tree`.
FlowBox build_contact_box(const HandoutInput& in, const Style& style, const FontSet& fonts, Diagnostics& diags,
                          Structure& tree);

/// Lays out a handout in `style` (made by make_style for its layout, brand and language).
/// Never fails: problems become diagnostics.
PagedDocument layout_handout(const HandoutInput& in, const Style& style, const FontSet& fonts, Diagnostics& diags,
                             LayoutStats* stats = nullptr);

}  // namespace handout
