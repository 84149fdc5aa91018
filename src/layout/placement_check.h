// Proof that pagination lost nothing: every block of the flow sits on a page, inside its frame,
// and every item inside the page box. Missing patient text is worse than a failed build, so a
// layout that cannot hold its content fails the handout, naming what did not fit.
#pragma once
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "layout/compose.h"
#include "layout/flow.h"

namespace handout {

/// Every non-gap box of `flow` placed exactly once, each inside the frame it was placed in
/// (frames[i] in areas[i]). False with an error per block that does not fit.
bool check_frames(const Flow& flow, const std::vector<std::vector<PlacedBox>>& frames,
                  const std::vector<FrameArea>& areas, const std::string& file, Diagnostics& diags);

/// Every text, image and QR code of every page at least `safe_edge` points inside the sheet's
/// edges, where office printers print (tints and rules may bleed). False with an error naming
/// the first item outside each page.
bool check_inside_pages(const PagedDocument& doc, const std::string& file, Diagnostics& diags, double safe_edge);

/// Every glyph drawn is a real glyph, not the font's .notdef box. Each character drawn as a box
/// is listed once (U+XXXX), or only counted in a patient's copy (`personal`: its text may be
/// theirs); an error unless `boxes_allowed` (config missing_glyphs: warn), then a warning.
/// Returns false when it reported an error.
bool check_no_boxes(const PagedDocument& doc, const std::string& file, bool boxes_allowed, bool personal,
                    Diagnostics& diags);

/// A few words that identify a box for a message ("'Huge Association'", "a figure").
std::string describe_box(const FlowBox& box);

}  // namespace handout
