// Incremental builds on top of the manifest: which handouts are up to date, what each one
// read, which PDFs in the output folder no longer belong to the build.
#pragma once
#include <set>
#include <string>
#include <vector>

#include "job/article_input.h"
#include "job/language_catalogue.h"
#include "job/manifest.h"
#include "job/run_context.h"
#include "layout/frame.h"

namespace handout {

/// Every file a handout was built from: the tool itself, the config, the layout, the strings
/// of its languages, the article and its resource list, its figures and the logo, and the
/// font files its text is drawn with.
std::vector<std::string> handout_inputs(const RunContext& run, const HandoutJob& job, const Article& article,
                                        const PagedDocument& doc);

/// Thumbnails of the catalogue page (thumbnails/<lang>/<name>.png, relative to `out_dir`) whose
/// handout is not in `expected` (<lang>/<name>.pdf): left by a handout no longer built.
std::vector<std::string> stale_thumbnails(const std::string& out_dir, const std::set<std::string>& expected);

/// PDFs in the output folder (`<lang>/<name>.pdf`, or named in a manifest) that are not in
/// `expected` (paths relative to the output folder), sorted.
std::vector<std::string> stale_pdfs(const std::string& out_dir, const std::set<std::string>& expected,
                                    const Manifest& manifest);

}  // namespace handout
