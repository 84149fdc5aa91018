// Reads a YAML list of resources; shared by resource files and the config's extra_resources.
#pragma once
#include "config/types.h"
#include "config/yaml_reader.h"

namespace handout::yaml {

/// Appends each well-formed entry of `list` to `out`; reports malformed ones. A resource file
/// is in one language: its descriptions are plain text.
void read_resource_list(const YAML::Node& list, MapReader& parent, const std::string& key,
                        std::vector<Resource>& out);
/// The same for the config's extra_resources, whose descriptions may be given per language.
void read_config_resources(const YAML::Node& list, MapReader& parent, const std::string& key,
                           std::vector<ConfigResource>& out);

}  // namespace handout::yaml
