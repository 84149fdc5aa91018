// What identifies the program that builds a handout: the build ids of the binary and of every
// shared library it loaded at start (HarfBuzz, ICU, libharu, ...). A rebuilt binary or an
// upgraded library can draw the same text differently, so either makes every handout out of date.
#pragma once
#include <cstdint>

namespace handout {

/// A hash of the GNU build ids (NT_GNU_BUILD_ID) of the objects loaded at start, read from the
/// program headers in memory (no file is read); an object without one counts by its file's
/// stamp. Taken once per process, before any module is loaded for one command.
std::uint64_t program_fingerprint();

}  // namespace handout
