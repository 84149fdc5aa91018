// handout translate: export units for translators (XLIFF 1.2, PO), import their work as
// content/<lang>/ files, pseudo-translate for layout tests, record what a translation was
// made from.
#pragma once
#include <ostream>
#include <string>
#include <vector>

namespace handout {

struct TranslateOptions {
  std::string config_path = "handout.yaml";
  std::string from = "en";               ///< the source language
  std::string lang;                      ///< the target language (export, pseudo, record)
  std::vector<std::string> articles;     ///< default: every article of the source language
  std::string format = "both";           ///< export: xliff, po or both
  std::string out_dir = "translations";  ///< export: <out>/<lang>/<article>.xlf|.po and clinic.xlf|.po
  std::vector<std::string> files;        ///< import: the translators' files
};

/// `handout translate export`: exit 0, or 2 when nothing could be exported.
int run_translate_export(const TranslateOptions& o, std::ostream& out, std::ostream& err);
/// `handout translate import`: exit 0; 1 when a file has errors (then nothing is written).
int run_translate_import(const TranslateOptions& o, std::ostream& out, std::ostream& err);
/// `handout translate pseudo`: content/<lang>/ with an accented, 37% longer text of every unit.
int run_translate_pseudo(const TranslateOptions& o, std::ostream& out, std::ostream& err);
/// `handout translate record`: records in each translation the source blocks it matches now.
int run_translate_record(const TranslateOptions& o, std::ostream& out, std::ostream& err);

}  // namespace handout
