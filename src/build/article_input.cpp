#include "build/article_input.h"

#include "config/config.h"
#include "build/translation_state.h"
#include "content/markdown.h"
#include "util/input_file.h"
#include "util/text.h"

namespace handout {
namespace {

// Finds and measures the article's figures; a missing or unreadable one is an error at the
// line that names it.
void find_images(const RunContext& run, const std::vector<Block>& blocks, const std::string& article,
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
    else if (const auto* decoded = run_image(run, image.path, largest_box(run.in.layouts, largest_figure), error))
      image.info = decoded->info, out[b.url] = image;
    else
      diags.error(article, b.line, b.col, error);
  }
}

}  // namespace

bool load_article(const RunContext& run, const std::string& path, Article& a, Diagnostics& diags) {
  const auto errors_before = diags.error_count();
  load_article_text(run, path, a, diags);
  find_images(run, a.body.blocks, a.path, a.images, diags);
  return diags.error_count() == errors_before;
}

bool read_front_matter(const RunContext& run, const std::string& path, ArticleMeta& meta, Diagnostics& diags) {
  std::string text;
  if (!read_input(run, path, "article", run.in.config.limits.input_bytes, text, diags)) return false;
  const auto src = split_front_matter(text);
  return src.front_matter_line != 0 && parse_front_matter(src.front_matter, path, src.front_matter_line, meta, diags);
}

bool load_article_text(const RunContext& run, const std::string& path, Article& a, Diagnostics& diags) {
  a.path = path;
  std::string text;
  const auto errors_before = diags.error_count();
  if (!read_input(run, a.path, "article", run.in.config.limits.input_bytes, text, diags)) return false;
  auto src = split_front_matter(text);
  if (src.front_matter_line == 0)
    diags.error(a.path, 1, 1, "missing front matter: the article must start with '---', its title and summary");
  else
    parse_front_matter(src.front_matter, a.path, src.front_matter_line, a.meta, diags);
  a.body = parse_markdown(src.body, a.path, diags);
  a.body_source = std::move(src.body);
  const std::string dir = dir_of(path);
  std::string res_path = path.substr(0, path.size() - 3) + ".resources.yaml";
  if (!a.meta.resources_file.empty()) {
    res_path = join_path(dir, a.meta.resources_file);
    if (!is_file(res_path)) {
      diags.error(a.meta.resources_pos, "resource list not found (tried '" + res_path + "')");
      return false;
    }
  }
  if (is_file(res_path)) {
    a.resources_path = res_path;
    std::string yaml;
    if (read_input(run, res_path, "resource list", run.in.config.limits.input_bytes, yaml, diags))
      parse_resources(yaml, res_path, a.resources, diags);
  }
  // Text written in YAML gets the same typographic quotes and dashes as the Markdown body.
  for (auto& r : a.resources.resources)
    r.name = smart_punctuation(r.name), r.description = smart_punctuation(r.description);
  a.resources.intro = smart_punctuation(a.resources.intro);
  a.meta.title = smart_punctuation(a.meta.title);
  a.meta.summary = smart_punctuation(a.meta.summary);
  return diags.error_count() == errors_before;
}

HandoutInput handout_input(const RunContext& run, const HandoutJob& job, const Article& article,
                           const std::vector<Tagline>& taglines) {
  const Language& lang = *job.content;
  const LayoutConfig& layout = run.in.layouts[job.layout];
  HandoutInput in;
  in.clinic = &lang.clinic;
  in.layout = &layout;
  in.strings = &lang.strings;
  in.meta = &article.meta;
  in.body = &article.body;
  in.intro = article.resources.intro;
  in.resources = article.resources.resources;
  in.resources.insert(in.resources.end(), lang.clinic.extra_resources.begin(), lang.clinic.extra_resources.end());
  in.lang = lang.code;
  in.article_file = article.path;
  in.logo = run.in.logo;
  in.creator = std::string("handout ") + HANDOUT_VERSION;
  in.hyphenator = layout.hyphenate ? lang.hyphenator.get() : nullptr;
  in.notices = notices_for(job, article.meta, run.in.config.notices.outdated_translation && is_outdated(run, article.meta));
  in.taglines = taglines_for(taglines, job.asked->code, layout.assistance_taglines);
  if (!run.in.config.online_url.empty())  // the address of the file this build writes, as the clinic publishes it
    in.online_url = fill_template(run.in.config.online_url, {{"lang", job.asked->code}, {"article", job.name}});
  in.images = article.images;
  return in;
}

}  // namespace handout
