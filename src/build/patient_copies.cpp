#include "build/patient_copies.h"

#include "content/markdown.h"

namespace handout {

std::string visit_stem(const PatientVisit& visit, const std::string& article) {
  return visit.id + "/" + visit.language + "/" + article;
}

bool personal_copy(const PatientVisit& visit, const Strings& strings, Document& note, PersonalCopy& out,
                   Diagnostics& diags) {
  const std::string row = visit.pos.file + ":" + std::to_string(visit.pos.line);
  bool ok = true;
  auto label = [&](const char* key) {
    const std::string& text = strings.get(key);
    if (text.empty()) {
      diags.error(visit.pos, std::string("the strings file of '") + visit.language + "' has no '" + key +
                                 "', which personal copies print");
      ok = false;
    }
    return text;
  };
  auto add = [&](const char* key, const std::string& value) {
    if (!value.empty()) out.lines.emplace_back(label(key), value);
  };
  add("prepared_for", visit.name);
  add("clinician", visit.clinician);
  add("visit_date", visit.visit_date.empty() ? "" : strings.format_date(visit.visit_date));
  out.source = row;
  if (!visit.note.empty()) {
    // The note is health data: its own problems are counted, never quoted.
    Diagnostics note_diags;
    note = parse_markdown(visit.note, row, note_diags);
    if (!note_diags.items().empty())
      diags.warning(visit.pos, "the note has " + std::to_string(note_diags.items().size()) +
                                   " problem(s) (not shown: notes are not printed in messages)");
    out.note_label = label("visit_note");
    out.note = &note;
  }
  return ok;
}

}  // namespace handout
