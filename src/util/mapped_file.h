// A file mapped read-only into memory.
#pragma once
#include <cstddef>
#include <limits>
#include <string>
#include <string_view>

namespace handout {

/// A regular file mapped read-only for as long as the object lives. A file read nearly whole
/// (compiled hyphenation patterns, a font's tables and glyphs) is mapped with MAP_POPULATE:
/// its pages in one call, not a page fault each; a larger one than `populate_up_to` (a CJK font
/// collection of which little is read) page by page, as it is read.
class MappedFile {
 public:
  MappedFile() = default;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile();
  /// False when `path` is not a regular file that can be read. An empty file opens, empty.
  bool open(const std::string& path, std::size_t populate_up_to = std::numeric_limits<std::size_t>::max());
  std::string_view bytes() const { return {static_cast<const char*>(data_), size_}; }
  void swap(MappedFile& other);

 private:
  void* data_ = nullptr;
  std::size_t size_ = 0;
};

}  // namespace handout
