#include "util/mapped_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <utility>

namespace handout {

MappedFile::~MappedFile() {
  if (data_) ::munmap(data_, size_);
}

bool MappedFile::open(const std::string& path, std::size_t populate_up_to) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat st {};
  bool ok = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
  if (ok && st.st_size > 0) {
    const auto size = static_cast<std::size_t>(st.st_size);
    void* p = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | (size <= populate_up_to ? MAP_POPULATE : 0), fd, 0);
    if (p == MAP_FAILED) ok = false;
    else data_ = p, size_ = size;
  }
  ::close(fd);
  return ok;
}

void MappedFile::swap(MappedFile& other) {
  std::swap(data_, other.data_);
  std::swap(size_, other.size_);
}

}  // namespace handout
