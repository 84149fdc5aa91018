#include "job/run_context.h"

#include <dirent.h>

#include <algorithm>

#include "config/config.h"
#include "job/image_cache.h"
#include "util/text.h"

namespace handout {
namespace {

FamilyFaces faces_of(const FontSet& set, int family) {
  return {set.face_id(family, FaceStyle::Regular), set.face_id(family, FaceStyle::Bold),
          set.face_id(family, FaceStyle::Italic), set.face_id(family, FaceStyle::BoldItalic)};
}

// Names from the command line become folder and file names: they get the config's checks.
bool check_command_line(const BuildOptions& opt, Diagnostics& diags) {
  const auto errors_before = diags.error_count();
  for (const auto& code : opt.languages)
    if (!valid_language_code(code))
      diags.error("", 0, 0, "invalid language code '" + code + "' given with --lang (expected a BCP 47 code such as "
                            "en, es, zh-Hans)");
  for (const auto& name : opt.articles)
    if (!valid_article_name(name))
      diags.error("", 0, 0, "invalid article name '" + name + "' given with --article (a file name in "
                            "content/<lang>/ without '.md')");
  return diags.error_count() == errors_before;
}

}  // namespace

namespace {

// load_image through the output folder's image cache: the same checks of the file, then the
// kept result when there is one, else decoded and kept for the next run.
bool load_image_kept(RunContext& run, const std::string& path, const PlacementBox& box, DecodedImage& out,
                     std::string& error) {
  std::string bytes;
  if (!read_file(path, bytes)) {
    error = "cannot read image '" + path + "'";
    return false;
  }
  ImageInfo info;
  if (!read_image_header(bytes, path, run.image_limits, info, error)) return false;
  const std::string entry = image_cache_entry(bytes, box, run.image_limits);
  if (info.format == ImageInfo::Format::Png && load_cached_image(run.config.output_dir, entry, out)) {
    out.info = info;
    return true;
  }
  if (!decode_image(bytes, path, box, run.image_limits, out, error)) return false;
  run.images_to_keep[path] = entry;  // written by keep_images, once the run has built something
  return true;
}

}  // namespace

const DecodedImage* run_image(RunContext& run, const std::string& path, const PlacementBox& box, std::string& error) {
  std::lock_guard lock(run.images_mutex);  // decoding under it too: each image once per run
  if (auto it = run.images.find(path); it != run.images.end()) return &it->second;
  if (auto it = run.image_errors.find(path); it != run.image_errors.end()) {
    error = it->second;
    return nullptr;
  }
  DecodedImage image;
  if (!(run.keep_images ? load_image_kept(run, path, box, image, error) : load_image(path, box, run.image_limits, image, error))) {
    run.image_errors[path] = error;
    return nullptr;
  }
  return &run.images.emplace(path, std::move(image)).first->second;
}

void keep_images(RunContext& run) {
  std::lock_guard lock(run.images_mutex);
  for (const auto& [path, entry] : run.images_to_keep)
    if (auto it = run.images.find(path); it != run.images.end())
      save_cached_image(run.config.output_dir, entry, it->second);  // a failed write costs only the next run
  run.images_to_keep.clear();
}

PlacedImages placed_images(RunContext& run, const PagedDocument& doc) {
  std::lock_guard lock(run.images_mutex);
  PlacedImages out;
  for (const auto& page : doc.pages)
    for (const auto& item : page.items)
      if (const auto* image = std::get_if<ImageItem>(&item))
        if (auto it = run.images.find(image->path); it != run.images.end()) out[image->path] = &it->second;
  return out;
}

namespace {

// Every layout of the config, with the file each was read from (the first data folder that
// has it).
bool load_layouts(RunContext& run, Diagnostics& diags) {
  const auto& c = run.config;
  bool ok = true;
  for (const auto& name : c.layouts) {
    LayoutConfig layout;
    ok = load_layout(run.dirs, name, c.layout_pos, layout, diags) && ok;
    std::string path;
    for (const auto& d : run.dirs)
      if (path.empty() && is_file(join_path(d, "layouts/" + name + ".yaml"))) path = join_path(d, "layouts/" + name + ".yaml");
    run.layouts.push_back(layout);
    run.layout_paths.push_back(path);
  }
  run.layout = run.layouts.front();
  run.layout_path = run.layout_paths.front();
  return ok;
}

}  // namespace

PlacementBox largest_box(const std::vector<LayoutConfig>& layouts, PlacementBox (*box_of)(const LayoutConfig&)) {
  PlacementBox out{0, 0};
  for (const auto& l : layouts) {
    const PlacementBox b = box_of(l);
    out.width = std::max(out.width, b.width), out.height = std::max(out.height, b.height);
  }
  return out;
}

bool load_run(const BuildOptions& opt, RunContext& run, Diagnostics& diags) {
  if (!check_command_line(opt, diags) || !run.config_cache.load(opt.config_path, opt.out_dir, run.config, diags))
    return false;
  auto& c = run.config;
  if (!opt.languages.empty()) c.languages = opt.languages;
  if (!opt.articles.empty()) c.articles = opt.articles, c.article_pos.assign(opt.articles.size(), {"--article"});
  if (!opt.layout.empty()) c.layout = opt.layout, c.layouts = {opt.layout}, c.layout_pos = {"--layout"};
  if (!opt.out_dir.empty()) c.output_dir = opt.out_dir;
  if (c.layout_pos.file.empty()) c.layout_pos = {c.path};
  run.dirs = data_dirs(c);
  FontFace::register_language("en");  // font names are read in English (see FontFace)
  run.image_limits.max_pixels = c.limits.image_pixels;
  bool ok = load_layouts(run, diags);
  auto at = [&](const SourcePos& p) { return p.file.empty() ? SourcePos{c.path} : p; };
  const int body = run.fonts.load_family(c.brand.body_font, run.dirs, at(c.brand.body_font_pos), diags);
  const int head = run.fonts.load_family(c.brand.heading_font, run.dirs, at(c.brand.heading_font_pos), diags);
  if (body < 0 || head < 0) return false;
  // Fallback families are opened only when a character needs them.
  std::vector<int> fallbacks;
  for (const auto& family : c.brand.fallback_fonts) fallbacks.push_back(run.fonts.add_lazy_family(family, run.dirs));
  run.fonts.set_fallbacks(fallbacks);
  for (const auto& [lang, families] : c.brand.language_fonts) {
    std::vector<int> ids;
    for (const auto& family : families) ids.push_back(run.fonts.add_lazy_family(family, run.dirs));
    run.fonts.prefer_for_language(lang, ids);
  }
  run.faces = {&run.fonts, faces_of(run.fonts, body), faces_of(run.fonts, head)};
  if (!c.clinic.logo_path.empty()) {
    std::string error;
    if (const auto* logo = run_image(run, c.clinic.logo_path, largest_box(run.layouts, largest_logo), error))
      run.logo = logo->info;
    else
      diags.error(c.clinic.logo_pos, "logo: " + error), ok = false;
  }
  return ok;
}

std::string content_dir(const RunContext& run, const std::string& lang) {
  for (const auto& d : run.dirs) {
    auto dir = join_path(d, "content/" + lang);
    if (is_dir(dir)) return dir;
  }
  return join_path(run.dirs.front(), "content/" + lang);
}

std::string strings_file(const RunContext& run, const std::string& lang) {
  for (const auto& d : run.dirs) {
    auto path = join_path(d, "content/" + lang + "/strings.yaml");
    if (is_file(path)) return path;
  }
  return join_path(content_dir(run, lang), "strings.yaml");
}

std::vector<std::string> articles_in(const std::string& dir) {
  std::vector<std::string> names;
  if (DIR* d = ::opendir(dir.c_str())) {
    while (auto* e = ::readdir(d)) {
      std::string f = e->d_name;
      if (f.size() > 3 && f.ends_with(".md")) names.push_back(f.substr(0, f.size() - 3));
    }
    ::closedir(d);
  }
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace handout
