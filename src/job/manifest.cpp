#include "job/manifest.h"

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <fstream>
#include <cstring>
#include <sstream>

#include "config/config.h"
#include "hash/content_hash.h"
#include "job/file_output.h"
#include "util/text.h"

namespace handout {
namespace {

constexpr const char* kHeader = "handout-manifest 2";  // 2: XXH3 hashes (1: FNV-1a)
constexpr const char* kPrefix = ".handout-manifest";
constexpr long long kMaxManifestBytes = 256LL << 20;  // 1,600 handouts take ~2 MB

// The names in a folder, sorted, as one hash (1 for a missing folder): what files are there.
std::uint64_t folder_hash(const std::string& dir) {
  DIR* d = ::opendir(dir.c_str());
  if (!d) return 1;
  std::vector<std::string> names;
  while (const dirent* e = ::readdir(d)) names.push_back(e->d_name);
  ::closedir(d);
  std::sort(names.begin(), names.end());
  std::string all;
  for (const auto& n : names) all += n + '\n';
  return content_hash(all);
}

// "<lang>/<article>.pdf", as the build names its PDFs: anything else in a manifest (a path
// leaving the output folder, say) is not ours, and is neither trusted nor pruned.
bool handout_pdf(const std::string& pdf) {
  const auto slash = pdf.find('/');
  return slash != std::string::npos && pdf.size() > slash + 5 && pdf.ends_with(".pdf") &&
         valid_language_code(pdf.substr(0, slash)) && valid_article_name(pdf.substr(slash + 1, pdf.size() - slash - 5));
}

// A 16-digit hex hash; false for anything else (a damaged or foreign manifest line).
bool parse_hex(const std::string& text, std::uint64_t& out) {
  if (text.size() != 16 || text.find_first_not_of("0123456789abcdef") != std::string::npos) return false;
  out = std::strtoull(text.c_str(), nullptr, 16);
  return true;
}

}  // namespace

std::uint64_t FileHashes::of(const std::string& path) {
  Known& k = known_[path];
  if (checked_[path]) return k.hash;
  checked_[path] = true;
  if (path.rfind(kFolderPrefix, 0) == 0) return k = Known{folder_hash(path.substr(std::strlen(kFolderPrefix))), 0, 0}, k.hash;
  if (path.rfind(kAbsentPrefix, 0) == 0) {  // 1 while nothing is there, 2 once something is
    struct stat st {};
    return k = Known{::lstat(path.substr(std::strlen(kAbsentPrefix)).c_str(), &st) == 0 ? 2ULL : 1ULL, 0, 0}, k.hash;
  }
  struct stat st {};
  // Only regular files, and not huge ones: a manifest is input too, and a line naming
  // /dev/zero or a FIFO must not hang the build (such an input just never matches).
  if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode) || st.st_size > (1LL << 30)) return k = Known{}, 0;
  const long long mtime = static_cast<long long>(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec;
  if (k.size == st.st_size && k.mtime_ns == mtime && k.hash != 0) return k.hash;
  std::uint64_t h = 0;
  k = Known{file_content_hash(path, h) ? h : 0, static_cast<long long>(st.st_size), mtime};
  return k.hash;
}

void FileHashes::remember(const std::string& path, std::uint64_t hash, long long size, long long mtime_ns) {
  if (!checked_[path]) known_[path] = Known{hash, size, mtime_ns};
}

std::string manifest_name(int shard_index, int shard_count) {
  return shard_count <= 1 ? kPrefix
                          : std::string(kPrefix) + ".shard-" + std::to_string(shard_index) + "-of-" +
                                std::to_string(shard_count);
}

// Format, one handout per "pdf" line and its inputs below it:
//   handout-manifest 2
//   pdf <hash> <pages> <version> <layout> <relative path>
//   in <hash> <size> <mtime_ns> <path>
void Manifest::load(const std::string& out_dir, FileHashes& hashes) {
  out_dir_ = out_dir;
  DIR* dir = ::opendir(out_dir.empty() ? "." : out_dir.c_str());
  if (!dir) return;
  std::vector<std::string> files;
  while (const dirent* e = ::readdir(dir))
    if (std::string(e->d_name).rfind(kPrefix, 0) == 0 && std::string(e->d_name).find(".handout-tmp-") == std::string::npos)
      files.push_back(e->d_name);
  ::closedir(dir);
  std::sort(files.begin(), files.end());
  for (const auto& name : files) {
    const std::string path = join_path(out_dir, name);
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0 || st.st_size > kMaxManifestBytes) continue;  // not ours to read
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    parse(text.str(), hashes);
  }
}

void Manifest::parse(const std::string& text, FileHashes& hashes) {
  std::istringstream in(text);
  std::string line;
  if (!std::getline(in, line) || line != kHeader) return;
  ManifestEntry* current = nullptr;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string kind, hash;
    std::uint64_t h = 0;
    fields >> kind >> hash;
    if (!parse_hex(hash, h)) {  // a damaged line: its handout is simply built again
      if (current) entries_.erase(current->pdf);
      current = nullptr;
    } else if (kind == "pdf") {
      ManifestEntry e;
      e.pdf_hash = h;
      fields >> e.pages >> e.version >> e.layout >> std::ws;
      std::getline(fields, e.pdf);
      current = fields.fail() || !handout_pdf(e.pdf) ? nullptr : &(entries_[e.pdf] = e);
    } else if (kind == "in" && current) {
      long long size = 0, mtime = 0;
      std::string input;
      fields >> size >> mtime >> std::ws;
      std::getline(fields, input);
      current->inputs.push_back(input);
      current->hashes.push_back(h);
      hashes.remember(input, h, size, mtime);
    }
  }
}

bool Manifest::up_to_date(const std::string& pdf, const std::string& version, const std::string& layout,
                          FileHashes& hashes) const {
  auto it = entries_.find(pdf);
  if (it == entries_.end()) return false;
  const ManifestEntry& e = it->second;
  if (e.version != version || e.layout != layout || e.inputs.empty()) return false;
  for (std::size_t i = 0; i < e.inputs.size(); ++i)
    if (hashes.of(e.inputs[i]) != e.hashes[i]) return false;
  return hashes.of(join_path(out_dir_, pdf)) == e.pdf_hash;
}

bool Manifest::save(const std::string& out_dir, const std::string& file_name, FileHashes& hashes,
                    std::string& error) const {
  std::string text = std::string(kHeader) + "\n";
  for (const auto& [pdf, e] : entries_) {
    text += "pdf " + hash_hex(e.pdf_hash) + " " + std::to_string(e.pages) + " " + e.version + " " + e.layout + " " + pdf +
            "\n";
    for (std::size_t i = 0; i < e.inputs.size(); ++i) {
      const auto& k = hashes.known(e.inputs[i]);
      text += "in " + hash_hex(e.hashes[i]) + " " + std::to_string(k.size) + " " + std::to_string(k.mtime_ns) + " " +
              e.inputs[i] + "\n";
    }
  }
  // A run that changed nothing leaves the file alone (no write, no fsync).
  const std::string path = join_path(out_dir, file_name);
  if (std::string old; read_file(path, old) && old == text) return true;
  return write_file_atomically(path, text, error);
}

}  // namespace handout
