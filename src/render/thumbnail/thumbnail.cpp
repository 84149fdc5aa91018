#include "render/thumbnail/thumbnail.h"

#include <unistd.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <memory>
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

namespace handout {
namespace {

// poppler prints its complaints to stderr by default; a thumbnail's failure is reported once,
// by its caller, from the return value.
void quiet_poppler() {
  static const bool silenced = [] {
    poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr);
    return true;
  }();
  (void)silenced;
}

// poppler::image writes PNGs only to a named file: a private temporary one, read back and
// removed, so the caller writes the bytes into the output folder atomically like every file.
bool png_bytes(const poppler::image& img, std::string& out, std::string& error) {
  const char* tmp = std::getenv("TMPDIR");
  std::string path = std::string(tmp && *tmp ? tmp : "/tmp") + "/handout-thumbnail-XXXXXX";
  const int fd = ::mkstemp(path.data());
  if (fd < 0) {
    error = "cannot create a temporary file for the thumbnail";
    return false;
  }
  ::close(fd);
  const bool saved = img.save(path, "png");
  std::ifstream in(path, std::ios::binary);
  out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  ::unlink(path.c_str());
  if (!saved || out.empty()) error = "poppler could not write the thumbnail as PNG";
  return saved && !out.empty();
}

bool draw_thumbnail(const std::string& pdf_path, int width, Thumbnail& out, std::string& error) {
  quiet_poppler();
  const std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(pdf_path));
  if (!doc || doc->is_locked() || doc->pages() < 1) {
    error = "poppler cannot open the PDF to draw its thumbnail";
    return false;
  }
  const std::unique_ptr<poppler::page> page(doc->create_page(0));
  const poppler::rectf box = page ? page->page_rect() : poppler::rectf();
  if (!page || box.width() <= 0 || box.height() <= 0) {
    error = "the PDF's first page has no size";
    return false;
  }
  // Drawn at the resolution that makes the page `width` pixels wide, then cut to exactly
  // that width (rounding could give one pixel more or less).
  const double dpi = 72.0 * width / box.width();
  const int height = static_cast<int>(std::lround(box.height() * width / box.width()));
  poppler::page_renderer renderer;
  renderer.set_render_hints(poppler::page_renderer::antialiasing | poppler::page_renderer::text_antialiasing |
                            poppler::page_renderer::text_hinting);
  renderer.set_image_format(poppler::image::format_rgb24);
  const poppler::image img = renderer.render_page(page.get(), dpi, dpi, 0, 0, width, height);
  if (!img.is_valid()) {
    error = "poppler could not draw the PDF's first page";
    return false;
  }
  out.width = img.width(), out.height = img.height();
  return png_bytes(img, out.png, error);
}

}  // namespace
}  // namespace handout

// The module's one entry point, looked up by name (thumbnail_loader.cpp). Both sides are built
// together from this tree, so they share the Thumbnail and std::string layouts.
extern "C" __attribute__((visibility("default"))) bool handout_thumbnail_v1(const std::string& pdf_path, int width,
                                                                          handout::Thumbnail& out, std::string& error) {
  return handout::draw_thumbnail(pdf_path, width, out, error);
}
