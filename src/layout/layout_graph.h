#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace leaktrace {

struct LayoutEdge {
  std::uint32_t source = 0;
  std::uint32_t target = 0;
  float weight = 1;
};

// What a layout needs to know of a graph: n nodes and undirected weighted edges, in CSR form (each
// edge stored at both ends). Parallel edges are merged by adding their weights and self-loops are
// dropped, so degree() counts distinct neighbours. A node's mass is degree + 1, as in ForceAtlas2
// (Jacomy et al. 2014). Node sizes, when given, are radii in layout units (for overlap prevention).
class LayoutGraph {
 public:
  LayoutGraph() = default;
  LayoutGraph(std::uint32_t node_count, std::span<const LayoutEdge> edges);

  std::uint32_t node_count() const { return static_cast<std::uint32_t>(offsets_.size() - 1); }
  std::size_t edge_count() const { return neighbours_.size() / 2; }  // undirected, after merging

  std::span<const std::uint32_t> neighbours(std::uint32_t node) const {
    return {neighbours_.data() + offsets_[node], neighbours_.data() + offsets_[node + 1]};
  }
  std::span<const float> weights(std::uint32_t node) const {
    return {weights_.data() + offsets_[node], weights_.data() + offsets_[node + 1]};
  }
  std::uint32_t degree(std::uint32_t node) const {
    return static_cast<std::uint32_t>(offsets_[node + 1] - offsets_[node]);
  }
  double mass(std::uint32_t node) const { return degree(node) + 1.0; }

  // Radii, one per node, finite and non-negative; throws std::invalid_argument otherwise.
  void set_sizes(std::vector<double> sizes);
  bool has_sizes() const { return !sizes_.empty(); }
  std::span<const double> sizes() const { return sizes_; }

  std::span<const std::uint64_t> offsets() const { return offsets_; }
  std::span<const std::uint32_t> neighbour_array() const { return neighbours_; }
  std::span<const float> weight_array() const { return weights_; }

  // The subgraph induced by `nodes` (given in the new order): node i of the result is nodes[i].
  LayoutGraph induced(std::span<const std::uint32_t> nodes) const;

 private:
  std::vector<std::uint64_t> offsets_{0};
  std::vector<std::uint32_t> neighbours_;
  std::vector<float> weights_;
  std::vector<double> sizes_;
};

}  // namespace leaktrace
