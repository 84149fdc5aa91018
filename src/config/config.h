// Loading of every YAML input: clinic config, layouts, strings, resource lists, front matter.
#pragma once
#include <string>
#include <vector>

#include "config/types.h"
#include "diag/diagnostic.h"

namespace handout {

/// Folders searched, in order, for layouts/, fonts/ and content/.
std::vector<std::string> data_dirs(const ClinicConfig& config);

/// Loads and checks a clinic config; returns false when any error was reported.
bool load_clinic_config(const std::string& path, ClinicConfig& out, Diagnostics& diags);
/// Same, from text already in memory (for tests); `path` is used in messages.
bool parse_clinic_config(const std::string& text, const std::string& path, ClinicConfig& out,
                         Diagnostics& diags);

/// Finds and loads layouts/<name>.yaml from the data dirs; `at` is where the name was given.
bool load_layout(const std::vector<std::string>& dirs, const std::string& name, const SourcePos& at,
                 LayoutConfig& out, Diagnostics& diags);
bool parse_layout(const std::string& text, const std::string& path, LayoutConfig& out,
                  Diagnostics& diags);
/// Names of the layouts available in the data dirs.
std::vector<std::string> available_layouts(const std::vector<std::string>& dirs);

/// Loads a language's strings file; every required label must be present.
/// `max_bytes` is the input file limit (limits.input_megabytes).
bool load_strings(const std::string& path, long long max_bytes, Strings& out, Diagnostics& diags);
bool parse_strings(const std::string& text, const std::string& path, Strings& out,
                   Diagnostics& diags);
/// The labels every strings file must define.
const std::vector<std::string>& required_string_keys();
/// The labels only some features use; a feature that needs one a language lacks says so.
const std::vector<std::string>& optional_string_keys();
/// Every key of a strings file that holds text to translate, in the order a file is written:
/// the required labels, `months`, the optional labels, `language_names`. What `untranslated`
/// may list.
const std::vector<std::string>& translatable_string_keys();
/// `source`'s labels as the text of a new language's strings file (no comments): marked
/// `translation: draft` from `source_language`, with every label it has listed under
/// `untranslated` (see Strings::untranslated). parse_strings reads it back as `source`.
std::string untranslated_strings_yaml(const Strings& source, const std::string& source_language);

/// Loads a resource list file.
bool load_resources(const std::string& path, long long max_bytes, ResourceList& out, Diagnostics& diags);
bool parse_resources(const std::string& text, const std::string& path, ResourceList& out,
                     Diagnostics& diags);

/// Parses front matter text found at `first_line` of `path` (line numbers stay file-relative).
bool parse_front_matter(const std::string& text, const std::string& path, int first_line,
                        ArticleMeta& out, Diagnostics& diags);

/// The clinic as printed in `lang`: each per-language text (tagline, hours, footer note, extra
/// resources' descriptions) taken from the exact code, else its primary language ("pt" for
/// "pt-BR"), else "default", else "en", else the first language given.
PrintedClinic printed_clinic(const ClinicConfig& config, const std::string& lang);

/// A text given once or per language, for `lang` (its primary language, "default", English, the
/// first given); "" when none is.
std::string localized_for(const LocalizedText& text, const std::string& lang);

/// True for a BCP 47-shaped language code (en, es, zh-Hans, pt-BR).
bool valid_language_code(const std::string& code);
/// True for an article name that is a plain file name: letters, digits, '.', '_' and '-',
/// not starting with '.', so it can never name a path outside its folder.
bool valid_article_name(const std::string& name);

/// True for a calendar date written YYYY-MM-DD that exists (no 2026-02-30).
bool is_iso_date(const std::string& text);

/// Why `address` is no mail address handout can send to ("" when it is one): a local part of
/// printable ASCII without spaces, '<' or '>', one '@', a domain of letters, digits, '-' and
/// '.' with a dot. Never quotes the address (a patient's is private).
std::string mail_address_problem(const std::string& address);

/// Splits "Name <address>" (or a bare address) into its parts; false when it has neither shape.
bool split_mailbox(const std::string& text, std::string& name, std::string& address);

/// Whether `host` names this machine (localhost, 127.0.0.0/8, ::1).
bool is_local_host(const std::string& host);

/// Parses "#RRGGBB"; false when malformed.
bool parse_color(const std::string& text, Color& out);

}  // namespace handout
