// The whole handout: flow the body, cut it into pages, add the page furniture.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "assets/image_info.h"
#include "config/types.h"
#include "content/document.h"
#include "diag/diagnostic.h"
#include "layout/flow.h"
#include "layout/frame.h"
#include "style/style.h"

namespace handout {

/// Everything one handout is made from.
struct HandoutInput {
  const ClinicConfig* config = nullptr;
  const LayoutConfig* layout = nullptr;
  const Strings* strings = nullptr;
  const ArticleMeta* meta = nullptr;
  const Document* body = nullptr;
  std::string intro;               ///< lead-in sentence of the resources box
  std::vector<Resource> resources; ///< the article's list, then the clinic's extras
  std::string lang;
  std::string article_file;        ///< for diagnostics
  std::optional<ImageInfo> logo;
  std::string creator;             ///< e.g. "handout 0.1.0"
};

/// The faces a handout uses.
struct HandoutFonts {
  const FontSet* set = nullptr;
  FamilyFaces body, headings;
};

/// Figures about the layout, for --stats and tests.
struct LayoutStats {
  int pages = 0;
  int lines = 0;
  int forced_breaks = 0;  ///< page breaks no rule allowed (content taller than a page)
};

/// The body flow of a handout (title block, article, resources, contact), before pagination.
Flow build_handout_flow(const HandoutInput& in, const Style& style, const HandoutFonts& fonts, Diagnostics& diags);

/// Lays out a handout. Never fails: problems become diagnostics.
PagedDocument layout_handout(const HandoutInput& in, const HandoutFonts& fonts, Diagnostics& diags,
                             LayoutStats* stats = nullptr);

}  // namespace handout
