// Finding installed font families (Debian's fonts-noto-core, fonts-nanum, ...) with fontconfig.
#pragma once
#include <string>

namespace handout {

/// An installed face: its file and, in a collection (.ttc), its index.
struct SystemFont {
  std::string path;
  unsigned index = 0;
  bool operator==(const SystemFont&) const = default;
};

/// The installed face of `family` in the given style; an empty path when fontconfig knows no
/// such family (it would otherwise offer a substitute, which we refuse: a clinic that names a
/// font gets that font or an error).
SystemFont find_system_font(const std::string& family, bool bold, bool italic);

}  // namespace handout
