// `handout init` (a new clinic: a commented handout.yaml and an example article per language)
// and `handout new` (an article skeleton per language). Both write only new files: when any
// file they would write exists, they write nothing.
#pragma once
#include <iosfwd>
#include <string>
#include <vector>

#include "config/types.h"
#include "diag/diagnostic.h"

namespace handout {

/// `handout init [DIR] [--lang CODE]...`
struct InitOptions {
  std::string dir = ".";               ///< the clinic's folder (created if missing)
  std::vector<std::string> languages;  ///< empty: English only
};

/// `handout new ARTICLE [--lang CODE]... [--config FILE]`
struct NewOptions {
  std::string article;
  std::vector<std::string> languages;  ///< empty: the config's languages
  std::string config_path = "handout.yaml";
};

/// `handout new-language CODE [--config FILE]`
struct NewLanguageOptions {
  std::string code;
  std::string config_path = "handout.yaml";
};

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

/// Today as YYYY-MM-DD (UTC), or the day SOURCE_DATE_EPOCH names.
std::string today_iso();
/// The schema folder of the data folder this binary uses, as an absolute path.
std::string schema_dir();

/// Runs `handout init`; a line per file written to `out`, diagnostics to `err`. Returns an ExitCode.
int run_init(const InitOptions& options, std::ostream& out, std::ostream& err);
/// Runs `handout new`; as run_init.
int run_new(const NewOptions& options, std::ostream& out, std::ostream& err);
/// Runs `handout new-language`; as run_init.
int run_new_language(const NewLanguageOptions& options, std::ostream& out, std::ostream& err);

}  // namespace handout
