// Content hashes of a build's inputs (the incremental build's manifest).
#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>
#include <string>

#include "hash/content_hash.h"
#include "job/manifest.h"

namespace handout {
namespace {

TEST_CASE("a file's content hash is the hash of its bytes, across read buffers; a change changes it") {
  std::string bytes;
  for (int i = 0; i < 300000; ++i) bytes += static_cast<char>(i * 131 % 251);
  for (int i = 0; i < 4; ++i) bytes += bytes;  // 4.8 MB: several 1 MB reads
  const std::string path = "/tmp/handout-content-hash-test.bin";
  std::ofstream(path, std::ios::binary) << bytes;
  std::uint64_t h = 0;
  REQUIRE(file_content_hash(path, h));
  CHECK(h == content_hash(bytes));
  bytes[bytes.size() - 1] ^= 1;
  CHECK(content_hash(bytes) != h);
  CHECK_FALSE(file_content_hash("/nonexistent/file", h));
  FileHashes hashes;
  CHECK(hashes.of(path) == h);
  CHECK(hashes.of("/nonexistent/file") == 0);
  std::remove(path.c_str());
}

}  // namespace
}  // namespace handout
