#include "diag/diagnostic.h"

namespace handout {

std::string format_diagnostic(const Diagnostic& d) {
  std::string out;
  if (!d.file.empty()) {
    out += d.file;
    if (d.line > 0) {
      out += ':' + std::to_string(d.line);
      if (d.col > 0) out += ':' + std::to_string(d.col);
    }
    out += ": ";
  }
  out += d.severity == Severity::Error ? "error: " : d.severity == Severity::Warning ? "warning: " : "note: ";
  out += d.message;
  return out;
}

void Diagnostics::error(std::string file, int line, int col, std::string message) {
  items_.push_back({std::move(file), line, col, Severity::Error, std::move(message)});
}

void Diagnostics::warning(std::string file, int line, int col, std::string message) {
  items_.push_back({std::move(file), line, col, Severity::Warning, std::move(message)});
}

void Diagnostics::note(std::string file, int line, int col, std::string message) {
  items_.push_back({std::move(file), line, col, Severity::Note, std::move(message)});
}

void Diagnostics::append(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

bool Diagnostics::has_errors() const { return error_count() > 0; }

std::size_t Diagnostics::error_count() const {
  std::size_t n = 0;
  for (const auto& d : items_) n += d.severity == Severity::Error;
  return n;
}

std::string Diagnostics::to_string() const {
  std::string out;
  for (const auto& d : items_) out += format_diagnostic(d) + '\n';
  return out;
}

}  // namespace handout
