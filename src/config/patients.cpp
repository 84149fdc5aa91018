#include "config/patients.h"

#include <algorithm>
#include <array>
#include <map>

#include "config/config.h"
#include "config/csv_reader.h"
#include "config/suggest.h"
#include "util/ascii.h"
#include "util/input_file.h"
#include "util/utf8.h"

namespace handout {
namespace {

// The columns a patients' file may have; the first kRequired must be there.
enum Column { kId, kLanguage, kArticles, kName, kClinician, kVisitDate, kNote, kPassword, kEmail, kDelivery, kColumnCount };
constexpr int kRequired = 3;
constexpr std::size_t kMaxIdLength = 64;
constexpr std::size_t kReportedArticleProblems = 3;  // per row; the rest are counted

const std::vector<std::string>& column_names() {
  static const std::vector<std::string> names{"id",        "language",   "articles", "name",
                                              "clinician", "visit_date", "note",     "password",
                                              "email",     "delivery"};
  return names;
}

// Which field of a row holds each column (-1: none), and what each field of the header is.
struct Header {
  std::array<int, kColumnCount> field{};
  std::vector<std::string> labels;  // per field: "'name'" as used in messages
};

// The file being read and where its messages go. Every message about a row names its line, a
// column and at most its id: the other fields are a patient's health data.
struct Reading {
  const std::string& path;
  Diagnostics& diags;
  std::map<std::string, int> id_lines;  // each id seen (lower case) -> the line of its row
  void error(const csv::Field& f, std::string message) { diags.error(path, f.line, f.col, std::move(message)); }
  void error(const csv::Record& r, std::string message) { diags.error(path, r.line, r.col, std::move(message)); }
};

std::string trimmed(std::string_view s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return "";
  return std::string(s.substr(first, s.find_last_not_of(" \t") - first + 1));
}

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

std::string hex4(unsigned cp) {
  static const char* digits = "0123456789ABCDEF";
  return {'U', '+', '0', '0', digits[(cp >> 4) & 15], digits[cp & 15]};
}

// Why a field's bytes cannot be used ("" when they can): too long, not UTF-8, or holding a
// control character (C0 other than tab and line feed, DEL, C1), which no handout can print, or
// U+FFFD, which would print as a stand-in for a lost character.
std::string text_problem(std::string_view s, bool multi_line) {
  if (s.size() > kMaxPatientFieldBytes)
    return "is over 64 KiB (a field may have at most " + std::to_string(kMaxPatientFieldBytes) + " bytes)";
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = utf8_sequence_length(s, i);
    if (n == 0) return "has invalid UTF-8 (save the file as UTF-8)";
    const auto b = static_cast<unsigned char>(s[i]), next = static_cast<unsigned char>(n == 2 ? s[i + 1] : 0);
    if (b == '\n' && !multi_line) return "has a line break (only 'note' may span lines)";
    if ((b < 0x20 && b != '\t' && b != '\n') || b == 0x7F)
      return "has a control character " + hex4(b) + " (only line breaks and tabs may appear)";
    if (b == 0xC2 && next < 0xA0) return "has a control character " + hex4(next) + " (only line breaks and tabs may appear)";
    if (s.substr(i, n) == "\xEF\xBF\xBD")  // U+FFFD: a character the program that wrote the file lost
      return "has U+FFFD (\xEF\xBF\xBD), a character lost before the file was saved (retype it)";
    i += n;
  }
  return "";
}

// Checks the bytes of every field of `record`; false when any is unusable.
bool check_texts(const csv::Record& record, const std::vector<std::string>& labels, Reading& reading) {
  bool ok = true;
  for (std::size_t i = 0; i < record.fields.size(); ++i) {
    const std::string label = i < labels.size() ? labels[i] : "field " + std::to_string(i + 1);
    const std::string problem = text_problem(record.fields[i].text, label == "'note'");
    if (!problem.empty()) reading.error(record.fields[i], label + " " + problem), ok = false;
  }
  return ok;
}

// Reports unknown and missing columns; false when the first row is no header at all (then
// its fields, likely a patient's, are not repeated in messages).
bool report_header_gaps(const csv::Record& row, const std::vector<std::size_t>& unknown, Reading& reading,
                        const Header& header) {
  if (std::all_of(header.field.begin(), header.field.end(), [](int f) { return f < 0; })) {
    reading.error(row, "the first row must name the columns: id, language, articles (required), "
                       "name, clinician, visit_date, note, password, email, delivery");
    return false;
  }
  for (const std::size_t i : unknown) {
    const std::string name = lower(trimmed(row.fields[i].text));
    reading.error(row.fields[i], "unknown column '" + name + "'" + did_you_mean(name, column_names()));
  }
  for (int c = 0; c < kRequired; ++c)
    if (header.field[c] < 0) reading.error(row, "missing required column '" + column_names()[c] + "'");
  return true;
}

// Maps each header field to its column; false when the row names no known column at all.
bool read_header(const csv::Record& row, Reading& reading, Header& header) {
  header.field.fill(-1);
  std::vector<std::string> header_labels;
  for (std::size_t i = 0; i < row.fields.size(); ++i) header_labels.push_back("header field " + std::to_string(i + 1));
  if (!check_texts(row, header_labels, reading)) return false;
  const auto& names = column_names();
  std::vector<std::size_t> unknown;
  for (std::size_t i = 0; i < row.fields.size(); ++i) {
    const std::string name = lower(trimmed(row.fields[i].text));
    header.labels.push_back("'" + name + "'");
    const auto known = std::find(names.begin(), names.end(), name);
    if (name.empty())
      reading.error(row.fields[i], "empty column name (header field " + std::to_string(i + 1) + ")");
    else if (known == names.end())
      unknown.push_back(i);
    else if (int& field = header.field[known - names.begin()]; field >= 0)
      reading.error(row.fields[i], "duplicate column '" + name + "' (also header field " + std::to_string(field + 1) + ")");
    else
      field = static_cast<int>(i);
  }
  return report_header_gaps(row, unknown, reading, header);
}

// Why `id` cannot name a patient's folder, or "" when it can. Only letters, digits, '-' and
// '_': no '.', '/' or '\\', so no id is a path ("../x", "/etc") or a hidden folder.
std::string id_problem(const std::string& id) {
  if (id.empty()) return "empty id (each row needs one: it names the patient's folder)";
  if (id.size() > kMaxIdLength)
    return "id is " + std::to_string(id.size()) + " bytes long (at most " + std::to_string(kMaxIdLength) + ")";
  for (const char c : id) {
    if (ascii::alnum(c) || c == '-' || c == '_') continue;
    const std::string found = c == ' '                                ? "a space"
                              : static_cast<unsigned char>(c) >= 0x80 ? "a non-ASCII letter"
                                                                      : std::string{'\'', c, '\''};
    return "invalid id: it names a folder, so only letters, digits, '-' and '_' may appear (found " + found + ")";
  }
  return "";
}

// Checks the id, and that no earlier row has it (ignoring case, as some file systems do).
void read_id(const csv::Field& f, Reading& reading, std::string& out) {
  if (const std::string problem = id_problem(f.text); !problem.empty()) return reading.error(f, problem);
  const auto [seen, fresh] = reading.id_lines.emplace(lower(f.text), f.line);
  if (!fresh)
    return reading.error(f, "duplicate id '" + f.text + "' (also on line " + std::to_string(seen->second) +
                                "): both rows would write the same files");
  out = f.text;
}

void read_language(const csv::Field& f, Reading& reading, std::string& out) {
  if (f.text.empty())
    reading.error(f, "empty 'language' (each row needs a language code such as en, es or zh-Hans)");
  else if (!valid_language_code(f.text))
    reading.error(f, "invalid language code in 'language' (expected a BCP 47 code such as en, es or zh-Hans)");
  else
    out = f.text;
}

// Splits "a; b;c" into names; empty pieces (a trailing ';') are skipped. A name is never
// repeated in a message: which handouts a patient gets says what they are treated for.
void read_articles(const csv::Field& f, Reading& reading, std::vector<std::string>& out) {
  std::vector<std::string> names;
  for (std::size_t start = 0; start <= f.text.size();) {
    const std::size_t end = std::min(f.text.find(';', start), f.text.size());
    if (std::string name = trimmed(std::string_view(f.text).substr(start, end - start)); !name.empty())
      names.push_back(std::move(name));
    start = end + 1;
  }
  if (names.empty())
    return reading.error(f, "empty 'articles' (each row needs at least one article; separate names with ';')");
  // A 64 KiB field holds 30,000 names: a map finds repeats, and only the first few problems
  // are reported one by one.
  std::map<std::string_view, std::size_t> first_of;
  std::size_t problems = 0;
  for (std::size_t i = 0; i < names.size(); ++i) {
    const std::string which = "article " + std::to_string(i + 1) + " of 'articles'";
    const auto [first, fresh] = first_of.emplace(names[i], i);
    if (valid_article_name(names[i]) && fresh) continue;
    if (++problems > kReportedArticleProblems) continue;
    if (!fresh)
      reading.error(f, which + " repeats article " + std::to_string(first->second + 1));
    else
      reading.error(f, which + " is not an article name (letters, digits, '.', '_' and '-', not starting with '.')");
  }
  if (problems > kReportedArticleProblems)
    reading.error(f, std::to_string(problems - kReportedArticleProblems) + " more problems in 'articles'");
  out = std::move(names);
}

void read_visit_date(const csv::Field& f, Reading& reading, std::string& out) {
  if (f.text.empty() || is_iso_date(f.text))
    out = f.text;
  else
    reading.error(f, "'visit_date' must be a real date written YYYY-MM-DD");
}

// 'email' and 'delivery': the address is checked but never quoted (it is a patient's).
void read_delivery(const csv::Field& email, const csv::Field& delivery, bool has_delivery, Reading& reading,
                   PatientVisit& out) {
  const std::string address = trimmed(email.text);
  if (!address.empty()) {
    if (const std::string problem = mail_address_problem(address); !problem.empty())
      reading.error(email, "'email' is " + (problem.starts_with("not ") ? problem : "not usable: " + problem));
    else
      out.email = address;
  }
  const std::string how = lower(trimmed(delivery.text));
  if (how.empty() || !has_delivery)
    out.delivery = address.empty() ? "print" : "email";
  else if (how == "email" || how == "print" || how == "none")
    out.delivery = how;
  else
    reading.error(delivery, "'delivery' must be email, print or none (or empty: email when the row has an address)");
  if (out.delivery == "email" && address.empty())
    reading.error(delivery, "'delivery' is email but the row has no 'email' address");
}

// The text of `column` in `row`, or an empty field at the row's start when the file lacks it.
const csv::Field& field_of(const csv::Record& row, const Header& header, Column column) {
  static const csv::Field missing;
  const int i = header.field[column];
  return i >= 0 ? row.fields[i] : missing;
}

// Reads one row into `out`; false when it has any error (all of them are reported).
bool read_row(const csv::Record& row, const Header& header, Reading& reading, PatientVisit& out) {
  const std::size_t errors_before = reading.diags.error_count();
  if (!check_texts(row, header.labels, reading)) return false;
  if (row.fields.size() != header.labels.size()) {
    reading.error(row, "row has " + std::to_string(row.fields.size()) + " fields but the header has " +
                           std::to_string(header.labels.size()) + " (quote a field that contains a comma)");
    return false;
  }
  if (header.field[kId] >= 0) read_id(field_of(row, header, kId), reading, out.id);
  if (header.field[kLanguage] >= 0) read_language(field_of(row, header, kLanguage), reading, out.language);
  if (header.field[kArticles] >= 0) read_articles(field_of(row, header, kArticles), reading, out.articles);
  read_visit_date(field_of(row, header, kVisitDate), reading, out.visit_date);
  out.name = field_of(row, header, kName).text;
  out.clinician = field_of(row, header, kClinician).text;
  out.note = field_of(row, header, kNote).text;
  const csv::Field& password = field_of(row, header, kPassword);
  if (password.blank)  // a copy meant to be locked must never go out unlocked
    reading.error(password, "'password' holds only spaces: leave the cell empty for a copy without a password, "
                            "or write the password");
  out.password = password.text;
  read_delivery(field_of(row, header, kEmail), field_of(row, header, kDelivery), header.field[kDelivery] >= 0,
                reading, out);
  out.pos = SourcePos{reading.path, row.line, row.col};
  return reading.diags.error_count() == errors_before;
}

// Checks the rows after the header and keeps those without errors. Without a required column
// every row is still checked (all errors at once), but none is kept: each would lack an id,
// a language or its articles.
void read_rows(const std::vector<csv::Record>& records, const Header& header, Reading& reading,
               std::vector<PatientVisit>& out) {
  const bool complete = std::all_of(header.field.begin(), header.field.begin() + kRequired, [](int f) { return f >= 0; });
  for (std::size_t i = 1; i < records.size(); ++i) {
    PatientVisit visit;
    if (read_row(records[i], header, reading, visit) && complete) out.push_back(std::move(visit));
  }
}

}  // namespace

bool parse_patients(const std::string& text, const std::string& path, std::vector<PatientVisit>& out,
                    Diagnostics& diags) {
  const std::size_t errors_before = diags.error_count();
  std::vector<csv::Record> records;
  // One record more than allowed tells "exactly the limit" from "over it".
  const bool complete = csv::read_records(text, path, kMaxPatientRows + 2, records, diags);
  Reading reading{path, diags, {}};
  if (records.size() > kMaxPatientRows + 1) {
    reading.error(records.back(), "more than " + std::to_string(kMaxPatientRows) + " patient rows (split the file)");
    records.pop_back();
  }
  if (records.empty()) {
    if (complete) diags.error(path, 0, 0, "no patient rows: the file is empty");
    return false;
  }
  Header header;
  if (!read_header(records.front(), reading, header)) return false;
  if (records.size() == 1 && complete) reading.error(records.front(), "no patient rows after the header");
  read_rows(records, header, reading, out);
  return diags.error_count() == errors_before;
}

bool load_patients(const std::string& path, long long max_bytes, std::vector<PatientVisit>& out,
                   Diagnostics& diags) {
  std::string bytes;
  if (!read_input_bytes(path, "patients' file", max_bytes, bytes, diags)) return false;
  return parse_patients(bytes, path, out, diags);
}

}  // namespace handout
