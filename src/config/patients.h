// A clinic's patients' CSV (`handout build --patients visits.csv`): one row per patient visit,
// read into plain data. Messages name a row's line, a column and at most its id: never a
// name, clinician, note, password, date, language or article, which are health data.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "diag/diagnostic.h"

namespace handout {

/// One row of the file: whose handouts, in which language, and what to print on them.
struct PatientVisit {
  std::string id;                     ///< folder name under <out>/patients/: letters, digits, '-', '_'; 1-64 chars
  std::string language;               ///< a language code (valid_language_code)
  std::vector<std::string> articles;  ///< each a valid_article_name; at least one, no duplicates
  std::string name;                   ///< "Prepared for <name>"; may be empty
  std::string clinician;              ///< "by <clinician>"; may be empty
  std::string visit_date;             ///< YYYY-MM-DD (a real date) or empty
  std::string note;                   ///< Markdown; may span lines; may be empty
  std::string password;               ///< the PDF's open password; empty for none; never printed
  std::string email;                  ///< where the visit's message goes; empty for none; never printed
  /// How the handouts reach the patient: "email" (a message), "print" (handed over) or "none".
  /// Without a `delivery` column: "email" when the row has an address, else "print".
  std::string delivery = "print";
  SourcePos pos;                      ///< where the row starts (line 1 is the header)
};

/// The most patient rows one file may have.
constexpr std::size_t kMaxPatientRows = 100000;
/// The most bytes one field may have.
constexpr std::size_t kMaxPatientFieldBytes = 64 * 1024;

/// Parses the CSV `text` (raw bytes; `path` is used in messages) and appends its rows to `out`;
/// returns false when any error was reported (then `out` holds only the rows without errors,
/// none when the header lacks a required column).
bool parse_patients(const std::string& text, const std::string& path, std::vector<PatientVisit>& out,
                    Diagnostics& diags);
/// Reads the file at `path` (refused when over `max_bytes`) and parses it as parse_patients does.
bool load_patients(const std::string& path, long long max_bytes, std::vector<PatientVisit>& out,
                   Diagnostics& diags);

}  // namespace handout
