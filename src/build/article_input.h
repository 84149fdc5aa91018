// One article with what it brings: front matter, Markdown body, figures (decoded once per
// run), resource list; YAML text typeset like the Markdown body.
#pragma once
#include <map>
#include <string>

#include "config/types.h"
#include "content/document.h"
#include "diag/diagnostic.h"
#include "build/language_catalogue.h"
#include "build/run_context.h"

namespace handout {

/// One handout's inputs, read from content/<lang>/.
struct Article {
  ArticleMeta meta;
  Document body;
  std::string body_source;  ///< the Markdown as written, front matter blanked (lines match the file)
  ResourceList resources;
  std::string path;
  std::string resources_path;  ///< the resource list read, if any
  std::map<std::string, ArticleImage> images;
};

/// What layout needs to lay out `article` for `job` (in its layout): the clinic, strings and
/// style of its language, the notices, the taglines of `taglines` it prints (assistance_taglines:
/// none for `handout check`) and the online address. Points into all three.
HandoutInput handout_input(const RunContext& run, const HandoutJob& job, const Article& article,
                           const std::vector<Tagline>& taglines);

/// Reads content/<lang>/<name>.md at `path` with its figures and resource list. False when
/// anything is wrong (reported in `diags` at its file and line).
bool load_article(const RunContext& run, const std::string& path, Article& a, Diagnostics& diags);
/// Only the front matter of the article at `path`: false when it has none or it is wrong.
bool read_front_matter(const RunContext& run, const std::string& path, ArticleMeta& meta, Diagnostics& diags);
/// The same without its figures (`images` stays empty): the text, for translation.
bool load_article_text(const RunContext& run, const std::string& path, Article& a, Diagnostics& diags);

}  // namespace handout
