// Which (language, article) handouts a run has: one rule (run_handouts), so `handout build` and
// `handout check` agree. Each case stages a small clinic, builds it with a --report and checks it
// as JSON, and compares the pairs the two name.
#include <doctest/doctest.h>

#include <filesystem>
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

void write(const std::string& path, const std::string& text) {
  std::ofstream(path) << text;
}

// A clinic with English and Spanish labels: 'a' only in English, 'b' only in Spanish.
std::string stage(const std::string& extra_config) {
  const std::string dir = test::scratch_dir("handouts-test");
  for (const std::string lang : {"en", "es"}) {
    const std::string folder = dir + "/content/" + lang;
    std::filesystem::create_directories(folder);
    std::filesystem::copy_file(test::source_dir() + "/content/" + lang + "/strings.yaml", folder + "/strings.yaml");
  }
  write(dir + "/h.yaml", "clinic:\n  name: T\nlanguages: [en, es]\n" + extra_config);
  write(dir + "/content/en/a.md", "---\ntitle: A\nreviewed: 2026-11-01\n---\n\nSome words.\n");
  write(dir + "/content/es/b.md", "---\ntitle: B\nreviewed: 2026-11-01\n---\n\nUnas palabras.\n");
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

Outcome build_and_check(const std::string& dir) {
  Outcome o;
  BuildOptions build;
  build.config_path = dir + "/h.yaml";
  build.out_dir = dir + "/out";
  build.report_path = dir + "/report.json";
  build.jobs = 1;
  build.report_style = ReportStyle::Quiet;
  std::ostringstream out, err;
  o.build_exit = run_build(build, out, err);
  std::string report;
  REQUIRE(read_file(build.report_path, report));
  o.built = pairs_in(report);
  CheckOptions check;
  check.config_path = build.config_path;
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

