// What the PDF says about itself: document information and the outline's levels.
#pragma once
#include <vector>

#include "layout/frame.h"
#include "layout/layout_types.h"

namespace handout {

/// Document information from the inputs.
DocumentInfo document_info(const HandoutInput& in);

/// Makes outline levels relative: the article's top heading level becomes 1.
void normalise_outline(std::vector<OutlineEntry>& outline);

}  // namespace handout
