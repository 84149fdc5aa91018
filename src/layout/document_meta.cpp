#include "layout/document_meta.h"

#include <algorithm>

namespace handout {

DocumentInfo document_info(const HandoutInput& in) {
  DocumentInfo info;
  info.title = in.meta->title;
  info.author = in.clinic->info.name;
  info.subject = in.meta->summary;
  for (const auto& k : in.meta->keywords) info.keywords += (info.keywords.empty() ? "" : ", ") + k;
  info.creator = in.creator;
  info.language = in.lang;
  return info;
}

void normalise_outline(std::vector<OutlineEntry>& outline) {
  // Level 0 marks the handout's own sections (resources, contact), always top level.
  int top_level = 6;
  for (const auto& e : outline)
    if (e.level > 0) top_level = std::min(top_level, e.level);
  for (auto& e : outline) e.level = e.level == 0 ? 1 : e.level - top_level + 1;
}

}  // namespace handout
