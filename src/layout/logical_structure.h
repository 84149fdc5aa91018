// What a PDF says about a handout beyond its pages: its information (title, language) and its
// logical structure for tagged PDF. Plain C++17 data, shared by layout and the PDF writer's
// qpdf step (whose headers build only as C++17).
#pragma once
#include <string>
#include <vector>

namespace handout {

/// Document information written into the PDF.
struct DocumentInfo {
  std::string title, author, subject, keywords, creator, language;
};

/// One element of the document's logical structure (tagged PDF): a standard structure type
/// ("Document", "H1", "P", "L", "LI", "Lbl", "LBody", "Link", "Figure", ...).
struct StructElement {
  std::string role;
  int parent = -1;
  std::vector<int> kids;  ///< child elements in reading order
  std::string alt;        ///< Figure: the image's description
  std::string lang;       ///< when it differs from the document's
  int order = 0;          ///< among its parent's content, for an element inside text (Link)
  std::string scope;      ///< TH: the cells it heads, "Column" or "Row" (/Scope in its /A)
};

}  // namespace handout
