#include "job/build_job.h"

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ostream>

#include "config/config.h"
#include "content/markdown.h"
#include "job/file_output.h"
#include "layout/handout_layout.h"
#include "layout/hyphenation.h"
#include "render/debug/debug_renderer.h"
#include "render/pdf/pdf_renderer.h"
#include "util/text.h"

namespace handout {
namespace {

bool is_dir(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

bool is_file(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

/// Everything loaded once per run and shared by all handouts.
struct RunContext {
  ClinicConfig config;
  LayoutConfig layout;
  FontSet fonts;
  HandoutFonts faces;
  std::optional<ImageInfo> logo;
  std::vector<std::string> dirs;
};

FamilyFaces faces_of(const FontSet& set, int family) {
  return {set.face_id(family, FaceStyle::Regular), set.face_id(family, FaceStyle::Bold),
          set.face_id(family, FaceStyle::Italic), set.face_id(family, FaceStyle::BoldItalic)};
}

bool load_run(const BuildOptions& opt, RunContext& run, Diagnostics& diags) {
  if (!load_clinic_config(opt.config_path, run.config, diags)) return false;
  auto& c = run.config;
  if (!opt.languages.empty()) c.languages = opt.languages;
  if (!opt.articles.empty()) c.articles = opt.articles, c.article_pos.assign(opt.articles.size(), {"--article"});
  if (!opt.layout.empty()) c.layout = opt.layout, c.layout_pos = {"--layout"};
  if (!opt.out_dir.empty()) c.output_dir = opt.out_dir;
  if (c.layout_pos.file.empty()) c.layout_pos = {c.path};
  run.dirs = data_dirs(c);
  bool ok = load_layout(run.dirs, c.layout, c.layout_pos, run.layout, diags);
  auto at = [&](const SourcePos& p) { return p.file.empty() ? SourcePos{c.path} : p; };
  const int body = run.fonts.load_family(c.brand.body_font, run.dirs, at(c.brand.body_font_pos), diags);
  const int head = run.fonts.load_family(c.brand.heading_font, run.dirs, at(c.brand.heading_font_pos), diags);
  if (body < 0 || head < 0) return false;
  std::vector<int> fallbacks;
  for (const auto& family : c.brand.fallback_fonts) {
    const int id = run.fonts.load_family(family, run.dirs, at(c.brand.fallback_fonts_pos), diags);
    if (id < 0) return false;
    fallbacks.push_back(id);
  }
  run.fonts.set_fallbacks(fallbacks);
  run.faces = {&run.fonts, faces_of(run.fonts, body), faces_of(run.fonts, head)};
  if (!c.clinic.logo_path.empty()) {
    ImageInfo info;
    std::string error;
    if (read_image_info(c.clinic.logo_path, info, error))
      run.logo = info;
    else
      diags.error(c.path, 0, 0, "logo: " + error), ok = false;
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

/// One handout's inputs, read from content/<lang>/.
struct Article {
  ArticleMeta meta;
  Document body;
  ResourceList resources;
  std::string path;
};

bool load_article(const std::string& dir, const std::string& name, const SourcePos& asked_at, Article& a,
                  Diagnostics& diags) {
  a.path = join_path(dir, name + ".md");
  std::string text;
  if (name.find('/') != std::string::npos || !read_file(a.path, text)) {
    diags.error(asked_at, "article '" + name + "' not found (tried '" + a.path + "')");
    return false;
  }
  const auto errors_before = diags.error_count();
  auto src = split_front_matter(text);
  if (src.front_matter_line == 0)
    diags.error(a.path, 1, 1, "missing front matter: the article must start with '---', its title and summary");
  else
    parse_front_matter(src.front_matter, a.path, src.front_matter_line, a.meta, diags);
  a.body = parse_markdown(src.body, a.path, diags);
  std::string res_path = join_path(dir, name + ".resources.yaml");
  if (!a.meta.resources_file.empty()) {
    res_path = join_path(dir, a.meta.resources_file);
    if (!is_file(res_path)) {
      diags.error(a.meta.resources_pos, "resource list not found (tried '" + res_path + "')");
      return false;
    }
  }
  if (is_file(res_path)) load_resources(res_path, a.resources, diags);
  return diags.error_count() == errors_before;
}

std::string kilobytes(std::size_t bytes) { return std::to_string((bytes + 512) / 1024) + " KB"; }

/// Builds one handout; returns false when it could not be written.
bool build_one(const RunContext& run, const BuildOptions& opt, const std::string& lang, const Strings& strings,
               const Hyphenator* hyphenator, const std::string& name, const SourcePos& asked_at, std::ostream& out,
               Diagnostics& diags) {
  const auto start = std::chrono::steady_clock::now();
  Article article;
  if (!load_article(content_dir(run, lang), name, asked_at, article, diags)) return false;
  HandoutInput in;
  in.config = &run.config;
  in.layout = &run.layout;
  in.strings = &strings;
  in.meta = &article.meta;
  in.body = &article.body;
  in.intro = article.resources.intro;
  in.resources = article.resources.resources;
  in.resources.insert(in.resources.end(), run.config.extra_resources.begin(), run.config.extra_resources.end());
  // Text written in YAML gets the same typographic quotes and dashes as the Markdown body.
  for (auto& r : in.resources) r.name = smart_punctuation(r.name), r.description = smart_punctuation(r.description);
  in.intro = smart_punctuation(in.intro);
  article.meta.title = smart_punctuation(article.meta.title);
  article.meta.summary = smart_punctuation(article.meta.summary);
  in.lang = lang;
  in.article_file = article.path;
  in.logo = run.logo;
  in.creator = std::string("handout ") + HANDOUT_VERSION;
  in.hyphenator = hyphenator;
  LayoutStats stats;
  const auto errors_before = diags.error_count();
  const PagedDocument doc = layout_handout(in, run.faces, diags, &stats);
  if (diags.error_count() > errors_before) return false;  // e.g. a tri-fold that does not fit
  std::string pdf, error;
  const std::string path = join_path(run.config.output_dir, lang + "/" + name + ".pdf");
  if (!render_pdf(doc, run.fonts, pdf, error) || !write_file_atomically(path, pdf, error)) {
    diags.error(path, 0, 0, error);
    return false;
  }
  if (opt.debug_layout && !write_file_atomically(path.substr(0, path.size() - 4) + ".layout.txt",
                                                 render_debug(doc, run.fonts), error)) {
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
        << " hyphenated=" << stats.hyphenated_lines << " worst_space=" << worst << " loose=" << stats.loose_lines << " widows=" << stats.widows
        << " orphans=" << stats.orphans << " forced_breaks=" << stats.forced_breaks << "\n";
  }
  return true;
}

}  // namespace

int run_build(const BuildOptions& opt, std::ostream& out, std::ostream& err) {
  install_interrupt_cleanup();
  Diagnostics diags;
  RunContext run;
  if (!load_run(opt, run, diags)) {
    err << diags.to_string();
    return kExitConfigError;
  }
  int written = 0, failed = 0;
  for (const auto& lang : run.config.languages) {
    const std::string dir = content_dir(run, lang);
    Strings strings;
    Diagnostics lang_diags;
    std::vector<std::string> names = run.config.articles;
    std::vector<SourcePos> where = run.config.article_pos;
    if (names.empty()) {
      names = articles_in(dir);
      where.assign(names.size(), {run.config.path});
      if (names.empty()) lang_diags.error(run.config.path, 0, 0, "no articles for language '" + lang + "' (looked in '" + dir + "')");
    }
    if (!load_strings(join_path(dir, "strings.yaml"), strings, lang_diags)) {
      failed += static_cast<int>(std::max<std::size_t>(names.size(), 1));
      err << lang_diags.to_string();
      continue;
    }
    if (names.empty()) ++failed;
    // Hyphenation patterns, loaded once per language; languages Debian has none for are not hyphenated.
    const auto hyphenator = run.layout.hyphenate ? Hyphenator::for_language(lang) : nullptr;
    for (std::size_t i = 0; i < names.size(); ++i) {
      Diagnostics one;
      if (build_one(run, opt, lang, strings, hyphenator.get(), names[i], where[i], out, one))
        ++written;
      else
        ++failed;
      lang_diags.append(one);
    }
    err << lang_diags.to_string();
  }
  out << written << (written == 1 ? " handout" : " handouts") << " written, " << failed << " failed\n";
  return failed > 0 ? kExitSomeFailed : kExitOk;
}

}  // namespace handout
