// Golden layout tests: Markdown in tests/golden/*.md, expected debug layout in *.<layout>.txt.
// Run `unit_tests --update` to rewrite the expected files after an intended change, then review
// the diff like code.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <regex>
#include <sstream>
#include <unistd.h>

#include "text/hyphenation.h"
#include "render/debug/debug_renderer.h"
#include "test_support.h"
#include "util/text.h"

using namespace handout;

namespace {

// Every decimal number in `part` rounded to a whole point ("66.3,243.7" -> "66,244").
std::string round_numbers(const std::string& part) {
  static const std::regex decimal(R"(-?\d+\.\d+)");
  std::string out;
  auto last = part.cbegin();
  for (std::sregex_iterator it(part.begin(), part.end(), decimal), end; it != end; ++it) {
    out.append(last, (*it)[0].first);
    const long r = std::lround(std::stod(it->str()));
    out += std::to_string(r == 0 ? 0L : r);  // no "-0"
    last = (*it)[0].second;
  }
  return out.append(last, part.cend());
}

// The debug dump with positions and extents rounded to whole points, so a metric change of a
// fraction of a point rewrites only the lines it really moves. Quoted text is left alone, and so
// is a text item's font size (after its fourth space: `text X,Y w=W FONT SIZE ...`).
std::string rounded_coordinates(const std::string& dump) {
  std::string out, line;
  std::istringstream in(dump);
  while (std::getline(in, line)) {
    std::string segment;
    bool quoted = false;
    int field = 0;
    auto flush = [&] { out += quoted ? segment : round_numbers(segment); segment.clear(); };
    const bool text_item = line.rfind("  text ", 0) == 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
      const char c = line[i];
      if (c == '"' && (i == 0 || line[i - 1] != '\\')) {
        if (!quoted) flush();
        segment += c;
        if (quoted) flush();
        quoted = !quoted;
        continue;
      }
      if (!quoted && c == ' ' && i > 0 && line[i - 1] != ' ') {
        ++field;
        if (text_item && field == 4) {  // the font size follows this space: keep it as dumped
          flush();
          const auto end = line.find(' ', i + 1);
          out += line.substr(i, end - i);
          i = end - 1;
          continue;
        }
      }
      segment += c;
    }
    flush();
    out += '\n';
  }
  return out;
}

// `diff -u` of the expected file and what was laid out, for the failure message.
std::string unified_diff(const std::string& expected_path, const std::string& actual) {
  char tmp[] = "/tmp/golden-actual-XXXXXX";
  const int fd = mkstemp(tmp);
  if (fd < 0) return "(could not write a temporary file for the diff)";
  close(fd);
  std::ofstream(tmp, std::ios::binary) << actual;
  std::string diff, cmd = "diff -u --label expected --label actual '" + expected_path + "' '" + tmp + "'";
  if (FILE* p = popen(cmd.c_str(), "r")) {
    char buf[4096];
    for (std::size_t n; (n = fread(buf, 1, sizeof buf, p)) > 0;) diff.append(buf, n);
    pclose(p);
  }
  std::remove(tmp);
  return diff;
}

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
  const std::string actual = rounded_coordinates(render_debug(doc, *test::fonts().set));
  const std::string path = test::source_dir() + "/tests/golden/" + name + "." + layout_name + ".txt";
  if (g_update_golden) {
    std::ofstream(path, std::ios::binary) << actual;
    MESSAGE("updated " << path);
    return;
  }
  std::string expected;
  REQUIRE_MESSAGE(read_file(path, expected), "missing golden file " << path << " (run unit_tests --update)");
  if (actual != expected) FAIL_CHECK(path << " differs (run unit_tests --update after an intended change):\n"
                                         << unified_diff(path, actual));
}

}  // namespace

TEST_CASE("golden: every construct on Letter") { check_golden("constructs", "letter"); }
TEST_CASE("golden: every construct on A4") { check_golden("constructs", "a4"); }
TEST_CASE("golden: every construct in large print") { check_golden("constructs", "large-print"); }
TEST_CASE("golden: every construct in two columns") { check_golden("constructs", "two-column"); }
TEST_CASE("golden: every construct on a tri-fold") { check_golden("constructs", "trifold"); }
TEST_CASE("golden: every construct justified and hyphenated") { check_golden("constructs", "justified"); }
