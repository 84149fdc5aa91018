// The process heap on large pages, where the kernel offers them.
#pragma once

namespace handout {

/// Called first thing in main. A build touches a few megabytes of fresh heap, and each 4 KiB
/// page costs a page fault on first touch, which on virtual machines (where clinics' builds
/// and CI run) is a large share of a whole build's time. So: malloc's blocks start one page
/// below a 2 MiB boundary, and the 8 MiB above it are marked for transparent huge pages
/// before anything is written there (honoured in Debian's default "madvise" mode, ignored when huge pages are
/// off), and blocks up to 8 MiB (compressor tables, font buffers) come from the heap, reused
/// rather than mapped and faulted in afresh each time. Keeps nothing; changes no output.
/// Returns whether a range was marked (not under a sanitizer, whose allocator does not use
/// the heap).
bool use_large_heap_pages();

}  // namespace handout
