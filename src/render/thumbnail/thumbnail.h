// First-page thumbnails of PDFs for the catalogue page, drawn in-process with poppler
// (libpoppler-cpp). poppler and the 30 libraries it brings are loaded only when a build asks
// for thumbnails (--index): thumbnail.cpp is a module, handout-thumbnail.so, which
// thumbnail_loader.cpp opens on first use; other runs never load them.
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
/// Not safe to call from several threads at once. False with an error naming the module when it
/// cannot be loaded.
bool render_thumbnail(const std::string& pdf_path, int width, Thumbnail& out, std::string& error);

}  // namespace handout
