#include "graph/cascade_tree.h"

#include <stdexcept>

#include <fmt/format.h>

namespace leaktrace {

void CascadeTree::check() const {
  if (nodes.empty()) throw std::invalid_argument(fmt::format("cascade {} has no node: a tree needs its root", id));
  if (nodes[0].parent != no_index) {
    throw std::invalid_argument(fmt::format("cascade {}: node 0 must be the root (parent no_index)", id));
  }
  for (std::size_t i = 1; i < nodes.size(); ++i) {
    if (nodes[i].parent >= i) {
      throw std::invalid_argument(fmt::format(
          "cascade {}: node {} has parent {}; every node's parent must come before it (order nodes from the "
          "root down, e.g. breadth-first)",
          id, i, nodes[i].parent == no_index ? std::string("none") : std::to_string(nodes[i].parent)));
    }
  }
}

}  // namespace leaktrace
