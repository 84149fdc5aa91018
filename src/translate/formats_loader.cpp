#include "translate/formats.h"
#include "util/module_loader.h"

namespace handout::translate {
namespace {

const FormatFunctions* formats(std::string& error) {
  using Entry = const FormatFunctions* (*)();
  static const ModuleEntry module =
      open_module("handout-translate.so", "handout_translate_formats_v1", "translation files (XLIFF, PO)");
  if (!module.entry) {
    error = module.problem;
    return nullptr;
  }
  return reinterpret_cast<Entry>(module.entry)();
}

}  // namespace

bool write_xliff(const UnitFile& file, const std::string& path, std::string& error) {
  const FormatFunctions* f = formats(error);
  return f && f->write_xliff(file, path, error);
}
bool read_xliff(const std::string& path, UnitFile& out, std::string& error) {
  const FormatFunctions* f = formats(error);
  return f && f->read_xliff(path, out, error);
}
bool write_po(const UnitFile& file, const std::string& path, std::string& error) {
  const FormatFunctions* f = formats(error);
  return f && f->write_po(file, path, error);
}
bool read_po(const std::string& path, UnitFile& out, std::string& error) {
  const FormatFunctions* f = formats(error);
  return f && f->read_po(path, out, error);
}

}  // namespace handout::translate
