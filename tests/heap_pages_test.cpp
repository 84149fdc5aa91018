// The heap on large pages: the range is really marked (a compiler may drop a malloc/free pair
// whose block is never used, which once left the whole call doing nothing), the build's blocks
// land in it, and what is touched there is backed by large pages (malloc once wrote into the
// range before it was marked, which leaves it on small pages for good).
#include <doctest/doctest.h>

#include <malloc.h>

#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
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

// The heap mapping of this process marked "hg" (MADV_HUGEPAGE): its range and how much of it
// is in memory, in all and on large pages.
struct Marked {
  bool found = false;
  std::uintptr_t from = 0, to = 0;
  long rss_kb = -1, huge_kb = -1;
};

Marked marked_heap() {
  std::ifstream smaps("/proc/self/smaps");
  std::string line;
  Marked m, current;
  bool heap = false;
  while (std::getline(smaps, line)) {
    if (!line.empty() && std::isxdigit(static_cast<unsigned char>(line[0])) && line.find('-') < line.find(' ')) {
      heap = line.find("[heap]") != std::string::npos;  // a mapping's first line: its range, ..., its name
      current = {};
      current.from = std::stoull(line.substr(0, line.find('-')), nullptr, 16);
      current.to = std::stoull(line.substr(line.find('-') + 1), nullptr, 16);
    } else if (line.rfind("Rss:", 0) == 0) {
      current.rss_kb = std::stol(line.substr(4));
    } else if (line.rfind("AnonHugePages:", 0) == 0) {
      current.huge_kb = std::stol(line.substr(14));
    } else if (heap && line.rfind("VmFlags:", 0) == 0 && line.find(" hg") != std::string::npos) {
      m = current;
      m.found = true;
    }
  }
  return m;
}

// How often the kernel could not find a large page for a fault since boot.
long thp_fallbacks() {
  std::ifstream vmstat("/proc/vmstat");
  std::string name;
  long value = 0;
  while (vmstat >> name >> value)
    if (name == "thp_fault_fallback") return value;
  return 0;
}

}  // namespace

TEST_CASE("the heap grows by large pages, asked for from the kernel") {
#ifdef HANDOUT_ASAN
  return;  // the sanitizer's allocator does not use the heap
#endif
  std::ifstream mode("/sys/kernel/mm/transparent_hugepage/enabled");
  std::string modes;
  if (!std::getline(mode, modes) || modes.find("[never]") != std::string::npos) return;  // none to be had
  malloc_trim(0);  // so that the heap has to grow for the next block
  const long fallbacks = thp_fallbacks();
  CHECK(handout::use_large_heap_pages());
  // A block too large for malloc's lists of freed blocks: taken from the top of the heap.
  auto* block = static_cast<char*>(std::malloc(1 << 20));
  REQUIRE(block != nullptr);
  std::memset(block, 1, 1 << 20);
  const Marked m = marked_heap();
  REQUIRE(m.found);
  const auto at = reinterpret_cast<std::uintptr_t>(block);
  CHECK_MESSAGE(at + 4096 >= m.from, "the block lies below the marked range, on small pages");
  CHECK(at + (1 << 20) <= m.to);
  if (thp_fallbacks() == fallbacks) {  // the kernel had large pages to give
    CHECK(m.rss_kb > 0);
    CHECK_MESSAGE(m.huge_kb == m.rss_kb, "of the marked range's " << m.rss_kb << " kB in memory, only " << m.huge_kb
                                                                  << " kB are on large pages");
  }
  std::free(block);
}
