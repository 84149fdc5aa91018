#include "text/scripts.h"

#include <unicode/uscript.h>

#include "util/utf8.h"

namespace handout {

bool written_in_latin(const std::string& text) {
  bool latin = false;
  for (char32_t c : utf8_decode(text)) {
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(static_cast<UChar32>(c), &status);
    if (U_FAILURE(status) || script == USCRIPT_COMMON || script == USCRIPT_INHERITED) continue;
    if (script != USCRIPT_LATIN) return false;
    latin = true;
  }
  return latin;
}

}  // namespace handout
