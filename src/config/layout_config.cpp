#include <dirent.h>

#include <algorithm>

#include "config/config.h"
#include "config/suggest.h"
#include "config/yaml_reader.h"
#include "util/input_file.h"
#include "util/text.h"

namespace handout {
namespace {

void read_page_size(yaml::MapReader& m, LayoutConfig& out) {
  auto node = m.child("page_size");
  if (!node.IsDefined() || node.IsNull()) return;
  if (node.IsScalar()) {
    const auto& name = node.Scalar();
    if (name == "letter") {
      out.page_width = 612, out.page_height = 792;
    } else if (name == "a4") {
      out.page_width = 595.276, out.page_height = 841.89;
    } else {
      m.diags().error(m.pos_of(node), "unknown page_size '" + name +
                                          "' (use letter, a4 or [width, height] in points)" +
                                          did_you_mean(name, {"letter", "a4"}));
    }
    return;
  }
  double w = 0, h = 0;
  if (node.IsSequence() && node.size() == 2 && YAML::convert<double>::decode(node[0], w) &&
      YAML::convert<double>::decode(node[1], h) && w >= 144 && h >= 144 && w <= 3000 && h <= 3000) {
    out.page_width = w, out.page_height = h;
    return;
  }
  m.diags().error(m.pos_of(node), "page_size must be letter, a4 or [width, height] in points (144 to 3000)");
}

void read_heading_sizes(yaml::MapReader& m, LayoutConfig& out) {
  auto node = m.child("heading_sizes");
  if (!node.IsDefined() || node.IsNull()) return;
  std::vector<double> sizes;
  for (const auto& item : node) {
    double v = 0;
    if (!YAML::convert<double>::decode(item, v) || v < 6 || v > 96) break;
    sizes.push_back(v);
  }
  if (!node.IsSequence() || sizes.size() != 6) {
    m.diags().error(m.pos_of(node), "heading_sizes must list six sizes in points (6 to 96), for h1 to h6");
    return;
  }
  out.heading_sizes = sizes;
}

// Reads a key whose value must be one of `choices`; calls `apply` with the index.
template <typename Apply>
void read_choice(yaml::MapReader& m, const std::string& key, const std::vector<std::string>& choices, Apply apply) {
  auto value = m.text(key);
  if (!value) return;
  for (std::size_t i = 0; i < choices.size(); ++i)
    if (*value == choices[i]) return apply(static_cast<int>(i));
  std::string list;
  for (const auto& c : choices) list += (list.empty() ? "" : ", ") + c;
  m.diags().error(m.pos(key), "'" + key + "' must be one of " + list + " (got '" + *value + "')" +
                                  did_you_mean(*value, choices));
}

// qr_codes: none, resources, online, or a list of resources and online.
void read_qr_codes(yaml::MapReader& m, LayoutConfig& out) {
  const auto kinds = m.text_list("qr_codes", true);
  if (!kinds) return;
  const std::vector<std::string> choices{"none", "resources", "online"};
  for (const auto& kind : *kinds) {
    if (kind == "resources") {
      out.qr_resources = true;
    } else if (kind == "online") {
      out.qr_online = true;
    } else if (kind != "none" || kinds->size() > 1) {
      m.diags().error(m.pos("qr_codes"), "'qr_codes' must be none, or one or both of resources and online (got '" +
                                             kind + "')" + did_you_mean(kind, choices));
    }
  }
}

// assistance_taglines: all (the default), none, or how many (the handout's own language first).
void read_assistance_taglines(yaml::MapReader& m, LayoutConfig& out) {
  auto node = m.child("assistance_taglines");
  if (!node.IsDefined() || node.IsNull()) return;
  if (node.IsScalar() && (node.Scalar() == "all" || node.Scalar() == "none")) {
    out.assistance_taglines = node.Scalar() == "all" ? -1 : 0;
    return;
  }
  if (auto v = m.integer("assistance_taglines", 1, 100)) out.assistance_taglines = *v;
}

// The fewest body lines a page or column must have room for: fewer and text would be cut
// into slivers, or (with no room at all) pushed off the page.
constexpr int kMinBodyLines = 4;

// Checks that each frame text flows into has room for a few body lines once the header band,
// title, running header and footer are taken (the footer's size is estimated: its note is the
// clinic's). The build also proves every block landed inside the page; this catches a layout
// that could never work, at the layout's own line.
void check_room(yaml::MapReader& m, const LayoutConfig& l) {
  // Point at the first of the keys that decide the room (the map's own position when none is given).
  const SourcePos map = m.pos("");
  SourcePos at{m.file(), std::max(1, map.line), std::max(1, map.col)};
  for (const char* key : {"page_size", "header_band", "margin_top", "margin_bottom", "body_size", "columns"}) {
    const SourcePos p = m.pos(key);
    if (p.line != map.line || p.col != map.col) {
      at = p;
      break;
    }
  }
  const double line = l.body_size * l.body_leading;
  const double footer = std::max(l.margin_bottom, 12 + 4 * l.footer_size * 1.3);
  const double title = 24 + l.title_size * 1.25 * 2 + l.paragraph_gap * 1.5;
  const double first = l.trifold ? l.page_height - l.margin_top - l.margin_bottom
                                 : l.page_height - l.header_band - title - footer;
  const double later = l.trifold ? first : l.page_height - l.margin_top - 8 - footer;
  char msg[300];
  const double room = std::min(first, later) / line;
  if (room < kMinBodyLines) {
    std::snprintf(msg, sizeof msg,
                  "this layout leaves room for %.1f lines of body text on a page (page height %g pt, margins %g and "
                  "%g pt, header band %g pt); at least %d are needed",
                  std::max(0.0, room), l.page_height, l.margin_top, l.margin_bottom, l.header_band, kMinBodyLines);
    return m.diags().error(at, msg);
  }
  const double content = l.trifold ? l.page_width / 3 - l.margin_left - l.margin_right
                                   : l.page_width - l.margin_left - l.margin_right;
  const double column = (content - (l.columns - 1) * l.column_gap) / l.columns;
  if (column < 10 * l.body_size) {
    std::snprintf(msg, sizeof msg,
                  "a column of this layout is %.0f pt wide, too narrow for %g pt body text (at least %.0f pt, about "
                  "20 letters, are needed)",
                  column, l.body_size, 10 * l.body_size);
    m.diags().error(at, msg);
  }
}

}  // namespace

bool parse_layout(const std::string& text, const std::string& path, LayoutConfig& out,
                  Diagnostics& diags) {
  const auto errors_before = diags.error_count();
  YAML::Node root;
  if (!yaml::parse(text, path, 0, root, diags)) return false;
  yaml::MapReader m(root, path, 0, "layout", diags);
  if (!m.ok()) return false;
  read_page_size(m, out);
  auto set = [&](const char* key, double& field, double min, double max) {
    if (auto v = m.number(key, min, max)) field = *v;
  };
  set("margin_top", out.margin_top, 18, 200);
  set("margin_bottom", out.margin_bottom, 18, 200);
  set("margin_left", out.margin_left, 18, 200);
  set("margin_right", out.margin_right, 18, 200);
  set("body_size", out.body_size, 8, 32);
  set("min_body_size", out.min_body_size, 8, 32);
  set("body_leading", out.body_leading, 1.1, 2.5);
  read_heading_sizes(m, out);
  set("title_size", out.title_size, 12, 72);
  set("summary_size", out.summary_size, 10, 36);
  set("paragraph_gap", out.paragraph_gap, 0, 48);
  set("header_band", out.header_band, 48, 200);
  set("footer_size", out.footer_size, 7, 24);
  if (auto v = m.integer("min_lines", 1, 5)) out.min_lines = *v;
  read_choice(m, "align", {"ragged", "justify"}, [&](int i) { out.justify = i == 1; });
  read_choice(m, "line_breaking", {"total-fit", "first-fit"}, [&](int i) { out.total_fit = i == 0; });
  read_choice(m, "format", {"pages", "trifold"}, [&](int i) { out.trifold = i == 1; });
  read_choice(m, "orientation", {"portrait", "landscape"}, [&](int i) { out.landscape = i == 1; });
  if (auto v = m.boolean("hyphenate")) out.hyphenate = *v;
  if (auto v = m.integer("columns", 1, 2)) out.columns = *v;
  set("column_gap", out.column_gap, 6, 72);
  set("min_text_size", out.min_text_size, 0, 32);
  if (auto v = m.boolean("avoid_italics")) out.avoid_italics = *v;
  if (auto v = m.boolean("high_contrast")) out.high_contrast = *v;
  read_qr_codes(m, out);
  read_assistance_taglines(m, out);
  if (out.min_body_size > out.body_size)
    diags.error(m.pos("min_body_size"), "min_body_size must not be larger than body_size");
  if (out.landscape && out.page_width < out.page_height) std::swap(out.page_width, out.page_height);
  if (out.page_width - out.margin_left - out.margin_right < 144)
    diags.error(path, 0, 0, "layout leaves less than 2 inches for text between the margins");
  else if (diags.error_count() == errors_before)
    check_room(m, out);
  m.finish();
  return diags.error_count() == errors_before;
}

std::vector<std::string> available_layouts(const std::vector<std::string>& dirs) {
  std::vector<std::string> names;
  for (const auto& dir : dirs) {
    DIR* d = ::opendir(join_path(dir, "layouts").c_str());
    if (!d) continue;
    while (auto* entry = ::readdir(d)) {
      std::string file = entry->d_name;
      if (file.size() > 5 && file.ends_with(".yaml")) names.push_back(file.substr(0, file.size() - 5));
    }
    ::closedir(d);
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

bool load_layout(const std::vector<std::string>& dirs, const std::string& name, const SourcePos& at,
                 LayoutConfig& out, Diagnostics& diags) {
  std::string tried;
  for (const auto& dir : dirs) {
    auto path = join_path(dir, "layouts/" + name + ".yaml");
    std::string text;
    if (name.find('/') == std::string::npos && is_file(path)) {
      out.name = name;
      return read_input_file(path, "layout", kDefaultMaxInputBytes, text, diags) &&
             parse_layout(text, path, out, diags);
    }
    tried += (tried.empty() ? "'" : ", '") + path + "'";
  }
  auto names = available_layouts(dirs);
  std::string list;
  for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
  diags.error(at, "unknown layout '" + name + "' (tried " + tried + "; available: " + list + ")" +
                      did_you_mean(name, names));
  return false;
}

}  // namespace handout
