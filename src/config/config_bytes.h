// A parsed clinic config as bytes, and back: the job keeps the config of the last build in the
// output folder, because yaml-cpp takes about a millisecond for the example's 13 KB, a tenth of
// an English handout's build.
#pragma once
#include <string>
#include <string_view>

#include "config/types.h"

namespace handout {

/// Every field of `config` in a binary form.
std::string clinic_config_bytes(const ClinicConfig& config);
/// The config those bytes hold; false (and `out` as it was) for bytes damaged or cut short.
bool parse_clinic_config_bytes(std::string_view bytes, ClinicConfig& out);

}  // namespace handout
