#include "layout/placement_check.h"

#include <algorithm>
#include <cstdio>
#include <set>

#include "util/utf8.h"

namespace handout {
namespace {

constexpr double kTolerance = 0.5;  // points: rounding in line heights

std::string quoted_start(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size() && out.size() < 60; ++i) out += text[i];
  while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();  // whole letters
  if (!out.empty() && (static_cast<unsigned char>(out.back()) & 0x80)) out.pop_back();
  return "'" + out + (out.size() < text.size() ? "…'" : "'");
}

}  // namespace

bool check_no_boxes(const PagedDocument& doc, const std::string& file, bool boxes_allowed, bool personal,
                    Diagnostics& diags) {
  std::set<char32_t> missing;
  for (const auto& page : doc.pages)
    for (const auto& item : page.items)
      if (const auto* t = std::get_if<TextItem>(&item))
        for (std::size_t i = 0; i < t->glyphs.size(); ++i) {
          if (t->glyphs[i].id != 0) continue;
          const std::size_t start = t->glyphs[i].cluster;
          std::size_t end = t->text.size();
          for (const auto& g : t->glyphs)
            if (g.cluster > start) end = std::min<std::size_t>(end, g.cluster);
          for (char32_t c : utf8_decode(std::string_view(t->text).substr(start, end - start))) missing.insert(c);
        }
  if (missing.empty()) return true;
  std::string list;
  for (char32_t c : missing) {
    char code[16];
    std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(c));
    list += (list.empty() ? "" : ", ") + std::string(code) + " '" + utf8_encode(std::u32string(1, c)) + "'";
  }
  const std::string message =
      std::to_string(missing.size()) + (missing.size() == 1 ? " character" : " characters") +
      " would print as empty boxes: " +
      (personal ? "not listed, this is a patient's copy (a build without --patients lists the article's)"
                : "no font covers " + list);
  if (boxes_allowed) {
    diags.warning(file, 0, 0, message + " (allowed by missing_glyphs: warn)");
    return true;
  }
  diags.error(file, 0, 0, message + "; add a font that has them to brand.fonts.fallback, or set missing_glyphs: warn");
  return false;
}

std::string describe_box(const FlowBox& box) {
  std::string text;
  bool image = false;
  for (const auto& item : box.items) {
    if (const auto* t = std::get_if<TextItem>(&item)) text += (text.empty() ? "" : " ") + t->text;
    image = image || std::holds_alternative<ImageItem>(item);
  }
  if (!text.empty()) return quoted_start(text);
  return image ? "a figure" : "a block";
}

bool check_frames(const Flow& flow, const std::vector<std::vector<PlacedBox>>& frames,
                  const std::vector<FrameArea>& areas, const std::string& file, Diagnostics& diags) {
  std::vector<int> placed(flow.boxes.size(), 0);
  bool ok = true;
  for (std::size_t f = 0; f < frames.size(); ++f) {
    for (const auto& p : frames[f]) {
      if (!p.repeated) ++placed[p.box];  // a table's header drawn again is a copy, not the row
      const FlowBox& box = flow.boxes[p.box];
      if (p.y + box.height <= areas[f].h + kTolerance) continue;
      char size[160];
      std::snprintf(size, sizeof size, " does not fit on a page: it is %.0f pt tall and a page has room for %.0f pt",
                    box.height, areas[f].h);
      diags.error(file, 0, 0, describe_box(box) + size);
      ok = false;
    }
  }
  for (std::size_t b = 0; b < flow.boxes.size(); ++b) {
    if (flow.boxes[b].is_gap || flow.boxes[b].repeat_only || placed[b] == 1) continue;
    if (flow.boxes[b].container_top && placed[b] == 0) continue;  // drawn by its container's background
    diags.error(file, 0, 0, describe_box(flow.boxes[b]) + (placed[b] ? " was placed twice" : " was not placed on any page"));
    ok = false;
  }
  return ok;
}

bool check_inside_pages(const PagedDocument& doc, const std::string& file, Diagnostics& diags, double safe_edge) {
  bool ok = true;
  for (std::size_t p = 0; p < doc.pages.size(); ++p) {
    for (const auto& item : doc.pages[p].items) {
      double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
      std::string what;
      if (const auto* t = std::get_if<TextItem>(&item)) {
        // A line's ink: from about its capitals' height above the baseline to its descenders.
        x0 = t->x, x1 = t->x + t->width, y0 = t->baseline - 0.72 * t->size, y1 = t->baseline + 0.22 * t->size;
        what = quoted_start(t->text);
      } else if (const auto* i = std::get_if<ImageItem>(&item)) {
        x0 = i->x, x1 = i->x + i->w, y0 = i->y, y1 = i->y + i->h, what = "an image";
      } else if (const auto* q = std::get_if<QrItem>(&item)) {
        x0 = q->x, x1 = q->x + q->w, y0 = q->y, y1 = q->y + q->h, what = "a QR code";  // cut, it would not scan
      } else {
        continue;  // rules and tints may bleed off the edge by design
      }
      if (x0 >= -kTolerance && y0 >= -kTolerance && x1 <= doc.width + kTolerance && y1 <= doc.height + kTolerance) {
        const double e = safe_edge - kTolerance;
        if (x0 >= e && y0 >= e && x1 <= doc.width - e && y1 <= doc.height - e) continue;
        char inches[32];
        std::snprintf(inches, sizeof inches, "%.2g in", safe_edge / 72);
        diags.error(file, 0, 0,
                    "page " + std::to_string(p + 1) + ": " + what + " lies within " + inches +
                        " of the sheet's edge, where printers may cut it off; widen the layout's margins");
      } else {
        diags.error(file, 0, 0, "page " + std::to_string(p + 1) + ": " + what + " lies outside the page");
      }
      ok = false;
      break;
    }
  }
  return ok;
}

}  // namespace handout
