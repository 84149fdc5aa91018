#include "cli/new_article.h"

#include <algorithm>
#include <ostream>

#include "build/run_context.h"
#include "cli/exit_code.h"
#include "cli/new_files.h"
#include "config/config.h"
#include "config/suggest.h"
#include "util/text.h"

namespace handout {

int run_new(const NewOptions& options, std::ostream& out, std::ostream& err) {
  Diagnostics diags;
  std::vector<PlannedFile> files;
  if (options.article.ends_with(".md"))
    diags.error("", 0, 0, "give the article's name without '.md' (e.g. '" +
                              options.article.substr(0, options.article.size() - 3) + "')");
  else if (!valid_article_name(options.article))
    diags.error("", 0, 0, "invalid article name '" + options.article +
                              "' (a file name in content/<lang>/ without '.md': letters, digits, '.', '_' and '-', "
                              "starting with a letter or digit)");
  ClinicConfig config;
  if (!diags.has_errors() && check_languages(options.languages, diags) &&
      load_clinic_config(options.config_path, config, diags)) {
    const auto& languages = options.languages.empty() ? config.languages : options.languages;
    files = plan_new(join_path(config.base_dir, "content"), options.article, languages, {schema_dir(), today_iso()});
    write_new_files(files, diags);
  }
  return print_result(files, diags, out, err);
}

}  // namespace handout
