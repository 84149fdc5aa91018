#include "layout/qr_codes.h"

namespace handout {

std::optional<QrItem> qr_code_item(const std::string& uri, const QrStyle& style, double x, double y) {
  auto symbol = encode_qr(uri);
  if (!symbol) return std::nullopt;
  QrItem item;
  item.quiet = style.quiet;
  item.w = item.h = (symbol->modules + 2 * style.quiet) * style.module;
  item.x = x, item.y = y;
  item.symbol = std::move(*symbol);
  item.text = uri;
  item.dark = style.dark, item.light = style.light;
  item.tag.artifact = Artifact::Layout;
  return item;
}

double width_beside(const std::optional<QrItem>& code, const QrStyle& style, double width) {
  return code ? width - code->w - style.gap : width;
}

}  // namespace handout
