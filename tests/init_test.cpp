// `handout init` and `handout new`: the files planned from the embedded templates load without a
// diagnostic, per-language texts follow --lang, and nothing is ever overwritten.
#include <doctest/doctest.h>

#include "test_support.h"
#include <stdlib.h>
#include <unistd.h>

#include "config/config.h"
#include "content/markdown.h"
#include "cli/init.h"
#include "cli/new_article.h"
#include "cli/new_language.h"
#include "cli/new_files.h"
#include "cli/templates.h"
#include "util/text.h"

using namespace handout;

namespace {

const TemplateValues kValues{"/usr/share/handout/schema", "2026-11-25"};

const PlannedFile& file_named(const std::vector<PlannedFile>& files, const std::string& path) {
  static const PlannedFile none;
  for (const auto& f : files)
    if (f.path == path) return f;
  FAIL_CHECK("not planned: " << path);
  return none;
}

// Every planned file read by its own loader: no error, no warning.
void check_loads(const std::vector<PlannedFile>& files) {
  for (const auto& f : files) {
    INFO(f.path);
    CHECK(f.text.find("@lang:") == std::string::npos);
    for (auto at = f.text.find('@'); at != std::string::npos; at = f.text.find('@', at + 1))
      CHECK_MESSAGE(!(at + 1 < f.text.size() && f.text[at + 1] >= 'A' && f.text[at + 1] <= 'Z'), "a placeholder left");
    Diagnostics d;
    if (f.path.ends_with("handout.yaml")) {
      ClinicConfig c;
      CHECK(parse_clinic_config(f.text, f.path, c, d));
    } else if (f.path.ends_with("strings.yaml")) {
      Strings strings;
      CHECK(parse_strings(f.text, f.path, strings, d));
    } else if (f.path.ends_with(".resources.yaml")) {
      ResourceList r;
      CHECK(parse_resources(f.text, f.path, r, d));
    } else {
      const ArticleSource src = split_front_matter(f.text);
      ArticleMeta meta;
      REQUIRE(src.front_matter_line == 2);
      CHECK(parse_front_matter(src.front_matter, f.path, 2, meta, d));
      // Nobody has reviewed a template: no date (nothing printed), and marked as a draft.
      CHECK(meta.reviewed.empty());
      CHECK(meta.status == "draft");
    }
    CHECK(d.to_string() == "");
  }
}

}  // namespace

TEST_CASE("the templates are embedded") {
  CHECK(embedded_template("init/handout.yaml"));
  CHECK(embedded_template("init/en/welcome.md"));
  CHECK(embedded_template("new/en/article.md"));
  CHECK_FALSE(embedded_template("init/xx/welcome.md"));
}

TEST_CASE("init plans a config and an example article per language, each loading cleanly") {
  const auto files = plan_init("c", {"en", "es", "fr", "es"}, kValues);
  REQUIRE(files.size() == 7);  // es once
  check_loads(files);
  const std::string& config = file_named(files, "c/handout.yaml").text;
  CHECK(config.starts_with("# yaml-language-server: $schema=/usr/share/handout/schema/handout.schema.json\n"));
  CHECK(config.find("languages: [en, es, fr]") != std::string::npos);
  CHECK(config.find("    es: Información de salud clara y cercana\n") != std::string::npos);  // marker gone
  CHECK(file_named(files, "c/content/es/welcome.md").text.find("title: Su primera visita") != std::string::npos);
  // French has no example text of its own: the English one, marked as a draft translation.
  const std::string& fr = file_named(files, "c/content/fr/welcome.md").text;
  CHECK(fr.find("title: Your First Visit\n") != std::string::npos);
  CHECK(fr.find("translation: draft\nsource_language: en\ntranslated: 2026-11-25\n---\n") != std::string::npos);
  CHECK(file_named(files, "c/content/en/welcome.md").text.find("translation:") == std::string::npos);
  CHECK(file_named(files, "c/content/fr/welcome.resources.yaml").text.starts_with("# yaml-language-server: $schema="));
}

TEST_CASE("init without languages is an English clinic without the Spanish lines") {
  const auto files = plan_init(".", {}, kValues);
  REQUIRE(files.size() == 3);
  check_loads(files);
  CHECK(files[0].path == "handout.yaml");
  CHECK(files[0].text.find("languages: [en]") != std::string::npos);
  CHECK(files[0].text.find(" es: ") == std::string::npos);
}

TEST_CASE("new plans a skeleton per language with a title made of its name") {
  const auto files = plan_new("c/content", "knee-pain", {"en", "es", "de"}, kValues);
  REQUIRE(files.size() == 6);
  check_loads(files);
  const std::string& en = file_named(files, "c/content/en/knee-pain.md").text;
  CHECK(en.find("title: \"Knee pain\"\n") != std::string::npos);
  CHECK(en.find("keywords: [knee pain]\n") != std::string::npos);
  CHECK(file_named(files, "c/content/es/knee-pain.md").text.find("Una o dos frases") != std::string::npos);
  CHECK(file_named(files, "c/content/de/knee-pain.md").text.find("translation:") == std::string::npos);
}

TEST_CASE("new-language plans the English labels, each marked as not yet translated") {
  Strings english;
  Diagnostics d;
  REQUIRE(load_strings(test::source_dir() + "/content/en/strings.yaml", 1 << 20, english, d));
  const PlannedFile file = plan_new_language("c/content", "so", english, kValues);
  CHECK(file.path == "c/content/so/strings.yaml");
  CHECK(file.text.starts_with("# yaml-language-server: $schema=/usr/share/handout/schema/strings.schema.json\n"));
  CHECK(file.text.find("# The labels a 'so' handout prints") != std::string::npos);
  check_loads({file});
  Strings so;
  REQUIRE(parse_strings(file.text, file.path, so, d));
  CHECK(so.labels == english.labels);
  CHECK(so.translation == "draft");
  CHECK(so.source_language == "en");
  CHECK(so.untranslated.size() == english.labels.size() + 2);  // with months and language_names
}

TEST_CASE("write_new_files writes all files, or none when one exists") {
  const std::string dir = test::scratch_dir("init-test");
  const auto files = plan_init(dir + "/clinic", {"en"}, kValues);
  Diagnostics d;
  REQUIRE(write_new_files(files, d));
  for (const auto& f : files) {
    std::string text;
    REQUIRE(read_file(f.path, text));
    CHECK(text == f.text);
  }
  // A second run: the first file exists, so nothing is written, not even the missing ones.
  ::unlink(files[2].path.c_str());
  Diagnostics again;
  CHECK_FALSE(write_new_files(files, again));
  CHECK(again.to_string() == dir + "/clinic/handout.yaml: error: already exists; nothing was written (this command "
                                   "never overwrites a file)\n");
  CHECK_FALSE(is_file(files[2].path));
  for (const auto& f : files) ::unlink(f.path.c_str());
  for (const char* sub : {"/clinic/content/en", "/clinic/content", "/clinic", ""}) ::rmdir((dir + sub).c_str());
}

TEST_CASE("today_iso follows SOURCE_DATE_EPOCH") {
  ::setenv("SOURCE_DATE_EPOCH", "1795564800", 1);
  CHECK(today_iso() == "2026-11-25");
  ::unsetenv("SOURCE_DATE_EPOCH");
  CHECK(is_iso_date(today_iso()));
}
