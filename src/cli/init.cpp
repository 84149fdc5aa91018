#include "cli/init.h"

#include <algorithm>
#include <ostream>

#include "build/run_context.h"
#include "cli/exit_code.h"
#include "cli/new_files.h"
#include "config/config.h"
#include "config/suggest.h"
#include "util/text.h"

namespace handout {
namespace {

// A new clinic's languages: a code without labels that looks like one with labels ("sp",
// "zh", "pt") is an error with the suggestion; any other code without labels gets new ones.
bool check_new_clinic_languages(const std::vector<std::string>& languages, const std::vector<std::string>& dirs,
                                Diagnostics& diags) {
  if (!check_languages(languages, diags)) return false;
  const auto known = languages_with_labels(dirs);
  for (const auto& code : languages)
    if (const std::string hint = did_you_mean_language(code, known); !hint.empty() && !has_language_folder(dirs, code))
      diags.error("", 0, 0, "handout has no labels for language '" + code + "' given with --lang" + hint +
                                "; to start '" + code + "' anyway, from the English labels, run 'handout new-language " +
                                code + "' in the clinic's folder");
  return !diags.has_errors();
}

}  // namespace

int run_init(const InitOptions& options, std::ostream& out, std::ostream& err) {
  Diagnostics diags;
  std::vector<PlannedFile> files;
  ClinicConfig clinic;  // the folders the new clinic's labels will be found in: its own, then handout's
  clinic.base_dir = options.dir;
  const auto dirs = data_dirs(clinic);
  if (check_new_clinic_languages(options.languages, dirs, diags)) {
    const TemplateValues values{schema_dir(), today_iso()};
    files = plan_init(options.dir, options.languages, values);
    // A language handout has no labels for gets the English ones, marked to translate.
    const auto known = languages_with_labels(dirs);
    Strings english;
    for (const auto& code : options.languages)
      if (std::find(known.begin(), known.end(), code) == known.end() &&
          std::none_of(files.begin(), files.end(), [&](const PlannedFile& f) { return f.path.ends_with(code + "/strings.yaml"); }) &&
          (!english.labels.empty() || english_labels(dirs, english, diags)))
        files.push_back(plan_new_language(join_path(options.dir, "content"), code, english, values));
    if (!diags.has_errors()) write_new_files(files, diags);
  }
  const int code = print_result(files, diags, out, err);
  if (code == kExitOk)
    out << "next: edit " << join_path(options.dir, "handout.yaml") << ", then run 'handout build'"
        << (options.dir == "." ? "" : " in " + options.dir) << "\n";
  return code;
}

}  // namespace handout
