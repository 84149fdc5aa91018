#include "render/thumbnail/thumbnail.h"
#include "util/module_loader.h"

namespace handout {

bool render_thumbnail(const std::string& pdf_path, int width, Thumbnail& out, std::string& error) {
  using Entry = bool (*)(const std::string&, int, Thumbnail&, std::string&);
  static const ModuleEntry module = open_module("handout-thumbnail.so", "handout_thumbnail_v1", "thumbnails");
  if (!module.entry) {
    error = module.problem;
    return false;
  }
  return reinterpret_cast<Entry>(module.entry)(pdf_path, width, out, error);
}

}  // namespace handout
