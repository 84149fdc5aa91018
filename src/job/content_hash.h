// Content fingerprints for incremental builds: the one owner of libxxhash (XXH3, 64 bits).
// A run of a clinic's catalogue reads tens of megabytes of fonts the first time; XXH3 hashes
// them at memory speed (FNV-1a, before, took 38 ms of a one-handout build). A fingerprint,
// not a defence against forgery.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace handout {

/// The hash of `bytes`.
std::uint64_t content_hash(std::string_view bytes);

/// The hash of the file at `path`, read to its end (the same as content_hash of its bytes);
/// false when it cannot be read.
bool file_content_hash(const std::string& path, std::uint64_t& hash);

}  // namespace handout
