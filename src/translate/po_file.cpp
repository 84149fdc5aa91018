// gettext PO files with libgettextpo: part of the handout-translate.so module (see formats.h).
// A unit's id is its msgctxt, its kind and place the extracted comment (#.), its source file
// and line the reference (#:); inline codes stay in the tagged form (<1>...</1>, <2/>).
#include <gettext-po.h>

#include <csetjmp>
#include <cstdlib>
#include <cstring>

#include "translate/formats.h"

namespace handout::translate {
namespace {

// libgettextpo reports through callbacks, and a fatal one must not return: it jumps back.
thread_local std::string po_error;
thread_local std::jmp_buf* po_fatal = nullptr;

void note_error(int severity, const char* filename, size_t lineno, const char* message) {
  if (severity == PO_SEVERITY_WARNING) return;
  if (po_error.empty()) {
    po_error = filename ? std::string(filename) + (lineno != static_cast<size_t>(-1) ? ":" + std::to_string(lineno) : "") + ": " : "";
    po_error += message ? message : "error";
  }
  if (severity == PO_SEVERITY_FATAL_ERROR && po_fatal) std::longjmp(*po_fatal, 1);
}

void on_xerror(int severity, po_message_t, const char* filename, size_t lineno, size_t, int, const char* message) {
  note_error(severity, filename, lineno, message);
}

void on_xerror2(int severity, po_message_t, const char* filename, size_t lineno, size_t, int, const char* message,
                po_message_t, const char*, size_t, size_t, int, const char*) {
  note_error(severity, filename, lineno, message);
}

const struct po_xerror_handler kHandler = {on_xerror, on_xerror2};

std::string header(const UnitFile& file) {
  const std::string date = (file.date.empty() ? std::string("1970-01-01") : file.date) + " 00:00+0000";
  return "Project-Id-Version: handout " + file.original + "\n"
         "Report-Msgid-Bugs-To: \n"
         "POT-Creation-Date: " + date + "\n"
         "PO-Revision-Date: " + date + "\n"
         "Last-Translator: \n"
         "Language-Team: \n"
         "Language: " + file.target_language + "\n"
         "MIME-Version: 1.0\n"
         "Content-Type: text/plain; charset=UTF-8\n"
         "Content-Transfer-Encoding: 8bit\n"
         "X-Source-Language: " + file.source_language + "\n"
         "X-Original: " + file.original + "\n"
         "X-Translation-Base: " + file.base + "\n";
}

std::string comment(const FileUnit& f) {
  std::string note = f.unit.note;
  for (const InlineCode& c : f.unit.codes) {
    if (c.kind == InlineCode::Kind::Link) note += "\n<" + std::to_string(c.id) + ">...</" + std::to_string(c.id) + "> links to " + c.value;
    if (c.kind == InlineCode::Kind::Code) note += "\n<" + std::to_string(c.id) + "/> is the code `" + c.value + "`";
    if (c.kind == InlineCode::Kind::Strong) note += "\n<" + std::to_string(c.id) + ">...</" + std::to_string(c.id) + "> is bold";
    if (c.kind == InlineCode::Kind::Emph) note += "\n<" + std::to_string(c.id) + ">...</" + std::to_string(c.id) + "> is italic";
    if (c.kind == InlineCode::Kind::Break) note += "\n<" + std::to_string(c.id) + "/> is a line break";
  }
  if (f.state == FileUnit::State::Changed) note += "\nThe source changed since it was translated: the translation is the previous one.";
  return note;
}

bool write_po_file(const UnitFile& file, const std::string& path, std::string& error) {
  po_error.clear();
  std::jmp_buf fatal;
  po_fatal = &fatal;
  po_file_t po = po_file_create();
  if (setjmp(fatal)) {
    po_fatal = nullptr;
    error = po_error;
    return false;  // (the file is left to the process's end: libgettextpo gave up mid-way)
  }
  po_message_iterator_t it = po_message_iterator(po, nullptr);
  po_message_t head = po_message_create();
  po_message_set_msgid(head, "");
  po_message_set_msgstr(head, header(file).c_str());
  po_message_insert(it, head);
  for (const FileUnit& f : file.units) {
    po_message_t m = po_message_create();
    po_message_set_msgctxt(m, f.unit.id.c_str());
    po_message_set_msgid(m, f.unit.text.c_str());
    po_message_set_extracted_comments(m, comment(f).c_str());
    if (f.unit.line > 0) po_message_add_filepos(m, file.original.c_str(), static_cast<size_t>(f.unit.line));
    if (f.state == FileUnit::State::Changed) {
      po_message_set_msgstr(m, f.previous_target.c_str());
      po_message_set_fuzzy(m, 1);
      if (!f.previous_source.empty()) po_message_set_prev_msgctxt(m, f.unit.id.c_str()), po_message_set_prev_msgid(m, f.previous_source.c_str());
    } else {
      po_message_set_msgstr(m, f.target.c_str());
    }
    po_message_insert(it, m);
  }
  po_message_iterator_free(it);
  const bool ok = po_file_write(po, path.c_str(), &kHandler) != nullptr && po_error.empty();
  po_file_free(po);
  po_fatal = nullptr;
  if (!ok) error = po_error.empty() ? "cannot write '" + path + "'" : po_error;
  return ok;
}

bool read_po_file(const std::string& path, UnitFile& out, std::string& error) {
  po_error.clear();
  std::jmp_buf fatal;
  po_fatal = &fatal;
  if (setjmp(fatal)) {
    po_fatal = nullptr;
    error = po_error;
    return false;
  }
  po_file_t po = po_file_read(path.c_str(), &kHandler);
  po_fatal = nullptr;
  if (!po || !po_error.empty()) {
    error = po_error.empty() ? "cannot read it as a PO file" : po_error;
    if (po) po_file_free(po);
    return false;
  }
  if (const char* head = po_file_domain_header(po, nullptr)) {
    auto field = [&](const char* name) {
      char* v = po_header_field(head, name);
      std::string s = v ? v : "";
      std::free(v);
      return s;
    };
    out.target_language = field("Language");
    out.source_language = field("X-Source-Language");
    out.original = field("X-Original");
    out.base = field("X-Translation-Base");
  }
  po_message_iterator_t it = po_message_iterator(po, nullptr);
  for (po_message_t m; (m = po_next_message(it)) != nullptr;) {
    if (po_message_is_obsolete(m) || std::strlen(po_message_msgid(m)) == 0) continue;
    FileUnit u;
    const char* ctxt = po_message_msgctxt(m);
    u.unit.id = ctxt ? ctxt : "";
    u.unit.text = po_message_msgid(m);
    u.target = po_message_msgstr(m);
    u.state = po_message_is_fuzzy(m) ? FileUnit::State::Changed : FileUnit::State::Final;
    out.units.push_back(std::move(u));
  }
  po_message_iterator_free(it);
  po_file_free(po);
  return true;
}

}  // namespace

bool xliff_write_entry(const UnitFile&, const std::string&, std::string&);
bool xliff_read_entry(const std::string&, UnitFile&, std::string&);

}  // namespace handout::translate

extern "C" __attribute__((visibility("default"))) const handout::translate::FormatFunctions* handout_translate_formats_v1() {
  using namespace handout::translate;
  static const FormatFunctions table{xliff_write_entry, xliff_read_entry, write_po_file, read_po_file};
  return &table;
}
