// The heap on large pages: the range is really marked (a compiler may drop a malloc/free pair
// whose block is never used, which once left the whole call doing nothing).
#include <doctest/doctest.h>

#include <malloc.h>

#include <cctype>
#include <cstdlib>
#include <fstream>
#include <string>

#include "util/heap_pages.h"

namespace {

// Whether a heap mapping of this process carries the "hg" (MADV_HUGEPAGE) flag.
bool heap_marked() {
  std::ifstream smaps("/proc/self/smaps");
  std::string line;
  bool heap = false;
  while (std::getline(smaps, line)) {
    if (!line.empty() && std::isxdigit(static_cast<unsigned char>(line[0])) && line.find('-') < line.find(' '))
      heap = line.find("[heap]") != std::string::npos;  // a mapping's first line: its range, ..., its name
    if (heap && line.rfind("VmFlags:", 0) == 0 && line.find(" hg") != std::string::npos) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("the heap grows by large pages, asked for from the kernel") {
  if (std::getenv("HANDOUT_SANITIZED")) return;  // the sanitizer's allocator does not use the heap
  if (!std::ifstream("/sys/kernel/mm/transparent_hugepage/enabled")) return;  // a kernel without them
  malloc_trim(0);  // so that the heap has to grow for the next block
  CHECK(handout::use_large_heap_pages());
  CHECK(heap_marked());
}
