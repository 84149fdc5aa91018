// Writes laid-out pages as PDF bytes with libharu (render/pdf is the only code that sees hpdf.h).
#pragma once
#include <cstdint>
#include <string>

#include "assets/image.h"
#include "diag/diagnostic.h"
#include "fonts/font_set.h"
#include "layout/frame.h"
#include "render/pdf/pdf_file.h"

namespace handout {

/// Renders `doc` to PDF bytes in `out`, our subset fonts embedded, written as `options` say
/// (by default deterministic: no dates, an /ID made from the bytes). Returns false with an error
/// saying what failed (a font, an image, the structure tree, encryption). Images are looked up
/// in `images` by the path their ImageItem names. `plain_hash`, when given, gets the content hash
/// of the bytes before encryption. Safe on several threads at once, each with its own document.
bool render_pdf(const PagedDocument& doc, const FontSet& fonts, const PlacedImages& images,
                const PdfWriteOptions& options, std::string& out, std::string& error,
                std::uint64_t* plain_hash = nullptr);
/// As above, for the document's last use: each page's items are released once the page is
/// written, so a long handout is not held twice (as items and as PDF content). `doc` keeps its
/// pages' count, outline, structure and info.
bool render_pdf(PagedDocument&& doc, const FontSet& fonts, const PlacedImages& images, const PdfWriteOptions& options,
                std::string& out, std::string& error, std::uint64_t* plain_hash = nullptr);
/// render_pdf with the default options.
bool render_pdf(const PagedDocument& doc, const FontSet& fonts, const PlacedImages& images, std::string& out,
                std::string& error);

}  // namespace handout
