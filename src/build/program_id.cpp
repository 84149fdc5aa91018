#include "build/program_id.h"

#include <elf.h>
#include <link.h>

#include <cstring>
#include <string>

#include "hash/content_hash.h"
#include "build/input_files.h"

namespace handout {
namespace {

// The build id in an object's PT_NOTE segments, as bytes; empty when it has none.
std::string build_id(const struct dl_phdr_info& info) {
  for (int i = 0; i < info.dlpi_phnum; ++i) {
    const ElfW(Phdr)& ph = info.dlpi_phdr[i];
    if (ph.p_type != PT_NOTE) continue;
    const char* p = reinterpret_cast<const char*>(info.dlpi_addr + ph.p_vaddr);
    const char* const end = p + ph.p_memsz;
    while (p + sizeof(ElfW(Nhdr)) <= end) {
      const auto* note = reinterpret_cast<const ElfW(Nhdr)*>(p);
      const char* name = p + sizeof(ElfW(Nhdr));
      const char* desc = name + ((note->n_namesz + 3) & ~3U);
      if (desc + note->n_descsz > end) break;
      if (note->n_type == NT_GNU_BUILD_ID && note->n_namesz == 4 && std::memcmp(name, "GNU", 4) == 0)
        return std::string(desc, note->n_descsz);
      p = desc + ((note->n_descsz + 3) & ~3U);
    }
  }
  return "";
}

int add_object(struct dl_phdr_info* info, std::size_t, void* data) {
  auto& all = *static_cast<std::string*>(data);
  const std::string name = info->dlpi_name ? info->dlpi_name : "";
  if (name.find("linux-vdso") != std::string::npos || name.find("linux-gate") != std::string::npos)
    return 0;  // the kernel's: it draws nothing
  std::string id = build_id(*info);
  if (id.empty()) {  // no build id: the file as it is on disk (the first object is the binary)
    const FileStamp s = look_at(name.empty() ? "/proc/self/exe" : name).stamp;
    id = std::to_string(s.dev) + ":" + std::to_string(s.ino) + ":" + std::to_string(s.size) + ":" +
         std::to_string(s.mtime_ns) + ":" + std::to_string(s.ctime_ns);
  }
  all.append(name).append(1, '\0').append(id).append(1, '\n');
  return 0;
}

std::uint64_t fingerprint_now() {
  std::string all;
  ::dl_iterate_phdr(add_object, &all);
  return content_hash(all);
}

// Taken as the program starts, before a run loads anything on demand (iconv's converters for a
// language's hyphenation patterns, the encryption module): every run of a binary agrees.
const std::uint64_t kAtStart = fingerprint_now();

}  // namespace

std::uint64_t program_fingerprint() { return kAtStart; }

}  // namespace handout
