#include "cli/delivery_journal.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <vector>

#include "build/file_output.h"
#include "util/text.h"

namespace handout {
namespace {

constexpr const char* kHeader =
    "# handout delivery journal 1\n"
    "# time (UTC)\tvisit id\tevent\thash of bodies and attachments\tMessage-ID\tchannel\tserver reply codes\n";

std::string utc_now() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  ::gmtime_r(&now, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return text;
}

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (;;) {
    const auto tab = line.find('\t', start);
    out.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
    if (tab == std::string::npos) return out;
    start = tab + 1;
  }
}

}  // namespace

std::map<std::string, JournalState> parse_journal(const std::string& text) {
  std::map<std::string, JournalState> out;
  std::size_t start = 0;
  while (start < text.size()) {
    const auto end = text.find('\n', start);
    if (end == std::string::npos) break;  // a line cut short: never acted on
    const std::string line = text.substr(start, end - start);
    start = end + 1;
    if (line.empty() || line[0] == '#') continue;
    const auto f = split_tabs(line);
    if (f.size() != 7 || f[1].empty()) continue;
    JournalState& s = out[f[1]];
    s.time = f[0], s.event = f[2], s.hash = f[3], s.message_id = f[4], s.channel = f[5];
  }
  return out;
}

DeliveryJournal::~DeliveryJournal() {
  if (fd_ >= 0) ::close(fd_);  // and the lock with it
}

bool DeliveryJournal::read_only(const std::string& dir) {
  path_ = join_path(dir, kJournalName);
  std::string text;
  if (!read_own_file(path_, 1LL << 30, text)) return false;
  states_ = parse_journal(text);
  return true;
}

bool DeliveryJournal::open(const std::string& dir, std::string& error) {
  path_ = join_path(dir, kJournalName);
  if (!make_dirs(dir, kPrivateModes.folder, error)) return false;
  fd_ = ::open(path_.c_str(), O_RDWR | O_CREAT | O_APPEND | O_NOFOLLOW | O_CLOEXEC, kPrivateModes.file);
  struct stat st {};
  if (fd_ < 0 || ::fstat(fd_, &st) != 0 || !S_ISREG(st.st_mode))
    return error = "cannot open " + path_ + ": " + std::strerror(errno), false;
  if (::flock(fd_, LOCK_EX | LOCK_NB) != 0)
    return error = path_ + " is locked: another handout run is delivering these visits' messages", false;
  std::string text(static_cast<std::size_t>(st.st_size), '\0');
  std::size_t got = 0;
  while (got < text.size()) {
    const ssize_t n = ::pread(fd_, text.data() + got, text.size() - got, static_cast<off_t>(got));
    if (n <= 0) break;
    got += static_cast<std::size_t>(n);
  }
  text.resize(got);
  states_ = parse_journal(text);
  std::string start;
  if (text.empty())
    start = kHeader;
  else if (text.back() != '\n')
    start = "\n";  // end the line a crash cut short: it is skipped
  if (!start.empty() && (!write_all(fd_, start) || ::fdatasync(fd_) != 0))
    return error = "cannot write " + path_ + ": " + std::strerror(errno), false;
  return true;
}

const JournalState* DeliveryJournal::find(const std::string& visit_id) const {
  const auto it = states_.find(visit_id);
  return it == states_.end() ? nullptr : &it->second;
}

bool DeliveryJournal::record(const std::string& visit_id, const std::string& event, const std::string& hash,
                             const std::string& message_id, const std::string& channel, const std::string& reply,
                             std::string& error) {
  JournalState s{event, hash, message_id, channel, utc_now()};
  const std::string line =
      s.time + "\t" + visit_id + "\t" + event + "\t" + hash + "\t" + message_id + "\t" + channel + "\t" + reply + "\n";
  if (fd_ < 0 || !write_all(fd_, line) || ::fdatasync(fd_) != 0)
    return error = "cannot write " + path_ + ": " + std::strerror(errno), false;
  states_[visit_id] = std::move(s);
  return true;
}

}  // namespace handout
