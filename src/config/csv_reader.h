// CSV records with the line and column each starts at. Private to src/config/: the only file
// that includes libcsv's <csv.h> is csv_reader.cpp.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.h"

namespace handout::csv {

/// One field: its text (quotes undone, a quoted CRLF turned into LF) and where it starts.
struct Field {
  std::string text;  ///< unquoted fields come trimmed of spaces and tabs (libcsv does it)
  int line = 0;      ///< 1-based line of the field's first byte
  int col = 0;       ///< 1-based byte column of the field's first byte
  bool blank = false;  ///< written as spaces or tabs only (trimmed to nothing, or quoted)
};

/// One record (a row of the file) and where its first field starts.
struct Record {
  std::vector<Field> fields;
  int line = 0;  ///< a record after a multi-line quoted field starts further down than its index says
  int col = 0;
};

/// Splits `text` into records: strict RFC 4180 quoting, LF, CRLF or CR line ends, blank lines
/// skipped, a leading UTF-8 BOM ignored (columns count from after it). Stops once it holds
/// `max_records`. Malformed CSV is reported where it is (`path:line:col`) and returns false;
/// the records completed before it are kept.
bool read_records(std::string_view text, const std::string& path, std::size_t max_records,
                  std::vector<Record>& out, Diagnostics& diags);

}  // namespace handout::csv
