#include "layout/layout_graph.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>

namespace leaktrace {

LayoutGraph::LayoutGraph(std::uint32_t node_count, std::span<const LayoutEdge> edges) {
  if (node_count == std::numeric_limits<std::uint32_t>::max()) {
    throw std::invalid_argument("layout graph: too many nodes (at most 4294967294)");
  }
  std::vector<std::uint64_t> counts(node_count + 1, 0);
  for (std::size_t e = 0; e < edges.size(); ++e) {
    const LayoutEdge& edge = edges[e];
    if (edge.source >= node_count || edge.target >= node_count) {
      throw std::invalid_argument("layout graph: edge " + std::to_string(e) + " (" + std::to_string(edge.source) +
                                  ", " + std::to_string(edge.target) + ") names a node outside 0.." +
                                  std::to_string(node_count == 0 ? 0 : node_count - 1) +
                                  ": number the nodes densely from 0 and pass their count");
    }
    if (!(edge.weight >= 0) || !std::isfinite(edge.weight)) {
      throw std::invalid_argument("layout graph: edge " + std::to_string(e) +
                                  " has a negative or non-finite weight; weights are interaction counts (>= 0)");
    }
    if (edge.source == edge.target) continue;
    ++counts[edge.source + 1];
    ++counts[edge.target + 1];
  }
  std::partial_sum(counts.begin(), counts.end(), counts.begin());
  std::vector<std::uint32_t> raw_neighbours(counts.back());
  std::vector<float> raw_weights(counts.back());
  std::vector<std::uint64_t> fill(counts.begin(), counts.end() - 1);
  for (const LayoutEdge& edge : edges) {
    if (edge.source == edge.target) continue;
    raw_neighbours[fill[edge.source]] = edge.target;
    raw_weights[fill[edge.source]++] = edge.weight;
    raw_neighbours[fill[edge.target]] = edge.source;
    raw_weights[fill[edge.target]++] = edge.weight;
  }

  // Sort each adjacency by neighbour and merge parallel edges.
  offsets_.assign(node_count + 1, 0);
  neighbours_.reserve(raw_neighbours.size());
  weights_.reserve(raw_neighbours.size());
  std::vector<std::pair<std::uint32_t, float>> row;
  for (std::uint32_t v = 0; v < node_count; ++v) {
    row.clear();
    for (std::uint64_t k = counts[v]; k < counts[v + 1]; ++k) row.emplace_back(raw_neighbours[k], raw_weights[k]);
    std::sort(row.begin(), row.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (std::size_t k = 0; k < row.size(); ++k) {
      if (k > 0 && row[k].first == row[k - 1].first) {
        weights_.back() += row[k].second;
        continue;
      }
      neighbours_.push_back(row[k].first);
      weights_.push_back(row[k].second);
    }
    offsets_[v + 1] = neighbours_.size();
  }
  neighbours_.shrink_to_fit();
  weights_.shrink_to_fit();
}

void LayoutGraph::set_sizes(std::vector<double> sizes) {
  if (sizes.size() != node_count()) {
    throw std::invalid_argument("layout graph: " + std::to_string(sizes.size()) + " sizes for " +
                                std::to_string(node_count()) + " nodes; give one size per node");
  }
  for (double size : sizes) {
    if (!(size >= 0) || !std::isfinite(size)) {
      throw std::invalid_argument("layout graph: node sizes must be finite and non-negative");
    }
  }
  sizes_ = std::move(sizes);
}

LayoutGraph LayoutGraph::induced(std::span<const std::uint32_t> nodes) const {
  constexpr std::uint32_t absent = std::numeric_limits<std::uint32_t>::max();
  std::vector<std::uint32_t> new_index(node_count(), absent);
  for (std::uint32_t i = 0; i < nodes.size(); ++i) {
    if (nodes[i] >= node_count()) throw std::invalid_argument("layout graph: induced subgraph names a node outside the graph");
    new_index[nodes[i]] = i;
  }
  std::vector<LayoutEdge> edges;
  for (std::uint32_t i = 0; i < nodes.size(); ++i) {
    auto adjacent = neighbours(nodes[i]);
    auto weight = weights(nodes[i]);
    for (std::size_t k = 0; k < adjacent.size(); ++k) {
      const std::uint32_t j = new_index[adjacent[k]];
      if (j != absent && i < j) edges.push_back({i, j, weight[k]});
    }
  }
  LayoutGraph result(static_cast<std::uint32_t>(nodes.size()), edges);
  if (has_sizes()) {
    std::vector<double> sizes(nodes.size());
    for (std::size_t i = 0; i < nodes.size(); ++i) sizes[i] = sizes_[nodes[i]];
    result.set_sizes(std::move(sizes));
  }
  return result;
}

}  // namespace leaktrace
