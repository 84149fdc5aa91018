#include "job/build_job.h"

#include <dirent.h>

#include <algorithm>
#include <map>
#include <memory>
#include <chrono>
#include <cstdio>
#include <ostream>

#include "config/config.h"
#include "content/markdown.h"
#include "job/file_output.h"
#include "text/bidi.h"
#include "layout/handout_layout.h"
#include "text/hyphenation.h"
#include "render/debug/debug_renderer.h"
#include "render/pdf/pdf_renderer.h"
#include "util/input_file.h"
#include "util/text.h"

namespace handout {
namespace {

/// Everything loaded once per run and shared by all handouts.
struct RunContext {
  ClinicConfig config;
  LayoutConfig layout;
  FontSet fonts;
  HandoutFonts faces;
  std::optional<ImageInfo> logo;
  std::vector<std::string> dirs;
  ImageLimits image_limits;
  ImageSet images;                                  // every image decoded so far, by path
  std::map<std::string, std::string> image_errors;  // images that could not be used, and why
};

// Decodes an image once per run: later handouts that place it share the pixels.
const DecodedImage* run_image(RunContext& run, const std::string& path, const PlacementBox& box, std::string& error) {
  if (auto it = run.images.find(path); it != run.images.end()) return &it->second;
  if (auto it = run.image_errors.find(path); it != run.image_errors.end()) {
    error = it->second;
    return nullptr;
  }
  DecodedImage image;
  if (!load_image(path, box, run.image_limits, image, error)) {
    run.image_errors[path] = error;
    return nullptr;
  }
  return &run.images.emplace(path, std::move(image)).first->second;
}

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

bool load_run(const BuildOptions& opt, RunContext& run, Diagnostics& diags) {
  if (!check_command_line(opt, diags) || !load_clinic_config(opt.config_path, run.config, diags)) return false;
  auto& c = run.config;
  if (!opt.languages.empty()) c.languages = opt.languages;
  if (!opt.articles.empty()) c.articles = opt.articles, c.article_pos.assign(opt.articles.size(), {"--article"});
  if (!opt.layout.empty()) c.layout = opt.layout, c.layout_pos = {"--layout"};
  if (!opt.out_dir.empty()) c.output_dir = opt.out_dir;
  if (c.layout_pos.file.empty()) c.layout_pos = {c.path};
  run.dirs = data_dirs(c);
  run.image_limits.max_pixels = c.limits.image_pixels;
  bool ok = load_layout(run.dirs, c.layout, c.layout_pos, run.layout, diags);
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
    if (const auto* logo = run_image(run, c.clinic.logo_path, largest_logo(run.layout), error))
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

/// A language's folder, labels and hyphenation patterns, loaded once per run.
struct Language {
  std::string code, dir;
  bool strings_ok = false;
  Strings strings;
  Diagnostics strings_diags;  // why the strings could not be loaded
  std::unique_ptr<Hyphenator> hyphenator;
  Style style;  // the run's layout and brand, in this language's script and direction
};

class Languages {
 public:
  explicit Languages(const RunContext& run) : run_(run) {}
  const Language& get(const std::string& code) {
    auto& slot = cache_[code];
    if (!slot) {
      slot = std::make_unique<Language>();
      slot->code = code;
      slot->dir = content_dir(run_, code);
      slot->strings_ok = load_strings(join_path(slot->dir, "strings.yaml"), run_.config.limits.input_bytes,
                                      slot->strings, slot->strings_diags);
      // Languages Debian has no patterns for are not hyphenated.
      if (run_.layout.hyphenate) slot->hyphenator = Hyphenator::for_language(code);
      slot->style = make_style(run_.layout, run_.config.brand, run_.faces.body, run_.faces.headings,
                               Script{code, is_rtl_language(code)});
    }
    return *slot;
  }

 private:
  const RunContext& run_;
  std::map<std::string, std::unique_ptr<Language>> cache_;
};

/// One handout's inputs, read from content/<lang>/.
struct Article {
  ArticleMeta meta;
  Document body;
  ResourceList resources;
  std::string path;
  std::map<std::string, ArticleImage> images;
};

// Finds and measures the article's figures; a missing or unreadable one is an error at the
// line that names it.
void find_images(RunContext& run, const std::vector<Block>& blocks, const std::string& article,
                 std::map<std::string, ArticleImage>& out, Diagnostics& diags) {
  for (const auto& b : blocks) {
    find_images(run, b.children, article, out, diags);
    if (b.kind != BlockKind::Image || out.count(b.url)) continue;
    if (b.url.find("://") != std::string::npos) {
      diags.error(article, b.line, b.col, "image '" + b.url + "' is on the web; handout only places local PNG or JPEG files");
      continue;
    }
    ArticleImage image;
    image.path = join_path(dir_of(article), b.url);
    std::string error;
    if (!is_file(image.path))
      diags.error(article, b.line, b.col, "image not found: '" + b.url + "' (tried '" + image.path + "')");
    else if (const auto* decoded = run_image(run, image.path, largest_figure(run.layout), error))
      image.info = decoded->info, out[b.url] = image;
    else
      diags.error(article, b.line, b.col, error);
  }
}

bool load_article(RunContext& run, const std::string& path, Article& a, Diagnostics& diags) {
  a.path = path;
  std::string text;
  const auto errors_before = diags.error_count();
  if (!read_input_file(a.path, "article", run.config.limits.input_bytes, text, diags)) return false;
  auto src = split_front_matter(text);
  if (src.front_matter_line == 0)
    diags.error(a.path, 1, 1, "missing front matter: the article must start with '---', its title and summary");
  else
    parse_front_matter(src.front_matter, a.path, src.front_matter_line, a.meta, diags);
  a.body = parse_markdown(src.body, a.path, diags);
  find_images(run, a.body.blocks, a.path, a.images, diags);
  const std::string dir = dir_of(path);
  std::string res_path = path.substr(0, path.size() - 3) + ".resources.yaml";
  if (!a.meta.resources_file.empty()) {
    res_path = join_path(dir, a.meta.resources_file);
    if (!is_file(res_path)) {
      diags.error(a.meta.resources_pos, "resource list not found (tried '" + res_path + "')");
      return false;
    }
  }
  if (is_file(res_path)) load_resources(res_path, run.config.limits.input_bytes, a.resources, diags);
  return diags.error_count() == errors_before;
}

std::string kilobytes(std::size_t bytes) { return std::to_string((bytes + 512) / 1024) + " KB"; }

/// What one (language, article) handout is built from: the language asked for, and the
/// language whose content is used (another one when the article falls back).
struct HandoutJob {
  const Language* asked = nullptr;
  const Language* content = nullptr;
  std::string name;
  SourcePos asked_at;
};

/// Picks the content language for a handout: the language asked for when it has the article,
/// else the config's fallback language (with a warning), else an error naming the file.
bool resolve_job(const RunContext& run, Languages& langs, const std::string& lang, const std::string& name,
                 const SourcePos& at, HandoutJob& job, Diagnostics& diags) {
  job.asked = &langs.get(lang);
  job.name = name;
  job.asked_at = at;
  const std::string path = join_path(job.asked->dir, name + ".md");
  const bool valid_name = valid_article_name(name);
  if (valid_name && is_file(path) && job.asked->strings_ok) {
    job.content = job.asked;
    return true;
  }
  const std::string& fallback = run.config.fallback_language;
  const std::string missing = !is_file(path) ? path : join_path(job.asked->dir, "strings.yaml");
  if (valid_name && !fallback.empty() && fallback != lang) {
    const Language& fb = langs.get(fallback);
    if (is_file(join_path(fb.dir, name + ".md")) && fb.strings_ok) {
      diags.warning(at, "'" + name + "' is not available in '" + lang + "' (missing '" + missing + "'); using the '" +
                            fallback + "' version");
      job.content = &fb;
      return true;
    }
  }
  if (!is_file(path))
    diags.error(at, "article '" + name + "' not found (tried '" + path + "')");
  else
    diags.append(job.asked->strings_diags);
  return false;
}

/// Small print under the title: a draft translation, or a handout in another language.
std::vector<std::string> notices_for(const HandoutJob& job, const ArticleMeta& meta) {
  std::vector<std::string> out;
  const Strings& strings = job.content->strings;
  if (job.content != job.asked) {
    // Said in the reader's language when its labels exist, else in the handout's.
    const Strings& say = job.asked->strings_ok ? job.asked->strings : strings;
    out.push_back(fill_template(say.get("fallback_notice"), {{"language", say.language_name(job.content->code)},
                                                            {"requested", say.language_name(job.asked->code)}}));
  }
  if (meta.translation == "draft")
    out.push_back(fill_template(strings.get("translation_draft"),
                                {{"source", strings.language_name(meta.source_language)},
                                 {"date", strings.format_date(meta.translated)}}));
  return out;
}

/// Builds one handout; returns false when it could not be written.
bool build_one(RunContext& run, const BuildOptions& opt, const HandoutJob& job, std::ostream& out,
               Diagnostics& diags) {
  const auto start = std::chrono::steady_clock::now();
  const Language& lang = *job.content;
  Article article;
  if (!load_article(run, join_path(lang.dir, job.name + ".md"), article, diags)) return false;
  // The clinic's own texts (tagline, hours, footer note) in the handout's language.
  const ClinicConfig config = localized(run.config, lang.code);
  HandoutInput in;
  in.config = &config;
  in.layout = &run.layout;
  in.strings = &lang.strings;
  in.meta = &article.meta;
  in.body = &article.body;
  in.intro = article.resources.intro;
  in.resources = article.resources.resources;
  in.resources.insert(in.resources.end(), config.extra_resources.begin(), config.extra_resources.end());
  // Text written in YAML gets the same typographic quotes and dashes as the Markdown body.
  for (auto& r : in.resources) r.name = smart_punctuation(r.name), r.description = smart_punctuation(r.description);
  in.intro = smart_punctuation(in.intro);
  article.meta.title = smart_punctuation(article.meta.title);
  article.meta.summary = smart_punctuation(article.meta.summary);
  in.lang = lang.code;
  in.article_file = article.path;
  in.logo = run.logo;
  in.creator = std::string("handout ") + HANDOUT_VERSION;
  in.hyphenator = lang.hyphenator.get();
  in.notices = notices_for(job, article.meta);
  in.images = article.images;
  LayoutStats stats;
  const auto errors_before = diags.error_count();
  const PagedDocument doc = layout_handout(in, lang.style, run.fonts, diags, &stats);
  if (diags.error_count() > errors_before) return false;  // e.g. a tri-fold that does not fit
  if (static_cast<int>(doc.pages.size()) > run.config.limits.pages) {
    diags.error(article.path, 0, 0, "the handout has " + std::to_string(doc.pages.size()) +
                                        " pages, over the limit of " + std::to_string(run.config.limits.pages) +
                                        " pages (raise limits.pages)");
    return false;
  }
  std::string pdf, error;
  const std::string& root = run.config.output_dir;
  const std::string relative = job.asked->code + "/" + job.name;
  const std::string path = join_path(root, relative + ".pdf");
  if (!render_pdf(doc, run.fonts, run.images, pdf, error) || !write_output_file(root, relative + ".pdf", pdf, error)) {
    diags.error(path, 0, 0, error);
    return false;
  }
  if (opt.debug_layout && !write_output_file(root, relative + ".layout.txt", render_debug(doc, run.fonts), error)) {
    diags.error(path, 0, 0, error);
    return false;
  }
  const auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  char timing[32];
  std::snprintf(timing, sizeof timing, "%.0f ms", ms);
  out << "wrote " << path << " (" << doc.pages.size() << (doc.pages.size() == 1 ? " page, " : " pages, ")
      << kilobytes(pdf.size()) << ", " << timing << ")\n";
  if (opt.stats) {
    char worst[16];
    std::snprintf(worst, sizeof worst, "%.2f", stats.worst_space);
    out << "  stats: pages=" << stats.pages << " lines=" << stats.lines << " overfull=" << stats.overfull_lines
        << " hyphenated=" << stats.hyphenated_lines << " worst_space=" << worst << " loose=" << stats.loose_lines
        << " widows=" << stats.widows << " orphans=" << stats.orphans << " forced_breaks=" << stats.forced_breaks
        << "\n";
  }
  return true;
}

/// The article names to build for a language: the config's list, or every article of the
/// language (and of the fallback language, whose articles stand in for missing ones).
std::vector<std::pair<std::string, SourcePos>> article_names(const RunContext& run, Languages& langs,
                                                             const std::string& lang) {
  std::vector<std::pair<std::string, SourcePos>> out;
  const auto& c = run.config;
  if (!c.articles.empty()) {
    for (std::size_t i = 0; i < c.articles.size(); ++i) out.emplace_back(c.articles[i], c.article_pos[i]);
    return out;
  }
  auto names = articles_in(langs.get(lang).dir);
  if (!c.fallback_language.empty() && c.fallback_language != lang)
    for (const auto& n : articles_in(langs.get(c.fallback_language).dir))
      if (std::find(names.begin(), names.end(), n) == names.end()) names.push_back(n);
  for (const auto& n : names) out.emplace_back(n, SourcePos{c.path});
  return out;
}

}  // namespace

int run_build(const BuildOptions& opt, std::ostream& out, std::ostream& err) {
  install_interrupt_cleanup();
  Diagnostics diags;
  RunContext run;
  const bool loaded = load_run(opt, run, diags);
  err << diags.to_string();  // errors, or warnings about the config
  if (!loaded) return kExitConfigError;
  Languages langs(run);
  int written = 0, failed = 0;
  for (const auto& lang : run.config.languages) {
    Diagnostics lang_diags;
    const auto names = article_names(run, langs, lang);
    if (names.empty()) {
      lang_diags.error(run.config.path, 0, 0,
                       "no articles for language '" + lang + "' (looked in '" + langs.get(lang).dir + "')");
      ++failed;
    }
    for (const auto& [name, at] : names) {
      Diagnostics one;
      HandoutJob job;
      if (resolve_job(run, langs, lang, name, at, job, one) && build_one(run, opt, job, out, one))
        ++written;
      else
        ++failed;
      lang_diags.append(one);
    }
    err << lang_diags.to_string();
  }
  Diagnostics font_notes;  // fallback fonts a handout needed and could not open
  for (const auto& problem : run.fonts.problems()) font_notes.warning(run.config.path, 0, 0, "fallback " + problem);
  err << font_notes.to_string();
  out << written << (written == 1 ? " handout" : " handouts") << " written, " << failed << " failed\n";
  return failed > 0 ? kExitSomeFailed : kExitOk;
}

}  // namespace handout
