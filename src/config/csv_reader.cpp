#include "config/csv_reader.h"

#include <csv.h>

namespace handout::csv {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";
// CSV_APPEND_NULL is left out: fields are copied with their length, so a NUL inside one
// survives to be reported as a control character instead of silently cutting the field.
constexpr unsigned char kOptions = CSV_STRICT | CSV_STRICT_FINI;

// libcsv says nothing about positions. It only ends a field or a record on a delimiter, a line
// end or at csv_fini, so the text is fed one chunk per such byte: every callback then belongs
// to the chunk's last byte, and the reader's own line count stays exact without mirroring
// libcsv's state machine.
struct Reader {
  Reader(std::string_view t, std::size_t max, std::vector<Record>& records) : text(t), max_records(max), out(records) {}
  std::string_view text;
  std::size_t max_records;
  std::vector<Record>& out;
  Record current;
  bool in_record = false;
  int line = 1;
  std::size_t line_start = 0;   // offset of the current line's first byte
  std::size_t last = 0;         // offset of the last byte of the chunk being parsed
  int field_line = 1, field_col = 1;  // where the next field starts

  int col_of(std::size_t offset) const { return static_cast<int>(offset - line_start + 1); }
  bool full() const { return out.size() >= max_records; }
};

// A quoted field keeps the file's line ends; the rest of the program only knows "\n".
std::string without_cr_before_lf(const char* s, std::size_t len) {
  std::string text;
  text.reserve(len);
  for (std::size_t i = 0; i < len; ++i)
    if (!(s[i] == '\r' && i + 1 < len && s[i + 1] == '\n')) text += s[i];
  return text;
}

void on_field(void* data, std::size_t len, void* reader) {
  auto& r = *static_cast<Reader*>(reader);
  // libcsv passes a null buffer for an empty field it never had to allocate for.
  const char* s = data ? static_cast<const char*>(data) : "";
  Field field{without_cr_before_lf(s, len), r.field_line, r.field_col};
  const auto spaces = [](std::string_view v) { return !v.empty() && v.find_first_not_of(" \t") == std::string_view::npos; };
  if (field.text.empty() && r.field_line == r.line) {  // trimmed: what was written between the delimiters
    const std::size_t start = r.line_start + static_cast<std::size_t>(r.field_col - 1);
    field.blank = start < r.last && spaces(r.text.substr(start, r.last - start));
  } else {
    field.blank = spaces(field.text);
  }
  r.current.fields.push_back(std::move(field));
  // The byte that ended this field is a delimiter or a line end; the next field starts after it.
  r.field_line = r.line;
  r.field_col = r.col_of(r.last) + 1;
}

void on_record(int, void* reader) {
  auto& r = *static_cast<Reader*>(reader);
  r.out.push_back(std::move(r.current));
  r.current = Record{};
  r.in_record = false;
}

// Between records libcsv skips line ends, spaces and tabs: the next record starts at the
// first other byte of the chunk, if there is one.
void mark_record_start(Reader& r, std::size_t from, std::size_t to) {
  for (std::size_t i = from; i < to; ++i) {
    const char c = r.text[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    r.in_record = true;
    r.current.line = r.field_line = r.line;
    r.current.col = r.field_col = r.col_of(i);
    return;
  }
}

// LF, CRLF (counted at its LF) and a lone CR (old Mac files; libcsv ends records there too)
// each end a line.
bool ends_line(std::string_view text, std::size_t i) {
  return text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'));
}

std::string malformed(csv_parser& p, const char* hint) {
  return std::string("malformed CSV: ") + csv_strerror(csv_error(&p)) + " (" + hint + ")";
}

// Feeds the text chunk by chunk; false (with the error reported) when libcsv refuses a byte.
bool feed(Reader& r, csv_parser& p, const std::string& path, Diagnostics& diags) {
  for (std::size_t pos = 0; pos < r.text.size() && !r.full();) {
    const std::size_t stop = r.text.find_first_of(",\r\n", pos);
    const std::size_t end = stop == std::string_view::npos ? r.text.size() : stop + 1;
    if (!r.in_record) mark_record_start(r, pos, end);
    r.last = end - 1;
    const std::size_t done = csv_parse(&p, r.text.data() + pos, end - pos, on_field, on_record, &r);
    if (done != end - pos) {
      const bool syntax = csv_error(&p) == CSV_EPARSE;
      diags.error(path, r.line, r.col_of(pos + done),
                  malformed(p, syntax ? "a '\"' may only open a field, close it, or be doubled inside it"
                                      : "the file is too large to parse"));
      return false;
    }
    if (ends_line(r.text, end - 1)) ++r.line, r.line_start = end;
    pos = end;
  }
  return true;
}

}  // namespace

bool read_records(std::string_view text, const std::string& path, std::size_t max_records,
                  std::vector<Record>& out, Diagnostics& diags) {
  if (text.starts_with(kBom)) text.remove_prefix(kBom.size());
  csv_parser p;
  if (csv_init(&p, kOptions) != 0) {
    diags.error(path, 0, 0, "cannot start the CSV parser (out of memory)");
    return false;
  }
  Reader r(text, max_records, out);
  bool ok = feed(r, p, path, diags);
  if (ok && !r.full() && csv_fini(&p, on_field, on_record, &r) != 0) {
    // STRICT_FINI: the text ended inside a quoted field; its opening quote is the place to look.
    diags.error(path, r.field_line, r.field_col, malformed(p, "a quoted field opened here is never closed"));
    ok = false;
  }
  csv_free(&p);
  return ok;
}

}  // namespace handout::csv
