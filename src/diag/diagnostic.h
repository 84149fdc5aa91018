// Diagnostics are values: every stage appends to a list, main prints it.
#pragma once
#include <string>
#include <vector>

namespace handout {

/// Error: the thing fails. Warning: it is built, but something is wrong or lost. Note: it is
/// built as the clinic meant, and a word on how the input was read helps (pasted bullets).
enum class Severity { Note, Warning, Error };

/// Where something was written: file and 1-based line/column (0 when unknown).
struct SourcePos {
  std::string file;
  int line = 0;
  int col = 0;
  bool operator==(const SourcePos&) const = default;
};

/// One message about an input file, GCC style: `file:line:col: error: message`.
struct Diagnostic {
  std::string file;   ///< path as the user gave it; empty when no file applies
  int line = 0;       ///< 1-based; 0 when unknown
  int col = 0;        ///< 1-based; 0 when unknown
  Severity severity = Severity::Error;
  std::string message;
};

/// Formats one diagnostic as `file:line:col: error: message` (parts omitted when unknown).
std::string format_diagnostic(const Diagnostic& d);

/// Collects diagnostics across a run.
class Diagnostics {
 public:
  void error(std::string file, int line, int col, std::string message);
  void warning(std::string file, int line, int col, std::string message);
  void note(std::string file, int line, int col, std::string message);
  void error(const SourcePos& at, std::string message) { error(at.file, at.line, at.col, std::move(message)); }
  void warning(const SourcePos& at, std::string message) {
    warning(at.file, at.line, at.col, std::move(message));
  }
  void add(Diagnostic d) { items_.push_back(std::move(d)); }
  void append(const Diagnostics& other);

  bool has_errors() const;
  std::size_t error_count() const;
  const std::vector<Diagnostic>& items() const { return items_; }
  /// All diagnostics, one formatted line each.
  std::string to_string() const;

 private:
  std::vector<Diagnostic> items_;
};

}  // namespace handout
