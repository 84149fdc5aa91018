// The output folder's record of what each handout was built from: `<out>/.handout-manifest`,
// the one state a build keeps between runs. Like ninja's build log it is append-only: a block is
// appended (under a lock, in one write) as each handout is written, so a killed build loses
// only the handouts in flight, partial builds (--lang, --article, --shard) add their own
// records and keep the rest, and shards on shared storage never lose each other's. The last
// intact block of a PDF is its record; a torn or damaged block is ignored (its handout is
// built again). Like git's index it identifies a file by its stamp and, for the files a build
// reads whole, the hash of the very bytes the build used.
#pragma once
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "build/input_files.h"

namespace handout {

/// One input of a handout: a file read whole (with its hash), a file known by its stamp (fonts,
/// hyphenation patterns), or a path whose absence or folder decided where a file was found.
struct RecordedInput {
  std::string path;  ///< absolute
  InputState state;
  bool operator==(const RecordedInput&) const = default;
};

/// A font family as the run found it: the file (and face index) of each of its four styles,
/// "" for a style it lacks. Found again by the same search, it must give the same files.
struct RecordedFamily {
  std::string name;
  std::string files[4];
  bool operator==(const RecordedFamily&) const = default;
};

/// What one handout was built from and what was written.
struct ManifestEntry {
  std::string pdf;     ///< relative to the output folder ("en/a.pdf", "en/a.large-print.pdf")
  std::string layout;  ///< the layout's name
  int pages = 0;
  std::uint64_t program = 0;  ///< program_fingerprint() of the binary that built it
  std::string settings;       ///< what else changes the bytes (version, SOURCE_DATE_EPOCH)
  InputState output;          ///< the PDF as written (hash of its bytes)
  std::vector<RecordedInput> inputs;
  std::vector<RecordedFamily> families;
};

/// The records of an output folder, as read at the start of a run.
class Manifest {
 public:
  /// Reads `<out_dir>/.handout-manifest`: only a regular file (never through a link, never a
  /// FIFO or device), at most kMaxManifestBytes. A missing or unreadable one is an empty record.
  void load(const std::string& out_dir);
  /// Reads the text of a manifest (load's step; fuzzed).
  void parse(const std::string& text);
  /// The record of `pdf`, or null.
  const ManifestEntry* find(const std::string& pdf) const;
  const std::map<std::string, ManifestEntry>& entries() const { return entries_; }
  /// How many intact blocks the file held (more than the entries when PDFs were rebuilt).
  std::size_t blocks() const { return blocks_; }

 private:
  std::map<std::string, ManifestEntry> entries_;
  std::size_t blocks_ = 0;
};

/// A manifest block for `entry`: its lines and the checksum line that ends it.
std::string manifest_block(const ManifestEntry& entry);

/// Appends records to an output folder's manifest as handouts are written. Thread-safe. The
/// file is created by the first append: a run that writes nothing leaves no state.
class ManifestWriter {
 public:
  explicit ManifestWriter(std::string out_dir) : out_dir_(std::move(out_dir)) {}
  ~ManifestWriter();
  ManifestWriter(const ManifestWriter&) = delete;
  ManifestWriter& operator=(const ManifestWriter&) = delete;
  /// Appends `entry`'s block; false with `error` when the manifest cannot be written (a link,
  /// a FIFO, no space): the handout is then simply built again next time.
  bool append(const ManifestEntry& entry, std::string& error);
  /// Rewrites the manifest with the last block of each PDF still there, when it holds more than
  /// twice as many blocks (and a few more). Under the lock, so a shard's appends are never lost.
  void compact_if_grown(std::size_t blocks_before);
  std::size_t appended() const { return appended_; }
  /// Why the first append that failed did ("" when none did).
  std::string failure() const {
    std::lock_guard lock(mutex_);
    return failure_;
  }

 private:
  bool open_locked(std::string& error);  // opens (or reopens after a compaction) and locks
  std::string out_dir_;
  mutable std::mutex mutex_;
  int fd_ = -1;
  std::string failure_;
  std::size_t appended_ = 0;
};

/// The manifest's file name in the output folder.
inline constexpr const char* kManifestName = ".handout-manifest";
/// The largest manifest read (1,600 handouts take about 3 MB).
inline constexpr long long kMaxManifestBytes = 256LL << 20;

}  // namespace handout
