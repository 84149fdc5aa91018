#include "build/build_report.h"

#include <chrono>
#include <cstdio>
#include <ostream>

namespace handout {
namespace {

double now_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// A JSON string literal: quotes, backslashes and control characters escaped (UTF-8 passes).
std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (unsigned char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\', out += static_cast<char>(c);
    } else if (c < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

std::string number(double v, int decimals) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

std::string record_json(const HandoutRecord& r) {
  std::string warnings;
  for (const auto& w : r.warnings) warnings += (warnings.empty() ? "" : ", ") + quoted(w);
  return "{\"language\": " + quoted(r.language) + ", \"article\": " + quoted(r.article) +
         ", \"layout\": " + quoted(r.layout) + ", \"path\": " + quoted(r.path) +
         ", \"pages\": " + std::to_string(r.pages) + ", \"bytes\": " + std::to_string(r.bytes) +
         ", \"milliseconds\": " + number(r.milliseconds, 1) + ", \"status\": " + quoted(to_string(r.status)) +
         ", \"warnings\": [" + warnings + "]}";
}

}  // namespace

const char* to_string(HandoutStatus status) {
  switch (status) {
    case HandoutStatus::Failed: return "failed";
    case HandoutStatus::Written: return "written";
    case HandoutStatus::UpToDate: return "up to date";
  }
  return "failed";
}

std::string wrote_line(const HandoutRecord& r) {
  return "wrote " + r.path + " (" + std::to_string(r.pages) + (r.pages == 1 ? " page, " : " pages, ") +
         std::to_string((r.bytes + 512) / 1024) + " KB, " + number(r.milliseconds, 0) + " ms)";
}

ProgressReport::ProgressReport(std::ostream& out, ReportStyle style, std::size_t total)
    : out_(out), style_(style), total_(total), started_(now_seconds()) {}

void ProgressReport::handout(const HandoutRecord& r) {
  ++done_;
  if ((style_ == ReportStyle::Lines || style_ == ReportStyle::Changes) && r.status == HandoutStatus::Written) {
    out_ << wrote_line(r) << "\n";
    if (!r.stats.empty()) out_ << r.stats << "\n";
  }
  if (style_ == ReportStyle::Lines && r.status == HandoutStatus::UpToDate) out_ << "up to date " << r.path << "\n";
  if (style_ == ReportStyle::StatusLine) status();
}

void ProgressReport::status() {
  const double elapsed = now_seconds() - started_;
  const double rate = elapsed > 0 ? done_ / elapsed : 0;
  const double left = rate > 0 ? (total_ - done_) / rate : 0;
  char line[160];
  std::snprintf(line, sizeof line, "\r\033[K%zu/%zu handouts, %.1f per second, %.0f s left", done_, total_, rate, left);
  out_ << line << std::flush;
  line_shown_ = true;
}

void ProgressReport::before_diagnostics() {
  if (line_shown_) out_ << "\r\033[K" << std::flush;
  line_shown_ = false;
}

void ProgressReport::finish(int written, int up_to_date, int failed) {
  before_diagnostics();
  if (style_ == ReportStyle::Quiet && failed == 0) return;
  out_ << written << (written == 1 ? " handout" : " handouts") << " written, ";
  if (up_to_date > 0) out_ << up_to_date << " up to date, ";
  out_ << failed << " failed\n";
}

std::string json_string(const std::string& text) { return quoted(text); }

std::string report_json(const std::vector<HandoutRecord>& records, double seconds, const std::string& extra) {
  std::string out = "{\n  \"handouts\": [\n";
  int written = 0, current = 0, failed = 0, pages = 0;
  std::size_t bytes = 0;
  for (std::size_t i = 0; i < records.size(); ++i) {
    const auto& r = records[i];
    out += "    " + record_json(r) + (i + 1 < records.size() ? ",\n" : "\n");
    (r.status == HandoutStatus::Written ? written : r.status == HandoutStatus::UpToDate ? current : failed) += 1;
    pages += r.pages, bytes += r.bytes;
  }
  out += "  ],\n  \"totals\": {\"handouts\": " + std::to_string(records.size()) +
         ", \"written\": " + std::to_string(written) + ", \"up_to_date\": " + std::to_string(current) +
         ", \"failed\": " + std::to_string(failed) +
         ", \"pages\": " + std::to_string(pages) + ", \"bytes\": " + std::to_string(bytes) +
         ", \"seconds\": " + number(seconds, 3) +
         ", \"handouts_per_second\": " + number(seconds > 0 ? records.size() / seconds : 0, 1) + "}" + extra + "\n}\n";
  return out;
}

}  // namespace handout
