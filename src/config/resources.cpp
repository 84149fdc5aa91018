#include "config/config.h"
#include "config/resource_reader.h"
#include "util/text.h"

namespace handout {
using yaml::load_yaml_file;
namespace yaml {

namespace {

// Calls `read` with each entry of a resource list, after checking the list's shape.
template <typename Read>
void for_each_entry(const YAML::Node& list, MapReader& parent, const std::string& key, Read read) {
  if (!list.IsDefined() || list.IsNull()) return;
  if (!list.IsSequence()) {
    parent.diags().error(parent.pos_of(list), "'" + key + "' must be a list of resources");
    return;
  }
  for (const auto& item : list) {
    MapReader entry(item, parent.file(), parent.line_offset(), "a resource of '" + key + "'",
                    parent.diags());
    if (entry.ok()) read(entry, item);
  }
}

// The fields every resource has; the description is read by the caller (plain or per language).
Resource read_common(MapReader& entry, const YAML::Node& item) {
  Resource r;
  r.pos = entry.pos_of(item);
  r.name = entry.text("name", true).value_or("");
  r.website = entry.link("website", r.website_uri).value_or("");
  r.phone = entry.text("phone").value_or("");
  return r;
}

}  // namespace

void read_resource_list(const YAML::Node& list, MapReader& parent, const std::string& key,
                        std::vector<Resource>& out) {
  for_each_entry(list, parent, key, [&](MapReader& entry, const YAML::Node& item) {
    Resource r = read_common(entry, item);
    r.description = entry.text("description").value_or("");
    entry.finish();
    if (!r.name.empty()) out.push_back(std::move(r));
  });
}

void read_config_resources(const YAML::Node& list, MapReader& parent, const std::string& key,
                           std::vector<ConfigResource>& out) {
  for_each_entry(list, parent, key, [&](MapReader& entry, const YAML::Node& item) {
    ConfigResource r{read_common(entry, item), entry.localized("description", false)};
    entry.finish();
    if (!r.entry.name.empty()) out.push_back(std::move(r));
  });
}

}  // namespace yaml

bool parse_resources(const std::string& text, const std::string& path, ResourceList& out,
                     Diagnostics& diags) {
  const auto errors_before = diags.error_count();
  YAML::Node root;
  if (!yaml::parse(text, path, 0, root, diags)) return false;
  yaml::MapReader top(root, path, 0, "resource list", diags);
  if (!top.ok()) return false;
  out.intro = top.text("intro").value_or("");
  auto list = top.child("resources", true);
  yaml::read_resource_list(list, top, "resources", out.resources);
  top.finish();
  return diags.error_count() == errors_before;
}

bool load_resources(const std::string& path, long long max_bytes, ResourceList& out, Diagnostics& diags) {
  return load_yaml_file(path, "resource list", max_bytes, out, diags, parse_resources);
}

}  // namespace handout
