#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "graph/interaction.h"
#include "model/time.h"
#include "workspace/dataset.h"

namespace leaktrace {

// Edges of one type between two nodes, merged: u -> v with weight w means u reposted (quoted,
// answered, mentioned, cited) v w times, the first time at `first`.
struct GraphEdge {
  std::uint32_t source = 0;
  std::uint32_t target = 0;
  InteractionType type = InteractionType::repost;
  float weight = 1;
  TimeMs first = unknown_time;
  TimeMs last = unknown_time;
};

struct GraphNode {
  std::string key;    // "twitter:25073877", "4chan:thread:pol/124245377", or a node id of an imported file
  std::string label;  // handle
  std::uint32_t account = no_index;  // index in the Dataset, when the node is one account of it
};

// A node attribute of an imported network (a Gephi "modularity_class", a club, a conference).
struct NodeAttribute {
  std::string name;
  std::vector<std::string> values;  // one per node, empty when the node has none
};

// Plain views the algorithms take: n nodes, edges as parallel arrays.
struct WeightedEdges {
  std::uint32_t node_count = 0;
  std::vector<std::uint32_t> from;
  std::vector<std::uint32_t> to;
  std::vector<double> weight;
  std::size_t size() const { return from.size(); }
  double total_weight() const;
};

// Accounts and what they did to each other: a directed multigraph with one merged edge per
// (source, target, type), in compressed sparse rows by source and by target.
class AccountGraph {
 public:
  AccountGraph() = default;
  // Merges edges of the same (source, target, type) and drops self-loops. Throws
  // std::invalid_argument when an edge names a node that is not there. `account_nodes` maps
  // Dataset accounts to nodes when several accounts share a node; else nodes' `account` does.
  static AccountGraph assemble(std::vector<GraphNode> nodes, std::vector<GraphEdge> edges,
                               std::vector<NodeAttribute> attributes = {},
                               std::vector<std::uint32_t> account_nodes = {});

  std::uint32_t node_count() const { return static_cast<std::uint32_t>(nodes_.size()); }
  const GraphNode& node(std::uint32_t index) const { return nodes_[index]; }
  const std::vector<GraphNode>& nodes() const { return nodes_; }
  const std::vector<GraphEdge>& edges() const { return edges_; }  // sorted by (source, target, type)
  std::span<const GraphEdge> out_edges(std::uint32_t node) const {
    return {edges_.data() + out_offsets_[node], edges_.data() + out_offsets_[node + 1]};
  }
  // Indices into edges() of the edges that point at `node`.
  std::span<const std::uint32_t> in_edges(std::uint32_t node) const {
    return {in_edge_index_.data() + in_offsets_[node], in_edge_index_.data() + in_offsets_[node + 1]};
  }
  const std::vector<NodeAttribute>& attributes() const { return attributes_; }
  const NodeAttribute* attribute(std::string_view name) const;
  // The node of a Dataset account (for an anonymous 4chan poster, its thread's), or no_index.
  std::uint32_t node_of_account(std::uint32_t account) const;

  // Edges of the given types merged per ordered pair (for PageRank, in-strength).
  WeightedEdges directed(InteractionTypes types = InteractionTypes::all()) const;
  // Edges of the given types merged per unordered pair (for Leiden, layout).
  WeightedEdges undirected(InteractionTypes types = InteractionTypes::all()) const;

 private:
  std::vector<GraphNode> nodes_;
  std::vector<GraphEdge> edges_;
  std::vector<std::uint32_t> out_offsets_{0};
  std::vector<std::uint32_t> in_offsets_{0};
  std::vector<std::uint32_t> in_edge_index_;
  std::vector<NodeAttribute> attributes_;
  std::vector<std::uint32_t> account_nodes_;  // by Dataset account index
};

}  // namespace leaktrace
