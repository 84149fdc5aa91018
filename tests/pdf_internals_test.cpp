// libharu's internals (the document's catalog, info, mmgr and xref; a page's attr; its object,
// list, stream and xref calls) are touched in one file, src/render/pdf/hpdf_bridge.cpp, which
// tests/hpdf_bridge_test.cpp checks call by call. This test reads the sources and names any
// other file that reaches into them, whatever its variables are called.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>

namespace {

namespace fs = std::filesystem;

// What reaching into libharu looks like: its object-layer calls, its private record types and
// headers, and (in a file that includes hpdf.h, where the names mean libharu's records) the
// fields of a document, a page or an object.
const std::regex kInternalCall(
    R"(\bHPDF_(Xref|Dict|DictStream|Array|List|MemStream|Stream|String|Binary|Name|Number|Real|Boolean|Null|Proxy|Obj|MMgr)_\w+)"
    R"(|\bHPDF_(PageAttr|XrefEntry|Obj_Header|DictElement)\b|#\s*include\s*[<"]hpdf_\w+\.h[>"])");
const std::regex kInternalField(
    R"(->\s*(catalog|info|mmgr|xref|attr|obj_class|obj_id|write_fn|before_write_fn|filterParams|entries)\b)");

// "path:line: text" for each use in one file.
std::string uses_in(const fs::path& file, const std::string& shown_as) {
  std::ifstream in(file);
  std::stringstream all;
  all << in.rdbuf();
  const std::string text = all.str();
  const bool sees_libharu = text.find("hpdf") != std::string::npos;
  std::istringstream lines(text);
  std::string line, out;
  for (int n = 1; std::getline(lines, line); ++n)
    if (std::regex_search(line, kInternalCall) || (sees_libharu && std::regex_search(line, kInternalField)))
      out += shown_as + ":" + std::to_string(n) + ": " + line + "\n";
  return out;
}

}  // namespace

TEST_CASE("libharu internals: only src/render/pdf/hpdf_bridge.cpp touches them") {
  const fs::path root = HANDOUT_SOURCE_DIR;
  std::string found;
  std::size_t files = 0;
  for (const char* dir : {"src", "tests", "fuzz", "bench", "tools"}) {
    if (!fs::exists(root / dir)) continue;
    for (const auto& entry : fs::recursive_directory_iterator(root / dir)) {
      const std::string ext = entry.path().extension().string();
      if (!entry.is_regular_file() || (ext != ".cpp" && ext != ".h" && ext != ".cc" && ext != ".hpp")) continue;
      const std::string rel = fs::relative(entry.path(), root).generic_string();
      if (rel == "src/render/pdf/hpdf_bridge.cpp" || rel == "tests/pdf_internals_test.cpp") continue;
      ++files;
      found += uses_in(entry.path(), rel);
    }
  }
  CHECK(files > 50);  // the walk found the sources
  INFO(found);
  CHECK(found.empty());
  // The patterns do find what the bridge does (so an empty result above means something).
  CHECK_FALSE(uses_in(root / "src/render/pdf/hpdf_bridge.cpp", "bridge").empty());
}
