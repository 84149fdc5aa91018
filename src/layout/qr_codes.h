// QR codes in the flow: a code beside the text that prints the same address.
#pragma once
#include <optional>
#include <string>

#include "layout/frame.h"
#include "style/style.h"

namespace handout {

/// A QR code holding `uri`, its top-left corner at (x, y), in the style's module size and
/// colours, tagged as an artifact (the address is printed beside it). Empty when `uri` is
/// empty or too long for a QR code.
std::optional<QrItem> qr_code_item(const std::string& uri, const QrStyle& style, double x = 0, double y = 0);

/// The room a code leaves for the text beside it in a column `width` wide (quiet zone and gap
/// taken off). The column keeps its width when no code is drawn.
double width_beside(const std::optional<QrItem>& code, const QrStyle& style, double width);

}  // namespace handout
