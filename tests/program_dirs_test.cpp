// Where the binary finds its data: beside itself, the install prefix, the source tree only
// from its build tree (src/util/program_dirs.h). Folders are simulated; nothing is read.
#include <doctest/doctest.h>

#include <set>

#include "util/program_dirs.h"

using namespace handout;

namespace {

std::set<std::string> g_existing;
bool exists(const std::string& dir) { return g_existing.count(dir) > 0; }

const BuildDirs kBuild{"/usr/local/share/handout", "/src/handout/build", "/src/handout"};
using Dirs = std::vector<std::string>;

}  // namespace

TEST_CASE("an installed binary finds its data beside itself, then at the install prefix") {
  g_existing = {"/opt/h/share/handout", "/usr/local/share/handout", "/src/handout", "/src/handout/build"};
  CHECK(program_data_dirs("/opt/h/bin", kBuild, exists) == Dirs{"/opt/h/share/handout", "/usr/local/share/handout"});
  // A prefix moved elsewhere, the compiled-in one gone: only the folder beside the binary.
  g_existing = {"/home/a/moved/share/handout", "/src/handout"};
  CHECK(program_data_dirs("/home/a/moved/bin", kBuild, exists) == Dirs{"/home/a/moved/share/handout"});
  // Installed at the compiled-in prefix itself: listed once.
  g_existing = {"/usr/local/share/handout"};
  CHECK(program_data_dirs("/usr/local/bin", kBuild, exists) == Dirs{"/usr/local/share/handout"});
}

TEST_CASE("the source tree is searched only by a binary inside the build tree") {
  g_existing = {"/src/handout", "/usr/local/share/handout"};
  CHECK(program_data_dirs("/src/handout/build", kBuild, exists) == Dirs{"/src/handout", "/usr/local/share/handout"});
  CHECK(program_data_dirs("/src/handout/build/tests", kBuild, exists) ==
        Dirs{"/src/handout", "/usr/local/share/handout"});
  // A copy of the binary anywhere else, even a sibling folder whose name starts the same, never sees it.
  CHECK(program_data_dirs("/src/handout/build-copy", kBuild, exists) == Dirs{"/usr/local/share/handout"});
  CHECK(program_data_dirs("/tmp", kBuild, exists) == Dirs{"/usr/local/share/handout"});
  // With nothing installed and outside the build tree: no program data at all.
  g_existing = {"/src/handout"};
  CHECK(program_data_dirs("/tmp", kBuild, exists).empty());
  CHECK(program_data_dirs("", kBuild, exists).empty());
}

TEST_CASE("the running test binary is in its build tree") {
  const std::string exe = executable_dir();
  REQUIRE_FALSE(exe.empty());
  CHECK(exe.front() == '/');
  CHECK(exe.ends_with("/tests"));
  CHECK(canonical_or_same("/nonexistent/x/..") == "/nonexistent/x/..");
  CHECK(canonical_or_same("/usr/../usr") == "/usr");
}

TEST_CASE("the thumbnail module is looked for in the build tree (from it only), beside the install, at the prefix") {
  const ModuleDirs dirs{"/src/handout/build", "../lib/handout", "/usr/local/lib/handout"};
  const std::string so = "handout-thumbnail.so";
  CHECK(program_module_paths("/src/handout/build/tests", dirs, so) ==
        Dirs{"/src/handout/build/handout-thumbnail.so", "/src/handout/build/tests/../lib/handout/handout-thumbnail.so",
             "/usr/local/lib/handout/handout-thumbnail.so"});
  CHECK(program_module_paths("/opt/h/bin", dirs, so) ==
        Dirs{"/opt/h/bin/../lib/handout/handout-thumbnail.so", "/usr/local/lib/handout/handout-thumbnail.so"});
  CHECK(program_module_paths("/src/handout/build-copy", dirs, so).front() ==
        "/src/handout/build-copy/../lib/handout/handout-thumbnail.so");
  CHECK(program_module_paths("", dirs, so) == Dirs{"/usr/local/lib/handout/handout-thumbnail.so"});
}
