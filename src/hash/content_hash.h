// Content fingerprints: the one owner of libxxhash (XXH3). Incremental builds key their
// manifest on them; a PDF's /ID is one (the same bytes give the same ID).
// A run of a clinic's catalogue reads tens of megabytes of fonts the first time; XXH3 hashes
// them at memory speed (FNV-1a, before, took 38 ms of a one-handout build). A fingerprint,
// not a defence against forgery.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace handout {

/// The hash of `bytes`.
std::uint64_t content_hash(std::string_view bytes);

/// A hash as 16 lowercase hex digits (file names, manifests, cache checksums).
std::string hash_hex(std::uint64_t hash);

/// A 128-bit hash of `bytes`, as 16 bytes (big-endian halves).
std::array<unsigned char, 16> content_hash_128(std::string_view bytes);

/// The hash of the file at `path`, read to its end (the same as content_hash of its bytes);
/// false when it cannot be read.
bool file_content_hash(const std::string& path, std::uint64_t& hash);

}  // namespace handout
