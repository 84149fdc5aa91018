// Prints laid-out pages as readable text, for golden tests and for eyeballing layout.
#pragma once
#include <string>

#include "fonts/font_set.h"
#include "layout/frame.h"

namespace handout {

/// One line per item, coordinates rounded to 0.1 pt; fonts named by file stem.
std::string render_debug(const PagedDocument& doc, const FontSet& fonts);

}  // namespace handout
