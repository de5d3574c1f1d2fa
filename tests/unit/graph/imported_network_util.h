#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "graph/imported_network.h"

namespace leaktrace::testing {

// The node with this key, for tests that state expectations by the file's ids.
inline std::uint32_t node_index(const AccountGraph& graph, std::string_view key) {
  for (std::uint32_t i = 0; i < graph.node_count(); ++i) {
    if (graph.node(i).key == key) return i;
  }
  return no_index;
}

inline std::optional<GraphEdge> find_edge(const AccountGraph& graph, std::string_view source, std::string_view target) {
  std::uint32_t s = node_index(graph, source);
  std::uint32_t t = node_index(graph, target);
  if (s == no_index || t == no_index) return std::nullopt;
  for (const GraphEdge& edge : graph.out_edges(s)) {
    if (edge.target == t) return edge;
  }
  return std::nullopt;
}

inline std::string attribute_value(const AccountGraph& graph, std::string_view name, std::string_view key) {
  const NodeAttribute* attribute = graph.attribute(name);
  std::uint32_t node = node_index(graph, key);
  if (!attribute || node == no_index) return "<none>";
  return attribute->values[node];
}

}  // namespace leaktrace::testing
