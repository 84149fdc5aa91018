// Opens handout-mail.so on first use (see mail_module.h): GMime and libcurl load only in runs
// that make messages.
#include "mail/mail_module.h"
#include "util/module_loader.h"

namespace handout::mail {

const Api* mail_api(std::string& error) {
  using Entry = const Api* (*)();
  static const ModuleEntry module = open_module("handout-mail.so", "handout_mail_v1", "messages to patients");
  if (!module.entry) {
    error = module.problem;
    return nullptr;
  }
  return reinterpret_cast<Entry>(module.entry)();
}

}  // namespace handout::mail
