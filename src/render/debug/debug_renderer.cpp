#include "render/debug/debug_renderer.h"

#include <cmath>
#include <cstdio>

namespace handout {
namespace {

std::string num(double v) {
  char buf[32];
  double r = std::round(v * 10) / 10;
  if (r == 0) r = 0;  // no "-0"
  std::snprintf(buf, sizeof buf, "%g", r);
  return buf;
}

std::string hex(Color c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%02X%02X%02X", c.r, c.g, c.b);
  return buf;
}

std::string font_name(const FontSet& fonts, FontId id) {
  const auto& path = fonts.face(id).path();
  auto slash = path.rfind('/');
  auto name = path.substr(slash == std::string::npos ? 0 : slash + 1);
  return name.ends_with(".ttf") ? name.substr(0, name.size() - 4) : name;
}

std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\\\"") : std::string(1, c);
  return out + "\"";
}

struct ItemPrinter {
  const FontSet& fonts;
  std::string& out;
  void operator()(const TextItem& t) const {
    out += "  text " + num(t.x) + "," + num(t.baseline) + " w=" + num(t.width) + " " + font_name(fonts, t.font) +
           " " + num(t.size) + " " + hex(t.color) + " " + quoted(t.text) + "\n";
  }
  void operator()(const RectItem& r) const {
    out += "  rect " + num(r.x) + "," + num(r.y) + " " + num(r.w) + "x" + num(r.h);
    if (r.fill) out += " fill=" + hex(*r.fill);
    if (r.stroke) out += " stroke=" + hex(*r.stroke);
    if (r.radius > 0) out += " r=" + num(r.radius);
    out += "\n";
  }
  void operator()(const LineItem& l) const {
    out += "  line " + num(l.x1) + "," + num(l.y1) + " -> " + num(l.x2) + "," + num(l.y2) + " " + hex(l.color) +
           " w=" + num(l.width) + "\n";
  }
  void operator()(const ImageItem& i) const {
    auto slash = i.path.rfind('/');
    out += "  image " + num(i.x) + "," + num(i.y) + " " + num(i.w) + "x" + num(i.h) + " " +
           i.path.substr(slash == std::string::npos ? 0 : slash + 1) + "\n";
  }
  void operator()(const QrItem& q) const {
    out += "  qr " + num(q.x) + "," + num(q.y) + " " + num(q.w) + "x" + num(q.h) + " modules=" +
           std::to_string(q.symbol.modules) + " " + q.text + "\n";
  }
  void operator()(const LinkItem& l) const {
    out += "  link " + num(l.x) + "," + num(l.y) + " " + num(l.w) + "x" + num(l.h) + " " + l.uri + "\n";
  }
};

}  // namespace

std::string render_debug(const PagedDocument& doc, const FontSet& fonts) {
  std::string out = "document " + num(doc.width) + "x" + num(doc.height) + " pages=" +
                    std::to_string(doc.pages.size()) + " lang=" + doc.info.language + "\n";
  out += "  title " + quoted(doc.info.title) + "\n  author " + quoted(doc.info.author) + "\n";
  for (std::size_t p = 0; p < doc.pages.size(); ++p) {
    out += "page " + std::to_string(p + 1) + "\n";
    for (const auto& item : doc.pages[p].items) std::visit(ItemPrinter{fonts, out}, item);
  }
  out += "outline\n";
  for (const auto& e : doc.outline)
    out += "  " + std::string(e.level * 2 - 2, ' ') + quoted(e.title) + " page=" + std::to_string(e.page + 1) +
           " y=" + num(e.y) + "\n";
  return out;
}

}  // namespace handout
