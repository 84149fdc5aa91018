// handout: branded, printable PDF handouts from a clinic's YAML and Markdown articles.
// Thin on purpose: parse options, run a job, map the result to an exit code.
#include <CLI/CLI.hpp>

#include <unistd.h>

#include <iostream>

#include "job/build_job.h"
#include "job/check_job.h"
#include "job/watch_job.h"
#include "job/init_job.h"

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

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"handout: branded, printable PDF handouts from Markdown articles and a clinic's YAML file",
               "handout"};
  app.set_version_flag("--version", std::string("handout ") + HANDOUT_VERSION);
  app.require_subcommand(1);

  handout::BuildOptions opt;
  auto* build = app.add_subcommand("build", "Build every (language, article) handout the config asks for");
  add_selection_options(build, opt);
  build->add_flag("--stats", opt.stats, "Print layout figures for each handout");
  build->add_flag("--debug-layout", opt.debug_layout, "Also write a text dump of each laid-out page");
  bool quiet = false;
  build->add_flag("--quiet,-q", quiet, "Print only problems (errors, warnings, a failed count)");
  build->add_option("--report", opt.report_path, "Also write a JSON report: a record per handout and the totals");
  build->add_option("--shard", opt.shard, "Build only shard K of N (K/N), for several machines sharing a build");
  build->add_flag("--force", opt.force, "Rebuild every handout, also those whose inputs are unchanged");
  build->add_flag("--prune", opt.prune, "Remove PDFs in the output folder that no handout of the build makes");
  build->add_option("--patients", opt.patients_path,
                    "Build personal copies for the patient visits in this CSV file (patients/<id>/<lang>/<article>.pdf)");
  build->add_flag("--check", opt.check, "After building, print a reading-level and problems line per handout");
  build->add_flag("--index", opt.index, "Also write <out>/index.html: every handout with a thumbnail, title and grade")
      ->excludes(build->get_option("--patients"));

  handout::CheckOptions check_opt;
  std::string format = "text";
  auto* check = app.add_subcommand("check", "Report whether each handout is fit for a patient (reading level, "
                                            "jargon, links, images, review date, contrast, text size)");
  check->add_option("--config", check_opt.config_path, "Clinic config file")->default_val("handout.yaml");
  check->add_option("--lang", check_opt.languages, "Language code to check (repeatable; default: the config's)");
  check->add_option("--article", check_opt.articles, "Article name to check (repeatable; default: every article)");
  check->add_option("--format", format, "text (a table per handout) or json")->check(CLI::IsMember({"text", "json"}));
  check->add_flag("--strict", check_opt.strict, "Exit 1 when a handout is over its target grade or has an error");
  check->add_option("--target-grade", check_opt.target_grade, "US school grade to aim for (default: check.target_grade, 6)")
      ->check(CLI::Range(1.0, 18.0));

  // watch: build, then rebuild what changed until Ctrl-C.
  handout::BuildOptions watch_opt;
  auto* watch = app.add_subcommand("watch", "Build, then rebuild the handouts whose files change (until Ctrl-C)");
  add_selection_options(watch, watch_opt);
  // handout init / new: a new clinic, a new article (files from templates; never overwrites).
  handout::InitOptions init_opt;
  auto* init = app.add_subcommand("init", "Write a new clinic into DIR: a commented handout.yaml and an example "
                                          "article per language (writes nothing if any file exists)");
  init->add_option("dir", init_opt.dir, "The clinic's folder, created if missing")->default_val(".");
  init->add_option("--lang", init_opt.languages, "Language of the clinic (repeatable; default: en)")->allow_extra_args(false);
  handout::NewOptions new_opt;
  auto* new_article = app.add_subcommand("new", "Write the skeleton of a new article, content/<lang>/ARTICLE.md and "
                                                "ARTICLE.resources.yaml (writes nothing if any file exists)");
  new_article->add_option("article", new_opt.article, "The article's name (letters, digits, '.', '_', '-')")->required();
  new_article->add_option("--lang", new_opt.languages, "Language to write it in (repeatable; default: the config's)")
      ->allow_extra_args(false);
  new_article->add_option("--config", new_opt.config_path, "Clinic config file")->default_val("handout.yaml");

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
  if (init->parsed()) return handout::run_init(init_opt, std::cout, std::cerr);
  if (new_article->parsed()) return handout::run_new(new_opt, std::cout, std::cerr);
  if (check->parsed()) {
    check_opt.json = format == "json";
    return handout::run_check(check_opt, std::cout, std::cerr);
  }
  if (watch->parsed()) return handout::run_watch(watch_opt, std::cout, std::cerr);
  // On a terminal one status line updates in place; in a log, a line per handout.
  opt.report_style = quiet                  ? handout::ReportStyle::Quiet
                     : ::isatty(STDOUT_FILENO) ? handout::ReportStyle::StatusLine
                                               : handout::ReportStyle::Lines;
  return handout::run_build(opt, std::cout, std::cerr);
}
