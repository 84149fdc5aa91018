// QR codes (ISO/IEC 18004) through libqrencode: the one place that knows it.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace handout {

/// A QR symbol: `modules` x `modules` squares, row by row from the top; 1 = dark.
/// The quiet zone is not included.
struct QrSymbol {
  int modules = 0;
  std::vector<std::uint8_t> dark;
  bool is_dark(int row, int column) const { return dark[static_cast<std::size_t>(row) * modules + column] != 0; }
};

/// Encodes `text` as 8-bit data with error correction level M (15% of the symbol can be lost:
/// a folded or creased handout still scans), in the smallest version that holds it.
/// Empty when it cannot be encoded (longer than version 40 holds).
std::optional<QrSymbol> encode_qr(const std::string& text);

}  // namespace handout
