// What surrounds the body on each page: header band, running header, footer.
#pragma once
#include <optional>
#include <string>

#include "assets/image.h"
#include "config/types.h"
#include "layout/frame.h"
#include "layout/structure.h"
#include "style/style.h"

namespace handout {

/// Furniture set once per handout and copied onto each page that shows it.
struct SetFurniture {
  PageFrame frame;  ///< its items, in page coordinates
  double edge = 0;  ///< how far it reaches: a header's bottom (where content may start), a footer's top rule
  /// set_footer: the clinic's note did not fit the footer's lines; the body carries it once.
  bool note_left_out = false;
};

/// Page 1's band: logo, clinic name and tagline, and the clinic's phone and website. Long names
/// and taglines wrap; the band grows to hold them.
SetFurniture set_header_band(const Style& style, const FontSet& fonts, const PrintedClinic& clinic,
                             const std::optional<ImageInfo>& logo);
/// The slim header of later pages: clinic name and article title, and a rule.
SetFurniture set_running_header(const Style& style, const FontSet& fonts, const PrintedClinic& clinic,
                                const std::string& title);
/// The footer of every page but its page label, built from the bottom edge up: the optional
/// note and the contact line (phone · email · website), leaving room at the right for
/// `widest_label`, the longest page label the handout may have. The footer never takes more
/// than FurnitureStyle::footer_lines lines on every page: the contact line keeps the parts
/// that fit (the phone always; the contact section has them all), and a note that does not fit
/// is left out (note_left_out) for the body to carry once.
SetFurniture set_footer(const Style& style, const FontSet& fonts, const PrintedClinic& clinic,
                        const std::string& widest_label);
/// The page label ("Page 2 of 3") at the footer's baseline, right-aligned.
void add_page_label(PageFrame& page, const Style& style, const FontSet& fonts, const std::string& label);
/// The logo among furniture items becomes a Figure of `tree` described by `alt` (the rest of
/// the furniture is an artifact a screen reader skips).
void tag_logo(std::vector<Item>& items, const std::string& alt, Structure& tree);
/// The logo's description: the strings' `logo_alt` ("{clinic} logo"), else the clinic's name.
std::string logo_description(const Strings& strings, const PrintedClinic& clinic);
/// Copies furniture onto a page.
void add_furniture(PageFrame& page, const SetFurniture& furniture);

/// Shortens text with an ellipsis so it fits `width`.
std::string fit_text(const std::string& text, const TextStyle& style, const FontSet& fonts, double width,
                     const Script& script);

}  // namespace handout
