#include "build/manifest.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <charconv>
#include <string_view>

#include "config/config.h"
#include "hash/content_hash.h"
#include "build/file_output.h"
#include "util/text.h"

namespace handout {
namespace {

// Format 3, one block per handout written, the last intact block of a PDF wins:
//   handout-manifest 3
//   pdf <relative path>
//   layout <name> / pages <n> / program <hex> / settings <text>
//   output <state>                 the PDF as written
//   in <state> <path>              each input
//   family <name>\t<file>\t<file>\t<file>\t<file>
//   end <hex>                      the hash of the block's lines above
// where <state> is "<kind> <dev> <ino> <size> <mtime_ns> <ctime_ns> <hash> <racy>". Text is
// escaped (\\, \n, \t) so a path never breaks a line.
constexpr const char* kHeader = "handout-manifest 3\n";

std::string escaped(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\\') out += "\\\\";
    else if (c == '\n') out += "\\n";
    else if (c == '\t') out += "\\t";
    else out += c;
  }
  return out;
}

bool unescaped(const std::string& s, std::string& out) {
  out.clear();
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\') {
      out += s[i];
      continue;
    }
    if (++i == s.size()) return false;
    if (s[i] == '\\') out += '\\';
    else if (s[i] == 'n') out += '\n';
    else if (s[i] == 't') out += '\t';
    else return false;
  }
  return true;
}

std::string state_text(const InputState& s) {
  const FileStamp& t = s.stamp;
  return std::string(1, static_cast<char>(s.kind)) + " " + std::to_string(t.dev) + " " + std::to_string(t.ino) + " " +
         std::to_string(t.size) + " " + std::to_string(t.mtime_ns) + " " + std::to_string(t.ctime_ns) + " " +
         hash_hex(s.hash) + " " + (s.racy ? "1" : "0");
}

bool parse_hex(std::string_view text, std::uint64_t& out) {
  if (text.size() != 16 || text.find_first_not_of("0123456789abcdef") != std::string_view::npos) return false;
  return std::from_chars(text.data(), text.data() + text.size(), out, 16).ec == std::errc();
}

// The next space-separated word of `rest` (which moves past it and the space).
std::string_view word(std::string_view& rest) {
  const auto space = rest.find(' ');
  const std::string_view w = rest.substr(0, space);
  rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
  return w;
}

template <typename T>
bool number(std::string_view text, T& out) {
  return !text.empty() && std::from_chars(text.data(), text.data() + text.size(), out).ec == std::errc();
}

// Reads "<state>" from the start of `rest` (which moves past it); false on anything malformed.
bool parse_state(std::string_view& rest, InputState& s) {
  const std::string_view kind = word(rest);
  if (kind.size() != 1 || std::string_view("adfo").find(kind[0]) == std::string_view::npos) return false;
  s.kind = static_cast<InputState::Kind>(kind[0]);
  const std::string_view racy = (number(word(rest), s.stamp.dev) && number(word(rest), s.stamp.ino) &&
                                 number(word(rest), s.stamp.size) && number(word(rest), s.stamp.mtime_ns) &&
                                 number(word(rest), s.stamp.ctime_ns) && parse_hex(word(rest), s.hash))
                                    ? word(rest)
                                    : std::string_view("x");
  s.racy = racy == "1";
  return racy == "0" || racy == "1";
}

// "<lang>/<article>[.<layout>].pdf", as the build names its PDFs: anything else in a manifest
// (a path leaving the output folder, say) is not ours, and is neither trusted nor pruned.
bool handout_pdf(const std::string& pdf) {
  const auto slash = pdf.find('/');
  return slash != std::string::npos && pdf.size() > slash + 5 && pdf.ends_with(".pdf") &&
         valid_language_code(pdf.substr(0, slash)) && valid_article_name(pdf.substr(slash + 1, pdf.size() - slash - 5));
}

// One block's lines (without "end") into `e`; false when any line is malformed.
bool parse_block(const std::vector<std::string_view>& lines, ManifestEntry& e) {
  for (const std::string_view line : lines) {
    const auto space = line.find(' ');
    const std::string_view key = line.substr(0, space);
    std::string_view rest = space == std::string_view::npos ? std::string_view() : line.substr(space + 1);
    if (key == "pdf") {
      if (!unescaped(std::string(rest), e.pdf) || !handout_pdf(e.pdf)) return false;
    } else if (key == "layout") {
      if (!unescaped(std::string(rest), e.layout)) return false;
    } else if (key == "pages") {
      if (!number(rest, e.pages)) return false;
    } else if (key == "program") {
      if (!parse_hex(rest, e.program)) return false;
    } else if (key == "settings") {
      if (!unescaped(std::string(rest), e.settings)) return false;
    } else if (key == "output") {
      if (!parse_state(rest, e.output) || !rest.empty()) return false;
    } else if (key == "in") {
      RecordedInput input;
      if (!parse_state(rest, input.state) || !unescaped(std::string(rest), input.path) || input.path.empty()) return false;
      e.inputs.push_back(std::move(input));
    } else if (key == "family") {
      RecordedFamily f;
      std::vector<std::string_view> parts;
      for (std::size_t start = 0;;) {
        const auto tab = rest.find('\t', start);
        parts.push_back(rest.substr(start, tab - start));
        if (tab == std::string_view::npos) break;
        start = tab + 1;
      }
      if (parts.size() != 5 || !unescaped(std::string(parts[0]), f.name)) return false;
      for (int s = 0; s < 4; ++s)
        if (!unescaped(std::string(parts[s + 1]), f.files[s])) return false;
      e.families.push_back(std::move(f));
    } else {
      return false;
    }
  }
  return !e.pdf.empty() && !e.layout.empty();
}

}  // namespace

std::string manifest_block(const ManifestEntry& e) {
  std::string text = "pdf " + escaped(e.pdf) + "\nlayout " + escaped(e.layout) + "\npages " + std::to_string(e.pages) +
                     "\nprogram " + hash_hex(e.program) + "\nsettings " + escaped(e.settings) + "\noutput " +
                     state_text(e.output) + "\n";
  for (const auto& input : e.inputs) text += "in " + state_text(input.state) + " " + escaped(input.path) + "\n";
  for (const auto& f : e.families) {
    text += "family " + escaped(f.name);
    for (const auto& file : f.files) text += "\t" + escaped(file);
    text += "\n";
  }
  return text + "end " + hash_hex(content_hash(text)) + "\n";
}

void Manifest::load(const std::string& out_dir) {
  std::string text;
  if (read_own_file(join_path(out_dir, kManifestName), kMaxManifestBytes, text)) parse(text);
}

void Manifest::parse(const std::string& text) {
  if (text.compare(0, std::strlen(kHeader), kHeader) != 0) return;  // another format: all is built again
  std::size_t block_start = std::strlen(kHeader), pos = block_start;
  std::vector<std::string_view> lines;
  const std::string_view all(text);
  while (pos < all.size()) {
    const auto newline = all.find('\n', pos);
    if (newline == std::string_view::npos) break;  // a torn last line
    const std::string_view line = all.substr(pos, newline - pos);
    if (line.starts_with("pdf ")) block_start = pos, lines.clear();  // a block torn by a crash ends here
    pos = newline + 1;
    if (!line.starts_with("end ")) {
      lines.push_back(line);
      continue;
    }
    std::uint64_t sum = 0;
    ManifestEntry e;
    const std::string_view block = all.substr(block_start, pos - block_start - line.size() - 1);
    if (parse_hex(line.substr(4), sum) && sum == content_hash(block) && parse_block(lines, e)) {
      ++blocks_;
      const std::string pdf = e.pdf;
      entries_[pdf] = std::move(e);
    }
    lines.clear();
    block_start = pos;
  }
}

const ManifestEntry* Manifest::find(const std::string& pdf) const {
  auto it = entries_.find(pdf);
  return it == entries_.end() ? nullptr : &it->second;
}

ManifestWriter::~ManifestWriter() {
  if (fd_ >= 0) ::close(fd_);
}

bool ManifestWriter::open_locked(std::string& error) {
  const std::string path = join_path(out_dir_, kManifestName);
  for (int attempt = 0; attempt < 10; ++attempt) {
    if (fd_ < 0) {
      // Never through a link, never blocking on a FIFO (which then fails to open for writing).
      fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_APPEND | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0644);
      struct stat st {};
      if (fd_ >= 0 && (::fstat(fd_, &st) != 0 || !S_ISREG(st.st_mode))) ::close(fd_), fd_ = -1, errno = EINVAL;
      if (fd_ < 0) {
        error = errno == ELOOP ? "it is a symbolic link" : errno == EINVAL ? "it is not a regular file" : std::strerror(errno);
        return false;
      }
    }
    if (::flock(fd_, LOCK_EX) != 0) {
      error = std::strerror(errno);
      return false;
    }
    // Compacted by another run since it was opened: append to the file now at the path.
    struct stat held {}, now {};
    if (::fstat(fd_, &held) == 0 && ::lstat(path.c_str(), &now) == 0 && held.st_ino == now.st_ino &&
        held.st_dev == now.st_dev)
      return true;
    ::close(fd_), fd_ = -1;
  }
  error = "it keeps being replaced";
  return false;
}

bool ManifestWriter::append(const ManifestEntry& entry, std::string& error) {
  const std::string block = manifest_block(entry);
  std::lock_guard lock(mutex_);
  if (!open_locked(error)) {
    if (failure_.empty()) failure_ = error;
    return false;
  }
  struct stat st {};
  std::string bytes = block;
  char last = '\n';
  const std::size_t header = std::strlen(kHeader);
  std::string head(header, '\0');
  if (::fstat(fd_, &st) == 0 && st.st_size > 0 &&
      (::pread(fd_, head.data(), header, 0) != static_cast<ssize_t>(header) || head != kHeader) &&
      ::ftruncate(fd_, 0) == 0)
    st.st_size = 0;  // another format (an older handout's): its records are of no use, start anew
  if (st.st_size == 0)
    bytes = kHeader + block;
  else if (::pread(fd_, &last, 1, st.st_size - 1) == 1 && last != '\n')
    bytes = "\n" + block;  // a block torn by a crash: this one starts on a line of its own
  // One write: a reader (another shard) sees the block whole or, torn by a crash, not at all.
  bool ok = true;
  for (std::size_t done = 0; ok && done < bytes.size();) {
    const ssize_t n = ::write(fd_, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    ok = n > 0;
    if (ok) done += static_cast<std::size_t>(n);
  }
  if (!ok) error = std::strerror(errno ? errno : ENOSPC);
  if (!ok && failure_.empty()) failure_ = error;
  ::flock(fd_, LOCK_UN);
  appended_ += ok;
  return ok;
}

void ManifestWriter::compact_if_grown(std::size_t blocks_before) {
  std::lock_guard lock(mutex_);
  if (blocks_before + appended_ < 64) return;
  std::string error;
  if (fd_ < 0 && !is_file(join_path(out_dir_, kManifestName))) return;
  if (!open_locked(error)) return;
  std::string text;
  Manifest all;
  if (read_own_file(join_path(out_dir_, kManifestName), kMaxManifestBytes, text)) all.parse(text);
  std::string kept = kHeader;
  std::size_t live = 0;
  for (const auto& [pdf, e] : all.entries()) {
    struct stat st {};
    if (::lstat(join_path(out_dir_, pdf).c_str(), &st) == 0 && S_ISREG(st.st_mode)) kept += manifest_block(e), ++live;
  }
  if (all.blocks() <= 2 * live + 32) return (void)::flock(fd_, LOCK_UN);
  // Renamed over the file while this run holds the old one's lock: a run waiting for that lock
  // finds the file replaced and reopens it (open_locked).
  write_output_file(out_dir_, kManifestName, kept, error, OutputModes{0644, 0777, false});
  ::flock(fd_, LOCK_UN);
  ::close(fd_), fd_ = -1;
}

}  // namespace handout
