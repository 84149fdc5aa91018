// Finding installed font families (Debian's fonts-noto-core, fonts-nanum, ...) with fontconfig.
#pragma once
#include <string>

namespace handout {

/// The file of an installed face of `family` in the given style, or "" when fontconfig knows
/// no such family (it would otherwise offer a substitute, which we refuse: a clinic that names
/// a font gets that font or an error).
std::string find_system_font(const std::string& family, bool bold, bool italic);

}  // namespace handout
