// Tagged PDF (PDF/UA-1): the structure tree, its parent tree, link annotations tied to their
// Link elements, document metadata (XMP) and the catalog's accessibility entries. The page
// content is marked by the renderer (pdf_renderer: one marked-content sequence per item, with
// an MCID for content and /Artifact for furniture); this step, run on the drawn document,
// adds the objects that point at it (through pdf_objects.h).
#pragma once
#include <string>
#include <vector>

#include "layout/logical_structure.h"
#include "render/pdf/pdf_objects.h"

namespace handout {

/// What the renderer marked: per page, the MCIDs in the order written, with their elements.
struct MarkedPages {
  struct Content {
    int element = 0;
    int order = 0;  ///< logical position among the element's content
  };
  struct Link {
    int page = 0;
    pdf::Dict annotation;
    int element = 0, order = 0;
    std::string description;  ///< /Contents: where the link goes
  };
  std::vector<std::vector<Content>> pages;  ///< pages[p][mcid]
  std::vector<Link> links;
};

/// Adds the structure tree for `structure` and `marked` to `pdf`, with MarkInfo, the XMP
/// metadata of `info` (title, language, PDF/UA identification) and /Tabs /S on every page of
/// `pages` (the document's, in order). False when an object could not be written:
/// `pdf.failure()` says which and why.
bool add_structure(pdf::Document& pdf, const std::vector<pdf::Page>& pages, const std::vector<StructElement>& structure,
                   const MarkedPages& marked, const DocumentInfo& info);

}  // namespace handout
