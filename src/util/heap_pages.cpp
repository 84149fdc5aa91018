#include "util/heap_pages.h"

#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>

namespace handout {

bool use_large_heap_pages() {
  constexpr std::uintptr_t kLargePage = 2u << 20;
  constexpr std::uintptr_t kPage = 4096;
  constexpr int kMarked = 8 << 20;  // four large pages
  mallopt(M_TOP_PAD, kMarked);
  mallopt(M_TRIM_THRESHOLD, 4 * kMarked);  // kept, not given back and faulted in again
  mallopt(M_MMAP_THRESHOLD, 2 * kMarked);  // for the probe below; kMarked after it
  // The kernel places the heap at any page, and a page fault gives a large page only where
  // nothing of its 2 MiB has been touched yet. So: move the break to one page below a large
  // page's start (malloc takes the skipped range, never touched and so costing no memory, as
  // another's: a "foreign sbrk", which glibc's malloc allows); then let malloc grow the heap
  // with a probe just over the marked size, so that the only words it writes (the headers of
  // its first chunk and of the rest) fall in the page below the range and just past it; then
  // mark the range. The build's blocks start in that page and go on into the large pages.
  const auto start = reinterpret_cast<std::uintptr_t>(sbrk(0));
  if (start == static_cast<std::uintptr_t>(-1)) return false;
  const std::uintptr_t from = (start + kPage + kLargePage - 1) & ~(kLargePage - 1), to = from + kMarked;
  if (sbrk(static_cast<intptr_t>(from - kPage - start)) == reinterpret_cast<void*>(-1)) return false;
  void* volatile probe = std::malloc(kMarked + kPage);  // volatile: the pair may not be optimised away
  const auto after = reinterpret_cast<std::uintptr_t>(sbrk(0));
  std::free(probe);
  mallopt(M_MMAP_THRESHOLD, kMarked);  // larger blocks (a big image's pixels) are mapped apart
  if (after < to) return false;  // a malloc that does not grow the heap with brk (a sanitizer's)
  return madvise(reinterpret_cast<void*>(from), kMarked, MADV_HUGEPAGE) == 0;
}

}  // namespace handout
