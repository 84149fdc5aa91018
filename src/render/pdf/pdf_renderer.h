// Writes laid-out pages as PDF bytes with libharu. The only code that sees hpdf.h.
#pragma once
#include <string>

#include "assets/image.h"
#include "diag/diagnostic.h"
#include "fonts/font_set.h"
#include "layout/frame.h"

namespace handout {

/// Renders `doc` to PDF bytes in `out`, our subset fonts embedded; the output is deterministic
/// (no dates, an /ID made from the bytes). Returns false (with an error) on a libharu failure.
/// Images are looked up in `images` by the path their ImageItem names. Safe on several threads
/// at once, each with its own document.
bool render_pdf(const PagedDocument& doc, const FontSet& fonts, const PlacedImages& images, std::string& out,
                std::string& error);

}  // namespace handout
