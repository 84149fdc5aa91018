// Writes laid-out pages as PDF bytes with libharu. The only code that sees hpdf.h.
#pragma once
#include <string>

#include "assets/image.h"
#include "diag/diagnostic.h"
#include "fonts/font_set.h"
#include "layout/frame.h"

namespace handout {

/// Renders `doc` to PDF bytes in `out`. Fonts are embedded (subset by libharu); the output is
/// deterministic: no dates or random IDs. Returns false (with an error) on a libharu failure.
/// Images are looked up in `images` by the path their ImageItem names.
/// Sets up the PDF libraries' process-wide state; call once before rendering on several
/// threads (render_pdf also calls it, for a single thread).
void prepare_pdf_rendering();

bool render_pdf(const PagedDocument& doc, const FontSet& fonts, const PlacedImages& images, std::string& out,
                std::string& error);

}  // namespace handout
