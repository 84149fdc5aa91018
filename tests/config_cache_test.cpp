// The clinic config kept parsed in the output folder (src/config/config_bytes.h,
// src/job/config_cache.h): every field reads back; an unchanged file is not parsed again and
// reads the same; a changed file, a damaged copy, a config with any message and a logo gone
// since are parsed (and their problems reported) every time.
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <string>

#include "config/config.h"
#include "config/config_bytes.h"
#include "job/config_cache.h"
#include "test_support.h"
#include "util/text.h"

namespace handout {
namespace {

void write(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

ClinicConfig example() {
  ClinicConfig c;
  Diagnostics d;
  REQUIRE(load_clinic_config(std::string(HANDOUT_SOURCE_DIR) + "/handout.yaml", c, d));
  REQUIRE(d.items().empty());
  return c;
}

}  // namespace

TEST_CASE("config bytes: every field of the example config reads back, and damage is refused") {
  ClinicConfig c = example();
  c.check.plain_words = {{"dyspareunia", "pain during sex"}};
  c.check.target_grade = 6.25, c.limits.pages = 7, c.missing_glyphs_allowed = true;
  c.article_pos = {{"--article", 3, 4}};
  const std::string bytes = clinic_config_bytes(c);
  ClinicConfig back;
  REQUIRE(parse_clinic_config_bytes(bytes, back));
  CHECK(back == c);
  CHECK(back.tagline.at("th") == c.tagline.at("th"));
  for (std::size_t n = 0; n < bytes.size(); n += 7) CHECK_FALSE(parse_clinic_config_bytes(bytes.substr(0, n), back));
  CHECK_FALSE(parse_clinic_config_bytes(bytes + "x", back));
  CHECK(back == c);  // left as it was
}

TEST_CASE("config cache: the output folder named in the config's text, where its copy is looked for") {
  CHECK(named_output_dir("clinic:\n  name: A\n", "/c/h.yaml") == "/c/out");
  CHECK(named_output_dir("output: build/pdf   # for the web\nlanguages: [en]\n", "/c/h.yaml") == "/c/build/pdf");
  CHECK(named_output_dir("output: /srv/handouts\n", "h.yaml") == "/srv/handouts");
  CHECK(named_output_dir("output: \"quoted\"\n", "/c/h.yaml").empty());
  CHECK(named_output_dir("output:\n", "/c/h.yaml").empty());
  CHECK(named_output_dir("clinic:\n  output: nested\n", "/c/h.yaml") == "/c/out");  // not at the top
}

TEST_CASE("config cache: an unchanged config is read from the output folder, the same as parsed") {
  const std::string dir = test::scratch_dir("config-cache");
  const std::string path = dir + "/h.yaml", out = dir + "/out";
  write(path, "clinic:\n  name: Cached Clinic\n  phone: (503) 555-0142\nlanguages: [en, es]\n");
  ConfigCache first;
  ClinicConfig a;
  Diagnostics d;
  REQUIRE(first.load(path, "", a, d));
  CHECK(first.parsed());
  first.save(out);
  CHECK(is_file(out + "/.handout-cache/config"));
  ConfigCache second;
  ClinicConfig b;
  REQUIRE(second.load(path, "", b, d));
  CHECK_FALSE(second.parsed());  // from the output folder
  CHECK(b == a);
  CHECK(d.items().empty());
  // Changed bytes: parsed again.
  write(path, "clinic:\n  name: Cached Clinic\n  phone: (503) 555-0199\nlanguages: [en, es]\n");
  ConfigCache third;
  REQUIRE(third.load(path, "", b, d));
  CHECK(third.parsed());
  CHECK(b.clinic.phone == "(503) 555-0199");
  third.save(out);
  // A damaged copy: parsed again, the same config.
  std::string kept;
  REQUIRE(read_file(out + "/.handout-cache/config", kept));
  kept[kept.size() / 2] ^= 1;
  write(out + "/.handout-cache/config", kept);
  ConfigCache fourth;
  ClinicConfig c;
  REQUIRE(fourth.load(path, "", c, d));
  CHECK(fourth.parsed());
  CHECK(c == b);
  std::system(("rm -rf '" + dir + "'").c_str());
}

TEST_CASE("config cache: a config with a warning, or whose logo is gone, is parsed and reported every time") {
  const std::string dir = test::scratch_dir("config-cache-warn");
  const std::string path = dir + "/h.yaml", out = dir + "/elsewhere";
  write(path, "clinic:\n  name: A\n  website: javascript:alert(1)\n");
  for (int run = 0; run < 2; ++run) {
    ConfigCache cache;
    ClinicConfig c;
    Diagnostics d;
    REQUIRE(cache.load(path, out, c, d));
    CHECK(cache.parsed());
    CHECK(d.items().size() == 1);  // the unsafe link, each run
    cache.save(out);
  }
  write(dir + "/logo.png", "not read by the config");
  write(path, "clinic:\n  name: A\n  logo: logo.png\n");
  {
    ConfigCache cache;
    ClinicConfig c;
    Diagnostics d;
    REQUIRE(cache.load(path, out, c, d));
    cache.save(out);
  }
  std::remove((dir + "/logo.png").c_str());
  ConfigCache cache;
  ClinicConfig c;
  Diagnostics d;
  CHECK_FALSE(cache.load(path, out, c, d));
  CHECK(cache.parsed());
  CHECK(d.to_string().find("logo not found") != std::string::npos);
  std::system(("rm -rf '" + dir + "'").c_str());
}

}  // namespace handout
