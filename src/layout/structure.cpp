#include "layout/structure.h"

#include <algorithm>
#include <type_traits>
#include <utility>

namespace handout {

Structure::Structure() {
  StructElement document;
  document.role = "Document";
  elements_.push_back(std::move(document));
  open_.push_back(0);
}

int Structure::add(int parent, const std::string& role) {
  const int id = static_cast<int>(elements_.size());
  StructElement e;
  e.role = role;
  e.parent = parent;
  elements_.push_back(std::move(e));
  elements_[parent].kids.push_back(id);
  return id;
}

int Structure::open(const std::string& role) {
  const int id = add(current(), role);
  open_.push_back(id);
  return id;
}

void Structure::close() {
  if (open_.size() > 1) open_.pop_back();
}

void Structure::tag(std::vector<Item>& items, int element) {
  auto owner = [&](const Tag& t) {
    if (t.span < 0) return element;
    auto [it, added] = links_.try_emplace({element, t.span}, 0);
    if (added) {
      it->second = add(element, "Link");
      elements_[it->second].order = t.order;
    }
    auto& order = elements_[it->second].order;
    order = std::min(order, t.order);  // a link's runs come in visual order
    return it->second;
  };
  for (auto& item : items) {
    std::visit(
        [&](auto& it) {
          using T = std::decay_t<decltype(it)>;
          if constexpr (std::is_same_v<T, TextItem> || std::is_same_v<T, LinkItem>) it.tag.element = owner(it.tag);
        },
        item);
  }
}

void Structure::artifact(std::vector<Item>& items, Artifact kind) {
  for (auto& item : items)
    std::visit(
        [&](auto& it) {
          it.tag.element = -1;
          it.tag.artifact = kind;
        },
        item);
}

}  // namespace handout
