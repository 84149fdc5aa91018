// The document's logical structure for tagged PDF, built in reading order while the flow is
// built, and the tags that tie page items to it.
#pragma once
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "layout/frame.h"

namespace handout {

/// Builds the structure tree: elements are opened and closed as blocks are laid out, so the
/// tree's order is the article's order whatever page or panel its content lands on.
class Structure {
 public:
  Structure();  // element 0: Document, open
  /// A new child of the open element, itself opened; returns its index.
  int open(const std::string& role);
  /// A new child of `parent`, not opened.
  int add(int parent, const std::string& role);
  void close();
  int current() const { return open_.back(); }
  StructElement& at(int element) { return elements_[element]; }
  /// Marks the text runs of `items` (and their links) as content of `element`; a run set from a
  /// link span gets a Link element of its own inside `element`, shared by the link's runs.
  void tag(std::vector<Item>& items, int element);
  /// Marks every item as an artifact of `kind`.
  static void artifact(std::vector<Item>& items, Artifact kind);
  std::vector<StructElement> take() { return std::move(elements_); }

 private:
  std::vector<StructElement> elements_;
  std::vector<int> open_;
  std::map<std::pair<int, int>, int> links_;  // (element, span) -> its Link element
};

}  // namespace handout
