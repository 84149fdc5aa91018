// What surrounds the body on each page: header band, running header, footer.
#pragma once
#include <optional>
#include <string>

#include "assets/image.h"
#include "config/types.h"
#include "layout/frame.h"
#include "style/style.h"

namespace handout {

/// Page 1's band: logo, clinic name and tagline, and the clinic's phone and website. Long names
/// and taglines wrap; the band grows to hold them. Returns the band's height.
double add_header_band(PageFrame& page, const Style& style, const FontSet& fonts,
                       const ClinicInfo& clinic, const std::optional<ImageInfo>& logo);
/// The slim header of later pages: clinic name and article title.
void add_running_header(PageFrame& page, const Style& style, const FontSet& fonts, const ClinicInfo& clinic,
                        const std::string& title);
/// The footer of every page, built from the bottom edge up: the optional note, the contact
/// line (phone · email · website) and the page label ("Page 2 of 3"); long lines wrap.
/// Returns the y of its top rule, so the body can stop above it.
double add_footer(PageFrame& page, const Style& style, const FontSet& fonts,
                  const ClinicInfo& clinic, const std::string& note, const std::string& page_label);

/// Shortens text with an ellipsis so it fits `width`.
std::string fit_text(const std::string& text, const TextStyle& style, const FontSet& fonts, double width,
                     const Script& script);

}  // namespace handout
