// libFuzzer target: the patients' CSV (parse_patients), fed the raw bytes as load_patients
// would read them: no UTF-8 repair first, since invalid UTF-8 is one of the errors it reports.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "config/config.h"
#include "config/patients.h"

using namespace handout;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  Diagnostics diags;
  std::vector<PatientVisit> rows;
  const bool ok = parse_patients(std::string(reinterpret_cast<const char*>(data), size), "p.csv", rows, diags);
  // What the parser promises of every row it returns, whatever the input.
  for (const auto& row : rows) {
    if (row.id.empty() || row.id.size() > 64 || row.id.find_first_of("./\\") != std::string::npos) __builtin_trap();
    if (!valid_language_code(row.language) || row.articles.empty()) __builtin_trap();
    for (const auto& a : row.articles)
      if (!valid_article_name(a)) __builtin_trap();
    if (row.pos.line < 2) __builtin_trap();
  }
  if (ok != !diags.has_errors()) __builtin_trap();
  (void)diags.to_string();
  return 0;
}
