// handout: branded, printable PDF handouts from a clinic's YAML and Markdown articles.
// Thin on purpose: parse options, run a job, map the result to an exit code.
#include <CLI/CLI.hpp>

#include <unistd.h>

#include <iostream>

#include "cli/build.h"
#include "cli/check.h"
#include "cli/watch.h"
#include "cli/init.h"
#include "cli/new_article.h"
#include "cli/new_language.h"
#include "cli/translate.h"
#include "util/heap_pages.h"

namespace {

// What build and watch share: the config, which handouts, where to, how many at once.
void add_selection_options(CLI::App* command, handout::BuildOptions& o) {
  command->add_option("--config", o.config_path, "Clinic config file")->default_val("handout.yaml");
  command->add_option("--lang", o.languages, "Language code to build (repeatable; default: the config's)");
  command->add_option("--article", o.articles, "Article name to build (repeatable; default: the config's)");
  command->add_option("--layout", o.layout, "Layout name from layouts/ (default: the config's)");
  command->add_option("--out", o.out_dir, "Output folder (default: the config's)");
  command->add_option("--jobs,-j", o.jobs, "Handouts built at once (default: one per core)")->check(CLI::Range(1, 64));
}

// Every command's options, parsed into the values the jobs take.
struct Commands {
  handout::BuildOptions build, watch;
  bool quiet = false;
  handout::CheckOptions check;
  std::string format = "text";
  handout::InitOptions init;
  handout::NewOptions new_article;
  handout::NewLanguageOptions new_language;
  handout::TranslateOptions translate;
  CLI::App *translate_export = nullptr, *translate_import = nullptr, *translate_pseudo = nullptr,
           *translate_record = nullptr;
  CLI::App *build_cmd = nullptr, *check_cmd = nullptr, *watch_cmd = nullptr, *init_cmd = nullptr, *new_cmd = nullptr,
           *new_language_cmd = nullptr;
};

void add_build(CLI::App& app, Commands& c) {
  handout::BuildOptions& opt = c.build;
  auto* build = c.build_cmd = app.add_subcommand("build", "Build every (language, article) handout the config asks for");
  add_selection_options(build, opt);
  build->add_flag("--stats", opt.stats, "Print layout figures for each handout");
  build->add_flag("--debug-layout", opt.debug_layout, "Also write a text dump of each laid-out page");
  build->add_flag("--quiet,-q", c.quiet, "Print only problems (errors, warnings, a failed count)");
  build->add_option("--report", opt.report_path, "Also write a JSON report: a record per handout and the totals");
  build->add_option("--shard", opt.shard, "Build only shard K of N (K/N), for several machines sharing a build");
  build->add_flag("--force", opt.force, "Rebuild every handout, also those whose inputs are unchanged");
  build->add_flag("--explain", opt.explain, "Say why each handout built was not up to date");
  build->add_flag("--prune", opt.prune, "Remove PDFs in the output folder that no handout of the build makes");
  build->add_option("--patients", opt.patients_path,
                    "Build personal copies for the patient visits in this CSV file (<patients_output>/<id>/<lang>/<article>.pdf)");
  build->add_option("--patients-out", opt.patients_out,
                    "Folder for personal copies (default: the config's patients_output, personal-copies/ beside it)")
      ->needs(build->get_option("--patients"));
  auto* patients = build->get_option("--patients");
  auto* email_out = build->add_option("--email-out", opt.email_out,
                                      "Write each emailed visit's message as DIR/<visit id>.eml (see 'email:' in the config)")
                        ->type_name("DIR")->needs(patients);
  auto* send = build->add_flag("--send", opt.send, "Send each emailed visit's message through the config's email.smtp")
                   ->needs(patients)->excludes(email_out);
  build->add_flag("--dry-run", opt.dry_run, "Say which messages would be sent or written; send and write none")
      ->needs(patients);
  build->add_option("--resend", opt.resend, "Send or write this visit's message again (in doubt, or changed since "
                                            "it was sent; repeatable)")
      ->type_name("ID")->allow_extra_args(false);
  (void)send;
  build->add_flag("--check", opt.check, "After building, print a reading-level and problems line per handout");
  build->add_flag("--index", opt.index, "Also write <out>/index.html: every handout with a thumbnail, title and grade")
      ->excludes(build->get_option("--patients"));
}

void add_check(CLI::App& app, Commands& c) {
  auto* check = c.check_cmd = app.add_subcommand("check", "Report whether each handout is fit for a patient (reading "
                                                          "level, jargon, links, images, review date, contrast, text size)");
  check->add_option("--config", c.check.config_path, "Clinic config file")->default_val("handout.yaml");
  check->add_option("--lang", c.check.languages, "Language code to check (repeatable; default: the config's)");
  check->add_option("--article", c.check.articles, "Article name to check (repeatable; default: every article)");
  check->add_option("--format", c.format, "text (a table per handout) or json")->check(CLI::IsMember({"text", "json"}));
  check->add_flag("--strict", c.check.strict, "Exit 1 when a handout is over its target grade or has an error");
  check->add_option("--target-grade", c.check.target_grade, "US school grade to aim for (default: check.target_grade, 6)")
      ->check(CLI::Range(1.0, 18.0));
}

// watch: build, then rebuild what changed until Ctrl-C; init, new and new-language: a new
// clinic, article or language (files from templates; never overwrites).
void add_watch_init_new(CLI::App& app, Commands& c) {
  c.watch_cmd = app.add_subcommand("watch", "Build, then rebuild the handouts whose files change (until Ctrl-C)");
  add_selection_options(c.watch_cmd, c.watch);
  auto* init = c.init_cmd = app.add_subcommand("init", "Write a new clinic into DIR: a commented handout.yaml and an "
                                                       "example article per language (writes nothing if any file exists)");
  init->add_option("dir", c.init.dir, "The clinic's folder, created if missing")->default_val(".");
  init->add_option("--lang", c.init.languages, "Language of the clinic (repeatable; default: en)")->allow_extra_args(false);
  auto* new_article = c.new_cmd = app.add_subcommand("new", "Write the skeleton of a new article, content/<lang>/ARTICLE.md "
                                                            "and ARTICLE.resources.yaml (writes nothing if any file exists)");
  new_article->add_option("article", c.new_article.article, "The article's name (letters, digits, '.', '_', '-')")->required();
  new_article->add_option("--lang", c.new_article.languages, "Language to write it in (repeatable; default: the config's)")
      ->allow_extra_args(false);
  new_article->add_option("--config", c.new_article.config_path, "Clinic config file")->default_val("handout.yaml");
  auto* new_language = c.new_language_cmd = app.add_subcommand(
      "new-language", "Start a language handout has no labels for: content/CODE/strings.yaml, the English labels "
                      "marked as not yet translated (writes nothing if it exists)");
  new_language->add_option("code", c.new_language.code, "The language's BCP 47 code (so, pt-PT, zh-Hans)")->required();
  new_language->add_option("--config", c.new_language.config_path, "Clinic config file")->default_val("handout.yaml");
}

// translate: files for translators (XLIFF 1.2, PO) out and their work back in; a
// pseudo-translation; the record of what a translation was made from.
void add_translate(CLI::App& app, Commands& c) {
  handout::TranslateOptions& o = c.translate;
  auto* t = app.add_subcommand("translate", "Work with translators: export XLIFF/PO files, import them, pseudo-translate");
  t->require_subcommand(1);
  auto common = [&](CLI::App* cmd, bool lang) {
    cmd->add_option("--config", o.config_path, "Clinic config file")->default_val("handout.yaml");
    cmd->add_option("--from", o.from, "The source language (default: en)");
    if (lang) {
      cmd->add_option("--lang", o.lang, "The language to translate into")->required();
      cmd->add_option("--article", o.articles, "Article name (repeatable; default: every article of the source language)");
    }
  };
  c.translate_export = t->add_subcommand("export", "Write <out>/<lang>/<article>.xlf and .po, and clinic.xlf/.po for "
                                                   "labels and the config's texts: what is left to translate");
  common(c.translate_export, true);
  c.translate_export->add_option("--format", o.format, "xliff, po or both (default)")->check(CLI::IsMember({"xliff", "po", "both"}));
  c.translate_export->add_option("--out", o.out_dir, "Folder for the files (default: translations)");
  c.translate_import = t->add_subcommand("import", "Write content/<lang>/<article>.md (and its resources) from "
                                                   "translated XLIFF or PO files; writes nothing if any file has errors");
  common(c.translate_import, false);
  c.translate_import->add_option("--lang", o.lang, "Refuse files whose target language is another");
  c.translate_import->add_option("files", o.files, "The translated .xlf or .po files")->required();
  c.translate_pseudo = t->add_subcommand("pseudo", "Write an accented, 37% longer pseudo-translation (e.g. --lang qps) "
                                                   "of every article and label, to test layouts");
  common(c.translate_pseudo, true);
  c.translate_record = t->add_subcommand("record", "Record in each translation the source blocks it matches as they "
                                                   "are now (after updating a translation by hand)");
  common(c.translate_record, true);
}

}  // namespace

int main(int argc, char** argv) {
  handout::use_large_heap_pages();
  CLI::App app{"handout: branded, printable PDF handouts from Markdown articles and a clinic's YAML file",
               "handout"};
  app.set_version_flag("--version", std::string("handout ") + HANDOUT_VERSION);
  app.require_subcommand(1);
  Commands c;
  add_build(app, c);
  add_check(app, c);
  add_watch_init_new(app, c);
  add_translate(app, c);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return handout::kExitConfigError;
  }
  if (c.init_cmd->parsed()) return handout::run_init(c.init, std::cout, std::cerr);
  if (c.new_cmd->parsed()) return handout::run_new(c.new_article, std::cout, std::cerr);
  if (c.new_language_cmd->parsed()) return handout::run_new_language(c.new_language, std::cout, std::cerr);
  if (c.translate_export->parsed()) return handout::run_translate_export(c.translate, std::cout, std::cerr);
  if (c.translate_import->parsed()) return handout::run_translate_import(c.translate, std::cout, std::cerr);
  if (c.translate_pseudo->parsed()) return handout::run_translate_pseudo(c.translate, std::cout, std::cerr);
  if (c.translate_record->parsed()) return handout::run_translate_record(c.translate, std::cout, std::cerr);
  if (c.check_cmd->parsed()) {
    c.check.json = c.format == "json";
    return handout::run_check(c.check, std::cout, std::cerr);
  }
  if (c.watch_cmd->parsed()) return handout::run_watch(c.watch, std::cout, std::cerr);
  // On a terminal one status line updates in place; in a log, a line per handout.
  c.build.report_style = c.quiet                  ? handout::ReportStyle::Quiet
                         : ::isatty(STDOUT_FILENO) ? handout::ReportStyle::StatusLine
                                                   : handout::ReportStyle::Lines;
  return handout::run_build(c.build, std::cout, std::cerr);
}
