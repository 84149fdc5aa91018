// The files `handout init`, `new` and `new-language` write: planned from the templates compiled
// into the binary (cli/templates.h), then written all or none: when any file they would write
// exists, they write nothing.
#pragma once
#include <iosfwd>
#include <string>
#include <vector>

#include "config/types.h"
#include "diag/diagnostic.h"

namespace handout {

/// A file to write: where, and its text.
struct PlannedFile {
  std::string path, text;
};

/// What the templates' @NAME@ placeholders are filled in with, besides per-file values.
struct TemplateValues {
  std::string schema_dir;  ///< absolute folder of the JSON schemas, for editors
  std::string today;       ///< YYYY-MM-DD
};

/// The files of a new clinic in `dir`: handout.yaml, and content/<lang>/welcome.md and
/// welcome.resources.yaml for each language (English when `languages` is empty).
std::vector<PlannedFile> plan_init(const std::string& dir, const std::vector<std::string>& languages,
                                   const TemplateValues& values);
/// The skeleton of `article` under `content_root`: <lang>/<article>.md and .resources.yaml.
std::vector<PlannedFile> plan_new(const std::string& content_root, const std::string& article,
                                  const std::vector<std::string>& languages, const TemplateValues& values);

/// A new language's labels, <content_root>/<code>/strings.yaml: `english`'s labels, the file
/// marked `translation: draft` from English and every label listed under `untranslated`.
PlannedFile plan_new_language(const std::string& content_root, const std::string& code, const Strings& english,
                              const TemplateValues& values);

/// Writes every file (creating folders), or none when one of them exists already: then an
/// error names it. False on any error.
bool write_new_files(const std::vector<PlannedFile>& files, Diagnostics& diags);

/// Checks language codes given with --lang (BCP 47); false with errors.
bool check_languages(const std::vector<std::string>& languages, Diagnostics& diags);
/// The English labels a new language starts from: the clinic's own, else handout's.
bool english_labels(const std::vector<std::string>& dirs, Strings& out, Diagnostics& diags);
/// The diagnostics to `err`, then a line per file written to `out`. Returns an ExitCode.
int print_result(const std::vector<PlannedFile>& files, const Diagnostics& diags, std::ostream& out,
                 std::ostream& err);

/// Today as YYYY-MM-DD (UTC), or the day SOURCE_DATE_EPOCH names.
std::string today_iso();
/// The schema folder of the data folder this binary uses, as an absolute path.
std::string schema_dir();

}  // namespace handout
