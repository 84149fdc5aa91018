// Personal copies (`handout build --patients visits.csv`): each row of the file gives one
// patient's handouts in their language, with who they were prepared for, by whom, when, and the
// clinician's note. Nothing personal reaches a file name, the log, the report or the metadata.
#pragma once
#include <string>
#include <vector>

#include "config/patients.h"
#include "config/types.h"
#include "content/document.h"
#include "diag/diagnostic.h"
#include "layout/handout_layout.h"

namespace handout {

/// A visit's handout in the personal copies' folder, without ".pdf": <id>/<lang>/<article>.
std::string visit_stem(const PatientVisit& visit, const std::string& article);

/// The block printed on the visit's handouts, labelled in `strings`' language, its note parsed
/// into `note` (which must outlive `out`). False, with an error at the row, when the strings
/// lack a label it needs.
bool personal_copy(const PatientVisit& visit, const Strings& strings, Document& note, PersonalCopy& out,
                   Diagnostics& diags);

}  // namespace handout
