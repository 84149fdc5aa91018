// The translator's file formats: XLIFF 1.2 (libxml2) and gettext PO (libgettextpo). Both
// libraries live in a module of their own, handout-translate.so, opened on first use by
// formats_loader.cpp, so every other run (build, check) starts without them.
#pragma once
#include <string>
#include <vector>

#include "translate/units.h"

namespace handout::translate {

/// A unit as a translator's file holds it.
struct FileUnit {
  /// new: not translated; translated: done and unchanged (locked); changed: its source changed
  /// since it was translated (the previous translation comes along); final: signed off.
  enum class State { New, Translated, Changed, Final };
  Unit unit;                     ///< id, note, source text and its codes
  std::string target;            ///< the translation, tagged form ("" when none)
  State state = State::New;
  std::string previous_source;   ///< changed: the source the previous translation was made from ("" if unknown)
  std::string previous_target;   ///< changed: the previous translation
  int line = 0;                  ///< read: where the unit is in the file (0 when unknown)
};

/// One translator's file: the units of one source file for one target language.
struct UnitFile {
  std::string original;          ///< the source file, e.g. content/en/vaginismus.md
  std::string source_language, target_language;
  std::string date;              ///< YYYY-MM-DD of the export (the PO header's dates)
  /// A hash of the translation's files when exported ("none": there was none), so an import
  /// can tell a translation edited by hand since (XLIFF: a header prop; PO: X-Translation-Base).
  std::string base;
  std::vector<FileUnit> units;
};

/// Writes `file` as XLIFF 1.2 to `path`. False with `error` set when it cannot.
bool write_xliff(const UnitFile& file, const std::string& path, std::string& error);
/// Reads an XLIFF 1.2 file: its units' ids, targets (tagged) and states. False when it is not one.
bool read_xliff(const std::string& path, UnitFile& out, std::string& error);
/// Writes `file` as a gettext PO file (msgctxt: the unit id; inline codes as `<N>`, `</N>`, `<N/>`).
bool write_po(const UnitFile& file, const std::string& path, std::string& error);
/// Reads a PO file written by write_po and filled in by a translator.
bool read_po(const std::string& path, UnitFile& out, std::string& error);

/// The module's table of functions (handout_translate_formats_v1 returns it).
struct FormatFunctions {
  bool (*write_xliff)(const UnitFile&, const std::string&, std::string&);
  bool (*read_xliff)(const std::string&, UnitFile&, std::string&);
  bool (*write_po)(const UnitFile&, const std::string&, std::string&);
  bool (*read_po)(const std::string&, UnitFile&, std::string&);
};

}  // namespace handout::translate
