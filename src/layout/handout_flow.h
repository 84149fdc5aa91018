// The body flow of a handout, the same for every layout strategy: the article, the resources,
// the contact details and the language-assistance notice, as boxes at the column width.
#pragma once
#include <string>

#include "diag/diagnostic.h"
#include "layout/block_flow.h"
#include "layout/flow.h"
#include "layout/layout_types.h"
#include "layout/structure.h"
#include "style/style.h"

namespace handout {

/// Where the contact block goes: at the end of the body flow, or (tri-fold) pinned apart.
enum class ContactBlock { InFlow, Separate };

/// Whether the resources box may close the article's last section without a label of its own
/// (resources_place): on pages, where that section's heading is in view; not on a tri-fold,
/// whose flap opens on the box, read apart from the inside panel that holds the heading.
enum class BoxLabel { WhenNeeded, Always };

/// The strings' punctuation, ": " and "; " where a language sets none.
FlowBuilder::Punctuation handout_punctuation(const Strings& strings);

/// The body flow of a handout (article, resources, contact) at the column width, before
/// pagination. The title block is built separately (it spans all columns).
/// Its content is tagged into `tree` when given. `end_note`, when given, is the clinic's footer
/// note set once before the contact section (when the footer has no room for it).
Flow build_handout_flow(const HandoutInput& in, const Style& style, const FontSet& fonts, Diagnostics& diags,
                        ContactBlock contact = ContactBlock::InFlow, Structure* tree = nullptr,
                        const std::string& end_note = "", const NoticeForm& notice_form = {},
                        BoxLabel box_label = BoxLabel::WhenNeeded);
/// The contact block alone, as one box at the column width, tagged into `tree`.
FlowBox build_contact_box(const HandoutInput& in, const Style& style, const FontSet& fonts, Diagnostics& diags,
                          Structure& tree);

}  // namespace handout
