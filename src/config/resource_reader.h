// Reads a YAML list of resources; shared by resource files and the config's extra_resources.
#pragma once
#include "config/types.h"
#include "config/yaml_reader.h"

namespace handout::yaml {

/// Appends each well-formed entry of `list` to `out`; reports malformed ones.
void read_resource_list(const YAML::Node& list, MapReader& parent, const std::string& key,
                        std::vector<Resource>& out);

}  // namespace handout::yaml
