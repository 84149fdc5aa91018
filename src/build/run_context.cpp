#include "build/run_context.h"

#include <dirent.h>

#include <algorithm>
#include <cstdio>

#include "config/config.h"
#include "config/suggest.h"
#include "util/file_state.h"
#include "util/input_file.h"
#include "util/text.h"

namespace handout {
namespace {

// An image file larger than this is refused unread (its pixels are limited by limits.image_pixels).
constexpr long long kMaxImageFileBytes = 256LL << 20;

FamilyFaces faces_of(const FontSet& set, int family) {
  return {set.face_id(family, FaceStyle::Regular), set.face_id(family, FaceStyle::Bold),
          set.face_id(family, FaceStyle::Italic), set.face_id(family, FaceStyle::BoldItalic)};
}

// Names from the command line become folder and file names: they get the config's checks.
bool check_command_line(const RunRequest& opt, Diagnostics& diags) {
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

// A language code that looks like one handout has labels for ("sp", "zh", "pt") and has no
// folder anywhere is most likely a mistake: said before anything is built, with what it likely
// meant. An error, as that language's handouts would fail anyway; a warning when the fallback
// language prints them, so a build that works (en-GB printed as en) still works.
bool check_language_codes(const RunInputs& run, const RunRequest& opt, Diagnostics& diags) {
  const auto& c = run.config;
  const auto known = languages_with_labels(run.dirs);
  const auto errors_before = diags.error_count();
  auto check = [&](const std::string& code, const SourcePos& at, const std::string& where, bool falls_back) {
    if (has_language_folder(run.dirs, code)) return;
    const std::string hint = did_you_mean_language(code, known);
    if (hint.empty()) return;
    const std::string message = "handout has no labels for language '" + code + "'" + where + hint;
    if (falls_back)
      diags.warning(at, message + "; its handouts print the '" + c.fallback_language + "' version (fallback_language)");
    else
      diags.error(at, message + "; to add '" + code + "' as a new language, run 'handout new-language " + code + "'");
  };
  for (std::size_t i = 0; i < c.languages.size(); ++i) {
    const bool falls_back = !c.fallback_language.empty() && c.fallback_language != c.languages[i];
    if (!opt.languages.empty()) check(c.languages[i], {}, " given with --lang", falls_back);
    else check(c.languages[i], i < c.language_pos.size() ? c.language_pos[i] : SourcePos{c.path}, "", falls_back);
  }
  if (!c.fallback_language.empty()) check(c.fallback_language, c.fallback_language_pos, " (fallback_language)", false);
  return diags.error_count() == errors_before;
}

// read_input, before the run's context exists (while it is loaded).
bool read_input(InputFiles& files, const std::string& path, const std::string& what, long long max_bytes,
                std::string& text, Diagnostics& diags) {
  const InputFiles::File& f = files.read(path, max_bytes);
  // The file may have been read before under another limit (a check of the manifest reads it).
  const long long size = f.bytes ? static_cast<long long>(f.bytes->size()) : f.size;
  if (f.error == "too large" || size > max_bytes) {
    char msg[160];
    std::snprintf(msg, sizeof msg, "file is %.1f MB, over the limit of %lld MB (raise limits.input_megabytes)",
                  size / 1048576.0, max_bytes >> 20);
    diags.error(path, 0, 0, msg);
    return false;
  }
  if (!f.bytes) {
    diags.error(path, 0, 0, "cannot read " + what + " '" + path + "'" + (f.error.empty() ? "" : ": " + f.error));
    return false;
  }
  text = *f.bytes;
  return check_input_text(text, path, diags);
}

}  // namespace

bool read_input(const RunContext& run, const std::string& path, const std::string& what, long long max_bytes,
                std::string& text, Diagnostics& diags) {
  return read_input(run.services.files, path, what, max_bytes, text, diags);
}

const StringsCache::Parsed& StringsCache::get(const std::string& path, const std::function<void(Parsed&)>& parse) {
  std::lock_guard lock(mutex_);
  auto& slot = parsed_[path];
  if (!slot) {
    slot = std::make_unique<Parsed>();
    parse(*slot);
  }
  return *slot;
}

const DecodedImage* ImageCache::get(const std::string& path, const Decode& decode, std::string& error) {
  std::lock_guard lock(mutex_);  // decoding under it too: each image once per run
  if (auto it = images_.find(path); it != images_.end()) return &it->second;
  if (auto it = errors_.find(path); it != errors_.end()) {
    error = it->second;
    return nullptr;
  }
  DecodedImage image;
  if (!decode(image, error)) {
    errors_[path] = error;
    return nullptr;
  }
  return &images_.emplace(path, std::move(image)).first->second;
}

PlacedImages ImageCache::placed(const PagedDocument& doc) {
  std::lock_guard lock(mutex_);
  PlacedImages out;
  for (const auto& page : doc.pages)
    for (const auto& item : page.items)
      if (const auto* image = std::get_if<ImageItem>(&item))
        if (auto it = images_.find(image->path); it != images_.end()) out[image->path] = &it->second;
  return out;
}

SourceHashCache::Hashes SourceHashCache::get(const std::string& path, const std::function<Hashes()>& compute) {
  {
    std::lock_guard lock(mutex_);
    if (auto it = hashes_.find(path); it != hashes_.end()) return it->second;
  }
  Hashes hashes = compute();
  std::lock_guard lock(mutex_);
  return hashes_.emplace(path, hashes).first->second;
}

bool run_strings(const RunContext& run, const std::string& path, Strings& out, Diagnostics& diags) {
  const StringsCache::Parsed& parsed = run.services.strings.get(path, [&](StringsCache::Parsed& p) {
    std::string text;
    p.ok = read_input(run, path, "strings file", run.in.config.limits.input_bytes, text, p.diags) &&
           parse_strings(text, path, p.strings, p.diags);
  });
  out = parsed.strings;
  diags.append(parsed.diags);
  return parsed.ok;
}

const DecodedImage* run_image(const RunContext& run, const std::string& path, const PlacementBox& box,
                              std::string& error) {
  return run.services.images.get(
      path,
      [&](DecodedImage& image, std::string& why) {
        // The run's InputFiles gives the bytes, so the manifest records the hash of what was drawn.
        const InputFiles::File& f = run.services.files.read(path, kMaxImageFileBytes);
        if (!f.bytes) why = "cannot read image '" + path + "'" + (f.error.empty() ? "" : ": " + f.error);
        return f.bytes && decode_image(*f.bytes, path, box, run.in.image_limits, image, why);
      },
      error);
}

bool decode_logo(const RunContext& run, Diagnostics& diags) {
  const auto& c = run.in.config;
  std::string error;
  if (c.clinic.logo_path.empty() || run_image(run, c.clinic.logo_path, largest_box(run.in.layouts, largest_logo), error))
    return true;
  diags.error(c.clinic.logo_pos, "logo: " + error);
  return false;
}

namespace {

// Every layout of the config, with the file each was read from (the first data folder that
// has it), read through the run's InputFiles.
// Personal copies are never published: their folder is neither the output folder nor inside
// it, nor the other way round.
bool separate_folders(const ClinicConfig& c, Diagnostics& diags) {
  const std::string patients = absolute_path(c.patients_output_dir), published = absolute_path(c.output_dir);
  auto inside = [](const std::string& a, const std::string& b) { return a == b || a.rfind(b + "/", 0) == 0; };
  if (!inside(patients, published) && !inside(published, patients)) return true;
  diags.error(c.patients_output_pos.file.empty() ? SourcePos{c.path} : c.patients_output_pos,
              "personal copies' folder '" + c.patients_output_dir + "' and the published output folder '" +
                  c.output_dir + "' overlap: a patient's copy must never be published (set patients_output: to a "
                                 "folder of its own, e.g. personal-copies)");
  return false;
}

bool load_layouts(RunInputs& run, InputFiles& files, Diagnostics& diags) {
  const auto& c = run.config;
  bool ok = true;
  for (const auto& name : c.layouts) {
    LayoutConfig layout;
    std::string path;
    for (const auto& d : run.dirs)
      if (path.empty() && name.find('/') == std::string::npos && is_file(join_path(d, "layouts/" + name + ".yaml")))
        path = join_path(d, "layouts/" + name + ".yaml");
    std::string text;
    if (path.empty())
      ok = load_layout(run.dirs, name, c.layout_pos, layout, diags) && ok;  // its message: what was tried
    else
      ok = read_input(files, path, "layout", kDefaultMaxInputBytes, text, diags) && parse_layout(text, path, layout, diags) && ok;
    layout.name = name;
    run.layouts.push_back(layout);
    run.layout_paths.push_back(path);
  }
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

std::unique_ptr<RunContext> load_run(const RunRequest& opt, Diagnostics& diags) {
  auto services = std::make_unique<RunServices>();
  InputFiles& files = services->files;
  FontSet& fonts = services->fonts;
  RunInputs run;
  std::string text;
  if (!check_command_line(opt, diags) ||
      !read_input(files, opt.config_path, "config file", kDefaultMaxInputBytes, text, diags) ||
      !parse_clinic_config(text, opt.config_path, run.config, diags))
    return nullptr;
  auto& c = run.config;
  run.config_languages = c.languages;
  if (!opt.languages.empty()) c.languages = opt.languages;
  if (!opt.articles.empty()) c.articles = opt.articles, c.article_pos.assign(opt.articles.size(), {"--article"});
  if (!opt.layout.empty()) c.layout = opt.layout, c.layouts = {opt.layout}, c.layout_pos = {"--layout"};
  if (!opt.out_dir.empty()) c.output_dir = opt.out_dir;
  if (!opt.patients_out.empty()) c.patients_output_dir = opt.patients_out, c.patients_output_pos = {"--patients-out"};
  if (!opt.patients_path.empty() && !separate_folders(c, diags)) return nullptr;
  if (c.layout_pos.file.empty()) c.layout_pos = {c.path};
  run.dirs = data_dirs(c);
  if (!check_language_codes(run, opt, diags)) return nullptr;
  FontFace::register_language("en");  // font names are read in English (see FontFace)
  run.image_limits.max_pixels = c.limits.image_pixels;
  bool ok = load_layouts(run, files, diags);
  auto at = [&](const SourcePos& p) { return p.file.empty() ? SourcePos{c.path} : p; };
  const int body = fonts.load_family(c.brand.body_font, run.dirs, at(c.brand.body_font_pos), diags);
  const int head = fonts.load_family(c.brand.heading_font, run.dirs, at(c.brand.heading_font_pos), diags);
  if (body < 0 || head < 0) return nullptr;
  // Fallback families are opened only when a character needs them.
  std::vector<int> fallbacks;
  for (const auto& family : c.brand.fallback_fonts) fallbacks.push_back(fonts.add_lazy_family(family, run.dirs));
  fonts.set_fallbacks(fallbacks);
  for (const auto& [lang, families] : c.brand.language_fonts) {
    std::vector<int> ids;
    for (const auto& family : families) ids.push_back(fonts.add_lazy_family(family, run.dirs));
    fonts.prefer_for_language(lang, ids);
  }
  run.faces = {&fonts, faces_of(fonts, body), faces_of(fonts, head)};
  if (!c.clinic.logo_path.empty()) {  // its header now (layout needs its size); its pixels when drawn
    std::string error;
    const InputFiles::File& f = files.read(c.clinic.logo_path, kMaxImageFileBytes);
    ImageInfo info;
    if (!f.bytes) error = "cannot read image '" + c.clinic.logo_path + "'" + (f.error.empty() ? "" : ": " + f.error);
    if (f.bytes && read_image_header(*f.bytes, c.clinic.logo_path, run.image_limits, info, error))
      run.logo = info;
    else
      diags.error(c.clinic.logo_pos, "logo: " + error), ok = false;
  }
  if (!ok) return nullptr;
  return std::make_unique<RunContext>(std::move(run), std::move(services));
}

std::unique_ptr<RunContext> load_config_run(const std::string& config_path, Diagnostics& diags) {
  auto services = std::make_unique<RunServices>();
  RunInputs run;
  std::string text;
  if (!read_input(services->files, config_path, "config file", kDefaultMaxInputBytes, text, diags) ||
      !parse_clinic_config(text, config_path, run.config, diags))
    return nullptr;
  run.dirs = data_dirs(run.config);
  return std::make_unique<RunContext>(std::move(run), std::move(services));
}

std::string content_dir(const RunContext& run, const std::string& lang) {
  for (const auto& d : run.in.dirs) {
    auto dir = join_path(d, "content/" + lang);
    if (is_dir(dir)) return dir;
  }
  return join_path(run.in.dirs.front(), "content/" + lang);
}

std::string strings_file(const RunContext& run, const std::string& lang) {
  for (const auto& d : run.in.dirs) {
    auto path = join_path(d, "content/" + lang + "/strings.yaml");
    if (is_file(path)) return path;
  }
  // None has one: the clinic's own, where it belongs (never a data folder of handout's).
  return join_path(run.in.dirs.front(), "content/" + lang + "/strings.yaml");
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

std::vector<std::string> languages_with_labels(const std::vector<std::string>& dirs) {
  std::vector<std::string> codes;
  for (const auto& d : dirs) {
    const std::string content = join_path(d, "content");
    DIR* folder = ::opendir(content.empty() ? "." : content.c_str());
    if (!folder) continue;
    while (auto* e = ::readdir(folder)) {
      const std::string code = e->d_name;
      if (valid_language_code(code) && is_file(join_path(content, code + "/strings.yaml")) &&
          std::find(codes.begin(), codes.end(), code) == codes.end())
        codes.push_back(code);
    }
    ::closedir(folder);
  }
  std::sort(codes.begin(), codes.end());
  return codes;
}

bool has_language_folder(const std::vector<std::string>& dirs, const std::string& code) {
  return std::any_of(dirs.begin(), dirs.end(), [&](const std::string& d) { return is_dir(join_path(d, "content/" + code)); });
}

}  // namespace handout
