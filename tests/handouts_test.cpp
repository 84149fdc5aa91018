// Which (language, article) handouts a run has: one rule (run_handouts), so `handout build` and
// `handout check` agree. Each case stages a small clinic, builds it with a --report and checks it
// as JSON, and compares the pairs the two name.
#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include <unistd.h>

#include "cli/build.h"
#include "cli/check.h"
#include "build/language_catalogue.h"
#include "build/run_context.h"
#include "test_support.h"
#include "util/text.h"

using namespace handout;

namespace {

using Pairs = std::set<std::pair<std::string, std::string>>;

// A clinic with English and Spanish labels: 'a' only in English, 'b' only in Spanish.
std::string stage(const std::string& extra_config) {
  const std::string dir = test::scratch_dir("handouts-test");
  for (const std::string lang : {"en", "es"}) {
    const std::string folder = dir + "/content/" + lang;
    std::filesystem::create_directories(folder);
    std::filesystem::copy_file(test::source_dir() + "/content/" + lang + "/strings.yaml", folder + "/strings.yaml");
  }
  test::write_file(dir + "/h.yaml", "clinic:\n  name: T\nlanguages: [en, es]\n" + extra_config);
  test::write_file(dir + "/content/en/a.md", "---\ntitle: A\nreviewed: 2026-11-01\n---\n\nSome words.\n");
  test::write_file(dir + "/content/es/b.md", "---\ntitle: B\nreviewed: 2026-11-01\n---\n\nUnas palabras.\n");
  return dir;
}

// The (language, article) of each record of a build report or of check's JSON.
Pairs pairs_in(const std::string& json) {
  Pairs out;
  static const std::regex record("\"language\": \"([^\"]*)\", \"article\": \"([^\"]*)\"");
  for (auto it = std::sregex_iterator(json.begin(), json.end(), record); it != std::sregex_iterator(); ++it)
    out.emplace((*it)[1], (*it)[2]);
  return out;
}

struct Outcome {
  int build_exit = -1, check_exit = -1;
  Pairs built, checked;
  std::string check_json;
};

// Builds the staged clinic in `dir` (h.yaml, into out/, its report in report.json); returns the
// report's text, the exit code in `exit_code` and what the build printed in `printed`.
std::string build_report(const std::string& dir, int jobs, ReportStyle style, int* exit_code = nullptr,
                         std::string* printed = nullptr) {
  BuildOptions build;
  build.config_path = dir + "/h.yaml";
  build.out_dir = dir + "/out";
  build.report_path = dir + "/report.json";
  build.jobs = jobs;
  build.report_style = style;
  std::ostringstream lines, err;
  const int code = run_build(build, lines, err);
  if (exit_code) *exit_code = code;
  if (printed) *printed = lines.str();
  std::string report;
  REQUIRE(read_file(build.report_path, report));
  return report;
}

Outcome build_and_check(const std::string& dir) {
  Outcome o;
  o.built = pairs_in(build_report(dir, 1, ReportStyle::Quiet, &o.build_exit));
  CheckOptions check;
  check.config_path = dir + "/h.yaml";
  check.json = true;
  check.strict = true;  // exit 1 on an error finding, as the build fails on one
  check.target_grade = 18;
  std::ostringstream json, check_err;
  o.check_exit = run_check(check, json, check_err);
  o.check_json = json.str();
  o.checked = pairs_in(o.check_json);
  return o;
}

std::vector<std::string> names(const std::vector<std::pair<std::string, SourcePos>>& articles) {
  std::vector<std::string> out;
  for (const auto& a : articles) out.push_back(a.first);
  return out;
}

using Names = std::vector<std::string>;

// Removes a staged clinic when the test case ends.
struct Scratch {
  std::string dir;
  ~Scratch() {
    std::error_code ignored;
    std::filesystem::remove_all(dir, ignored);
  }
};

}  // namespace

TEST_CASE("run_handouts: each language's own articles; what another language has is left out, and said") {
  const std::string dir = stage("");
  const Scratch scratch{dir};
  Diagnostics d;
  RunRequest request;
  request.config_path = dir + "/h.yaml";
  const auto loaded = load_run(request, d);
  REQUIRE(loaded);
  const RunContext& run = *loaded;
  Languages langs(run);
  const auto handouts = run_handouts(run, langs);
  REQUIRE(handouts.size() == 2);
  CHECK(handouts[0].lang == "en");
  CHECK(names(handouts[0].articles) == Names{"a"});
  CHECK(handouts[0].not_built == Names{"b"});
  CHECK(handouts[1].lang == "es");
  CHECK(names(handouts[1].articles) == Names{"b"});
  CHECK(handouts[1].not_built == Names{"a"});
  CHECK(fallback_suggestion(run, langs, "es", "a") == "en");
  CHECK(fallback_suggestion(run, langs, "en", "b") == "es");
  CHECK(fallback_suggestion(run, langs, "es", "nowhere").empty());
}

TEST_CASE("build and check agree: English-only and Spanish-only articles, no fallback") {
  const Scratch scratch{stage("")};
  const Outcome o = build_and_check(scratch.dir);
  CHECK(o.build_exit == kExitOk);
  CHECK(o.built == Pairs{{"en", "a"}, {"es", "b"}});
  CHECK(o.checked == o.built);
  CHECK(o.check_exit == kExitOk);  // nothing the build fails on
  // What is left out is said (a warning, on the record of the article's own language), never as a failure.
  CHECK(o.check_json.find("no 'es' translation of 'a', so the build makes no 'es' handout of it: write this file, "
                          "or set 'fallback_language: en' to print the 'en' version in 'es'") != std::string::npos);
  CHECK(o.check_json.find("the build fails") == std::string::npos);
}

TEST_CASE("build and check agree: a fallback language prints the missing ones") {
  const Scratch scratch{stage("fallback_language: en\n")};
  const Outcome o = build_and_check(scratch.dir);
  CHECK(o.build_exit == kExitOk);
  CHECK(o.built == Pairs{{"en", "a"}, {"es", "a"}, {"es", "b"}});
  CHECK(o.checked == o.built);
  CHECK(o.check_exit == kExitOk);
  CHECK(o.check_json.find("no 'es' translation of 'a': the handout prints the 'en' version") != std::string::npos);
}

TEST_CASE("build and check agree: the config's articles are built in every language, and fail where missing") {
  const Scratch scratch{stage("articles: [a]\n")};
  const Outcome o = build_and_check(scratch.dir);
  CHECK(o.build_exit == kExitSomeFailed);
  CHECK(o.built == Pairs{{"en", "a"}, {"es", "a"}});
  CHECK(o.checked == o.built);
  CHECK(o.check_exit == kExitSomeFailed);
  CHECK(o.check_json.find("no 'es' translation of 'a': the build fails for this handout (set 'fallback_language: en' "
                          "to print the 'en' version in 'es')") != std::string::npos);
}

TEST_CASE("build and check agree: a language without any article fails in both") {
  const Scratch scratch{stage("")};
  ::unlink((scratch.dir + "/content/es/b.md").c_str());
  const Outcome o = build_and_check(scratch.dir);
  CHECK(o.build_exit == kExitSomeFailed);
  CHECK(o.built == Pairs{{"en", "a"}, {"es", ""}});
  CHECK(o.checked == o.built);
  CHECK(o.check_exit == kExitSomeFailed);
  CHECK(o.check_json.find("no articles for language 'es'") != std::string::npos);
}

namespace {

// Each handout's status in a build report, by "<language>/<article>".
std::map<std::string, std::string> statuses_in(const std::string& json) {
  std::map<std::string, std::string> out;
  static const std::regex record("\"language\": \"([^\"]*)\", \"article\": \"([^\"]*)\".*\"status\": \"([^\"]*)\"");
  for (auto it = std::sregex_iterator(json.begin(), json.end(), record); it != std::sregex_iterator(); ++it)
    out[(*it)[1].str() + "/" + (*it)[2].str()] = (*it)[3];
  return out;
}


}  // namespace

TEST_CASE("handout statuses: their names in the report, as before they were an enum") {
  CHECK(std::string(to_string(HandoutStatus::Written)) == "written");
  CHECK(std::string(to_string(HandoutStatus::UpToDate)) == "up to date");
  CHECK(std::string(to_string(HandoutStatus::Failed)) == "failed");
  HandoutRecord written, current, failed;
  written.status = HandoutStatus::Written, current.status = HandoutStatus::UpToDate;
  const std::string json = report_json({written, current, failed}, 1);
  CHECK(json.find("\"written\": 1, \"up_to_date\": 1, \"failed\": 1") != std::string::npos);
}

TEST_CASE("a build's statuses: written, then up to date; a broken article failed both times") {
  const Scratch scratch{stage("")};
  test::write_file(scratch.dir + "/content/en/broken.md", "no front matter\n");
  const std::string first = build_report(scratch.dir, 2, ReportStyle::Lines);
  CHECK(statuses_in(first) == std::map<std::string, std::string>{
                                  {"en/a", "written"}, {"en/broken", "failed"}, {"es/b", "written"}});
  CHECK(first.find("\"written\": 2, \"up_to_date\": 0, \"failed\": 1") != std::string::npos);
  const std::string second = build_report(scratch.dir, 2, ReportStyle::Lines);
  CHECK(statuses_in(second) == std::map<std::string, std::string>{
                                   {"en/a", "up to date"}, {"en/broken", "failed"}, {"es/b", "up to date"}});
  CHECK(second.find("\"written\": 0, \"up_to_date\": 2, \"failed\": 1") != std::string::npos);
  // Without the broken article: nothing failed, the exit code and the summary line say so.
  ::unlink((scratch.dir + "/content/en/broken.md").c_str());
  int exit_code = -1;
  std::string out;
  build_report(scratch.dir, 2, ReportStyle::Lines, &exit_code, &out);
  CHECK(exit_code == kExitOk);
  CHECK(out.find("0 handouts written, 2 up to date, 0 failed\n") != std::string::npos);
}
