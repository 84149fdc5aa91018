// handout-hyphen-compile: run by the build (CMakeLists.txt) once per Debian pattern file.
// Loads /usr/share/hyphen/hyph_*.dic with libhyphen and writes the state machine it builds as
// a compiled file (.hyb, format in src/text/hyphenation.cpp) that handout reads back in
// milliseconds instead of seconds. Records the pattern file's name, size and content hash;
// handout uses a compiled file only for a pattern file with that very content.
// Usage: handout-hyphen-compile PATTERNS.dic OUT.hyb
//        handout-hyphen-compile --check OUT.hyb PATTERNS.dic   (exit 1 when made from other bytes)
//        handout-hyphen-compile --load PATTERNS.dic [--libhyphen]
//          gets the patterns ready as handout does (from the build's or the install's compiled
//          file, else the pattern file; --libhyphen: always the pattern file) and says which;
//          bench/hyphenation.sh times it.
#include <cstdio>
#include <cstring>
#include <string>

#include "hash/content_hash.h"
#include "text/hyphenation.h"
#include "util/text.h"

namespace {

int usage(const char* self) {
  std::fprintf(stderr,
               "usage: %s PATTERNS.dic OUT.hyb\n       %s --check OUT.hyb PATTERNS.dic\n"
               "       %s --load PATTERNS.dic [--libhyphen]\n",
               self, self, self);
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace handout;
  if (argc >= 3 && std::strcmp(argv[1], "--load") == 0) {
    const bool libhyphen = argc == 4 && std::strcmp(argv[3], "--libhyphen") == 0;
    if (argc > 4 || (argc == 4 && !libhyphen)) return usage(argv[0]);
    const auto h = Hyphenator::open(argv[2], libhyphen ? std::vector<std::string>{} : Hyphenator::compiled_dirs());
    if (!h) {
      std::fprintf(stderr, "%s: cannot load it\n", argv[2]);
      return 1;
    }
    std::printf("%s: %s\n", argv[2], h->compiled() ? "compiled" : "libhyphen");
    return 0;
  }
  const bool check = argc == 4 && std::strcmp(argv[1], "--check") == 0;
  if (argc != 3 && !check) return usage(argv[0]);
  if (check) {
    std::string bytes;
    if (!read_file(argv[3], bytes)) {
      std::fprintf(stderr, "%s: cannot read it\n", argv[3]);
      return 1;
    }
    const auto src = compiled_pattern_source(argv[2]);
    if (!src) {
      std::fprintf(stderr, "%s: not a compiled pattern file\n", argv[2]);
      return 1;
    }
    if (src->hash != content_hash_128(bytes) || src->size != bytes.size()) {
      std::fprintf(stderr, "%s: made from other bytes than %s\n", argv[2], argv[3]);
      return 1;
    }
    return 0;
  }
  std::string error;
  if (!compile_patterns(argv[1], argv[2], error)) {
    std::fprintf(stderr, "handout-hyphen-compile: %s\n", error.c_str());
    return 1;
  }
  return 0;
}
