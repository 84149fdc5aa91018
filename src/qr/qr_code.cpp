#include "qr/qr_code.h"

#include <qrencode.h>

#include <memory>

namespace handout {

std::optional<QrSymbol> encode_qr(const std::string& text) {
  if (text.empty()) return std::nullopt;
  // 8-bit mode keeps a URL exactly as written (the alphanumeric mode would upper-case it).
  std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
      QRcode_encodeData(static_cast<int>(text.size()), reinterpret_cast<const unsigned char*>(text.data()), 0,
                        QR_ECLEVEL_M),
      &QRcode_free);
  if (!code || code->width <= 0) return std::nullopt;
  QrSymbol symbol;
  symbol.modules = code->width;
  const std::size_t n = static_cast<std::size_t>(code->width) * code->width;
  symbol.dark.resize(n);
  // Bit 0 of each byte is the module's colour; the other bits say what kind of module it is.
  for (std::size_t i = 0; i < n; ++i) symbol.dark[i] = code->data[i] & 1;
  return symbol;
}

}  // namespace handout
