#include "cli/new_language.h"

#include <algorithm>
#include <ostream>

#include "build/run_context.h"
#include "cli/exit_code.h"
#include "cli/new_files.h"
#include "config/config.h"
#include "config/suggest.h"
#include "util/text.h"

namespace handout {

int run_new_language(const NewLanguageOptions& options, std::ostream& out, std::ostream& err) {
  Diagnostics diags;
  std::vector<PlannedFile> files;
  ClinicConfig config;
  if (!valid_language_code(options.code))
    diags.error("", 0, 0, "invalid language code '" + options.code +
                              "' (expected a BCP 47 code such as so, pt-PT, zh-Hans)");
  else if (load_clinic_config(options.config_path, config, diags)) {
    const auto dirs = data_dirs(config);
    const std::string target = join_path(config.base_dir, "content/" + options.code + "/strings.yaml");
    for (std::size_t i = 1; i < dirs.size() && !diags.has_errors(); ++i)  // dirs[0] is the clinic's: "already exists"
      if (const std::string shipped = join_path(dirs[i], "content/" + options.code + "/strings.yaml"); is_file(shipped))
        diags.error("", 0, 0, "'" + options.code + "' has labels already, shipped with handout ('" + shipped +
                                  "'); to change them, copy that file to '" + target + "'");
    Strings english;
    if (!diags.has_errors() && english_labels(dirs, english, diags)) {
      // Said, not refused: the clinic asked for this very code (pt, not pt-BR, may be meant).
      const std::string hint = did_you_mean_language(options.code, languages_with_labels(dirs));
      files.push_back(plan_new_language(join_path(config.base_dir, "content"), options.code, english,
                                        {schema_dir(), today_iso()}));
      if (write_new_files(files, diags) && !hint.empty())
        diags.warning("", 0, 0, "wrote English labels for '" + options.code + "', which handout has none for" + hint);
    }
  }
  const int code = print_result(files, diags, out, err);
  if (code != kExitOk) return code;
  out << "next: translate the labels in " << files.front().path << " (delete each line under 'untranslated:' once "
      << "its label is translated)\n";
  const auto& languages = config.languages;
  if (std::find(languages.begin(), languages.end(), options.code) == languages.end())
    out << "next: add " << options.code << " to 'languages:' in " << options.config_path << "; its articles go in "
        << dir_of(files.front().path) << "/ ('handout new ARTICLE --lang " << options.code << "')\n";
  return code;
}

}  // namespace handout
