// First-page thumbnails of PDFs for the catalogue page, drawn in-process with poppler
// (libpoppler-cpp). The only files that see poppler.
#pragma once
#include <string>

namespace handout {

/// A thumbnail drawn: its PNG bytes and size in pixels.
struct Thumbnail {
  std::string png;
  int width = 0, height = 0;
};

/// Draws page 1 of the PDF at `pdf_path` `width` pixels wide (its height follows the page's
/// shape) on white, as a PNG. False (with `error`) when the PDF cannot be read or drawn.
/// Not safe to call from several threads at once.
bool render_thumbnail(const std::string& pdf_path, int width, Thumbnail& out, std::string& error);

}  // namespace handout
