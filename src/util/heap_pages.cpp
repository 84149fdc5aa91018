#include "util/heap_pages.h"

#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>

namespace handout {

bool use_large_heap_pages() {
  constexpr std::uintptr_t kLargePage = 2u << 20;
  constexpr int kGrowth = 8 << 20;  // four large pages at a time
  mallopt(M_MMAP_THRESHOLD, kGrowth);
  mallopt(M_TRIM_THRESHOLD, 2 * kGrowth);  // kept, not given back and faulted in again
  mallopt(M_TOP_PAD, kGrowth);
  // Grow the heap now, by the pad, and mark the new part: later growth is small next to it.
  const auto before = reinterpret_cast<std::uintptr_t>(sbrk(0));
  void* volatile probe = std::malloc(256 << 10);  // volatile: the pair may not be optimised away
  const auto after = reinterpret_cast<std::uintptr_t>(sbrk(0));
  std::free(probe);
  if (before == static_cast<std::uintptr_t>(-1) || after <= before) return false;  // a malloc without brk
  const std::uintptr_t from = (before + kLargePage - 1) & ~(kLargePage - 1), to = after & ~(kLargePage - 1);
  return to > from && madvise(reinterpret_cast<void*>(from), to - from, MADV_HUGEPAGE) == 0;
}

}  // namespace handout
