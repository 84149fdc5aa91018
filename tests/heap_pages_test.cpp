// The heap on large pages: the range is really marked (a compiler may drop a malloc/free pair
// whose block is never used, which once left the whole call doing nothing).
#include <doctest/doctest.h>

#include <malloc.h>

#include <cctype>
#include <fstream>
#include <string>

#include "util/heap_pages.h"

#if defined(__SANITIZE_ADDRESS__)
#define HANDOUT_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define HANDOUT_ASAN 1
#endif
#endif

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
#ifdef HANDOUT_ASAN
  return;  // the sanitizer's allocator does not use the heap
#endif
  if (!std::ifstream("/sys/kernel/mm/transparent_hugepage/enabled")) return;  // a kernel without them
  malloc_trim(0);  // so that the heap has to grow for the next block
  CHECK(handout::use_large_heap_pages());
  CHECK(heap_marked());
}
