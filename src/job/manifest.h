// Incremental builds: the output folder keeps a manifest of what each handout was built from
// (every file it read, by content hash) and what was written, so a later run skips a handout
// whose inputs and PDF are unchanged and reports PDFs that no longer belong to the build.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace handout {

/// Inputs named "folder:<path>" stand for the list of names in a folder (a font folder: a file
/// added there can change which font a family resolves to).
inline constexpr const char* kFolderPrefix = "folder:";
/// An input that is a file's absence: a clinic's own file that would shadow the one used (its
/// content/<lang>/strings.yaml over the shipped one) changes the handout when it appears.
inline constexpr const char* kAbsentPrefix = "absent:";

/// Content hashes of files, read once per run; a file whose size and modification time match
/// a hash recorded earlier is not read again (as git's index does).
class FileHashes {
 public:
  /// The content hash of `path` (0 when it cannot be read).
  std::uint64_t of(const std::string& path);
  /// A hash already known for `path` with this size and time (from a manifest).
  void remember(const std::string& path, std::uint64_t hash, long long size, long long mtime_ns);

  struct Known {
    std::uint64_t hash = 0;
    long long size = -1, mtime_ns = -1;
  };
  /// What is known of `path` after of(): hash, size and time.
  const Known& known(const std::string& path) { of(path); return known_[path]; }

 private:
  std::map<std::string, Known> known_;
  std::map<std::string, bool> checked_;  // stat'ed this run
};

/// What one handout was built from and what it wrote.
struct ManifestEntry {
  std::string pdf;                      ///< relative to the output folder ("en/a.pdf")
  std::uint64_t pdf_hash = 0;
  std::string version;                  ///< the tool's version that wrote it
  std::string layout;                   ///< the layout's name
  int pages = 0;
  std::vector<std::string> inputs;      ///< every file it read
  std::vector<std::uint64_t> hashes;    ///< their content hashes, in the same order
};

/// The manifests of an output folder: `.handout-manifest` (a whole build) and
/// `.handout-manifest.shard-K-of-N` (each shard's), read together.
class Manifest {
 public:
  /// Reads every manifest in `out_dir`; unreadable or foreign lines are ignored (the handouts
  /// they describe are then rebuilt). Recorded hashes go into `hashes`.
  void load(const std::string& out_dir, FileHashes& hashes);
  /// Reads one manifest's text (load's step per file; fuzzed as input).
  void parse(const std::string& text, FileHashes& hashes);
  /// True when `pdf` was built by this version with `layout` from inputs whose content is
  /// unchanged, and the PDF itself is unchanged.
  bool up_to_date(const std::string& pdf, const std::string& version, const std::string& layout,
                  FileHashes& hashes) const;
  /// The entry for `pdf` (which must exist).
  const ManifestEntry& entry(const std::string& pdf) const { return entries_.at(pdf); }
  /// Records a handout (replacing any earlier entry for its PDF).
  void record(ManifestEntry entry) { entries_[entry.pdf] = std::move(entry); }
  /// Forgets a PDF (a failed or pruned handout).
  void forget(const std::string& pdf) { entries_.erase(pdf); }
  /// Writes the entries to `out_dir`/`file_name` atomically; false with `error`.
  bool save(const std::string& out_dir, const std::string& file_name, FileHashes& hashes,
            std::string& error) const;
  const std::map<std::string, ManifestEntry>& entries() const { return entries_; }

 private:
  std::string out_dir_;
  std::map<std::string, ManifestEntry> entries_;
};

/// The file name of the manifest a run writes: one per shard, so shards sharing an output
/// folder never write the same file.
std::string manifest_name(int shard_index, int shard_count);

}  // namespace handout
