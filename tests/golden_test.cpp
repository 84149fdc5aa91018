// Golden layout tests: Markdown in tests/golden/*.md, expected debug layout in *.<layout>.txt.
// Run `unit_tests --update` to rewrite the expected files after an intended change, then review
// the diff like code.
#include <doctest/doctest.h>

#include <fstream>

#include "text/hyphenation.h"
#include "render/debug/debug_renderer.h"
#include "test_support.h"
#include "util/text.h"

using namespace handout;

namespace {

void check_golden(const std::string& name, const std::string& layout_name) {
  test::Fixture f;
  Diagnostics d;
  REQUIRE(load_layout({test::source_dir(), test::source_dir() + "/tests/golden"}, layout_name, {}, f.layout, d));
  const auto hyphenator = f.layout.hyphenate ? Hyphenator::for_language("en") : nullptr;
  f.hyphenator = hyphenator.get();
  std::string md;
  REQUIRE(read_file(test::source_dir() + "/tests/golden/" + name + ".md", md));
  Resource r;
  r.name = "Example Association";
  r.description = "Support for people with pelvic pain";
  r.website = "https://www.example.org";
  r.website_uri = r.website;
  r.phone = "555-0199";
  f.resources = {r};
  f.intro = "Some trusted resources include:";
  DecodedImage logo;
  std::string error;
  REQUIRE(load_image(test::source_dir() + "/assets/logo.png", {}, {}, logo, error));
  f.images["figure.png"] = {"assets/logo.png", logo.info};
  auto doc = f.lay_out(md, d);
  const std::string actual = render_debug(doc, *test::fonts().set);
  const std::string path = test::source_dir() + "/tests/golden/" + name + "." + layout_name + ".txt";
  if (g_update_golden) {
    std::ofstream(path, std::ios::binary) << actual;
    MESSAGE("updated " << path);
    return;
  }
  std::string expected;
  REQUIRE_MESSAGE(read_file(path, expected), "missing golden file " << path << " (run unit_tests --update)");
  CHECK(actual == expected);
}

}  // namespace

TEST_CASE("golden: every construct on Letter") { check_golden("constructs", "letter"); }
TEST_CASE("golden: every construct on A4") { check_golden("constructs", "a4"); }
TEST_CASE("golden: every construct in large print") { check_golden("constructs", "large-print"); }
TEST_CASE("golden: every construct in two columns") { check_golden("constructs", "two-column"); }
TEST_CASE("golden: every construct on a tri-fold") { check_golden("constructs", "trifold"); }
TEST_CASE("golden: every construct justified and hyphenated") { check_golden("constructs", "justified"); }
