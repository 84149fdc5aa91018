// The clinic's own texts for translators (`clinic.xlf` / `clinic.po`): the labels of a language's
// strings.yaml still to translate, and the config's texts given per language (tagline, hours,
// footer note, extra resources' descriptions); their translations written back by line edits
// that keep every other line, comment and key order of both files.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "build/run_context.h"
#include "translate/formats.h"

namespace handout {

/// The fingerprint of the files a clinic file's import edits: the config and the language's
/// own strings.yaml ("none" for a missing one).
std::string clinic_base(const RunContext& run, const std::string& lang);

/// A hash of each of `source`'s labels (translate::Unit::hash of its text): "phone", "months"
/// (the twelve as one), "language_names.<code>".
std::map<std::string, std::string> label_hashes(const Strings& source);
/// A strings file's text with its `source:` record replaced (or added at its end).
std::string with_label_source(const std::string& strings_text, const std::string& language,
                              const std::map<std::string, std::string>& hashes);

/// The text of a file after an import, for the import to write.
struct EditedFile {
  std::string path, text;
};

/// Checks a translated clinic file (each unit known and translated, its {placeholders} kept)
/// and makes the edits of the strings file and the config. Problems go to `errors` as
/// "unit 'label.phone' ..." (without the file's name), and then nothing is returned.
std::vector<EditedFile> import_clinic_file(const RunContext& run, const translate::UnitFile& file,
                                           std::vector<std::string>& errors);

}  // namespace handout
