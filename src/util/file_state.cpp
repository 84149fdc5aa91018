#include "util/file_state.h"

#include <sys/stat.h>

#include <algorithm>
#include <ctime>
#include <filesystem>

namespace handout {
namespace {

std::int64_t ns(const struct timespec& t) { return static_cast<std::int64_t>(t.tv_sec) * 1'000'000'000 + t.tv_nsec; }

std::int64_t now_ns() {
  struct timespec t {};
  ::clock_gettime(CLOCK_REALTIME, &t);
  return ns(t);
}

InputState state_of(const struct stat& st) {
  InputState s;
  if (S_ISDIR(st.st_mode)) return s.kind = InputState::Kind::Folder, s;
  if (!S_ISREG(st.st_mode)) return s.kind = InputState::Kind::Other, s;
  s.kind = InputState::Kind::File;
  s.stamp = {static_cast<std::uint64_t>(st.st_dev), static_cast<std::uint64_t>(st.st_ino),
             static_cast<std::int64_t>(st.st_size), ns(st.st_mtim), ns(st.st_ctim)};
  s.racy = now_ns() - std::max(s.stamp.mtime_ns, s.stamp.ctime_ns) < kRacyWindowNs;
  return s;
}

}  // namespace

InputState state_of_open_file(int fd) {
  struct stat st {};
  if (::fstat(fd, &st) == 0) return state_of(st);
  InputState unknown;
  unknown.kind = InputState::Kind::Other;
  return unknown;
}

std::string absolute_path(const std::string& path) {
  std::error_code ec;
  const auto abs = std::filesystem::absolute(path.empty() ? "." : path, ec);
  std::string out = (ec ? std::filesystem::path(path) : abs).lexically_normal().string();
  if (out.size() > 1 && out.back() == '/') out.pop_back();
  return out;
}

InputState look_at(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return InputState{};
  return state_of(st);
}

}  // namespace handout
