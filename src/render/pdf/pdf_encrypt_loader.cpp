#include "render/pdf/pdf_encrypt.h"
#include "util/module_loader.h"

namespace handout {

bool encrypt_pdf(std::string& pdf, const std::string& password, std::string& error) {
  using Entry = bool (*)(std::string&, const std::string&, std::string&);
  static const ModuleEntry module = open_module("handout-encrypt.so", "handout_encrypt_v1", "encrypted copies");
  if (!module.entry) {
    error = module.problem;
    return false;
  }
  return reinterpret_cast<Entry>(module.entry)(pdf, password, error);
}

}  // namespace handout
