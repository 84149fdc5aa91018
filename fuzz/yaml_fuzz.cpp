// libFuzzer target: every YAML loader and the build manifest's reader. The first byte picks the
// loader; the rest is the file, read the way the tool reads it (refused unless it is UTF-8, but
// for the manifest, read as bytes).
#include <cstddef>
#include <cstdint>
#include <string>

#include "config/config.h"
#include "build/manifest.h"
#include "util/input_file.h"

using namespace handout;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  Diagnostics diags;
  std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (!check_input_text(text, "f.yaml", diags) && data[0] % 6 != 5) return 0;
  switch (data[0] % 6) {
    case 0: {
      ClinicConfig c;
      if (parse_clinic_config(text, "fuzz/h.yaml", c, diags)) (void)printed_clinic(c, "pt-BR");
      break;
    }
    case 1: {
      LayoutConfig l;
      parse_layout(text, "l.yaml", l, diags);
      break;
    }
    case 2: {
      Strings s;
      if (parse_strings(text, "s.yaml", s, diags)) (void)s.format_date("2026-02-28");
      break;
    }
    case 3: {
      ResourceList r;
      parse_resources(text, "r.yaml", r, diags);
      break;
    }
    case 5: {  // not YAML, but read from a folder the same way: the build's manifest
      Manifest m;
      m.parse(std::string(reinterpret_cast<const char*>(data) + 1, size - 1));
      for (const auto& [pdf, e] : m.entries()) (void)manifest_block(e);
      break;
    }
    default: {
      ArticleMeta m;
      parse_front_matter(text, "a.md", 2, m, diags);
      break;
    }
  }
  (void)diags.to_string();
  return 0;
}
