// Content fingerprints: the one owner of libxxhash (XXH3). The incremental build's manifest
// records them for the files a build reads whole; a PDF's /ID is one (the same bytes give the
// same ID). A fingerprint, not a defence against forgery.
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

}  // namespace handout
