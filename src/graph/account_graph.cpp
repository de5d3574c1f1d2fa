#include "graph/account_graph.h"

#include <algorithm>
#include <numeric>
#include <stdexcept>

#include <fmt/format.h>

namespace leaktrace {
namespace {

// Sorts (a, b) pairs with their weights and merges equal pairs, summing weights.
WeightedEdges merge_pairs(std::uint32_t node_count, std::vector<std::pair<std::uint64_t, double>>& pairs) {
  std::sort(pairs.begin(), pairs.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
  WeightedEdges out;
  out.node_count = node_count;
  for (std::size_t i = 0; i < pairs.size();) {
    std::size_t j = i;
    double weight = 0;
    while (j < pairs.size() && pairs[j].first == pairs[i].first) weight += pairs[j++].second;
    out.from.push_back(static_cast<std::uint32_t>(pairs[i].first >> 32));
    out.to.push_back(static_cast<std::uint32_t>(pairs[i].first));
    out.weight.push_back(weight);
    i = j;
  }
  return out;
}

}  // namespace

double WeightedEdges::total_weight() const { return std::accumulate(weight.begin(), weight.end(), 0.0); }

AccountGraph AccountGraph::assemble(std::vector<GraphNode> nodes, std::vector<GraphEdge> edges,
                                    std::vector<NodeAttribute> attributes,
                                    std::vector<std::uint32_t> account_nodes) {
  AccountGraph graph;
  graph.nodes_ = std::move(nodes);
  const auto n = static_cast<std::uint32_t>(graph.nodes_.size());
  for (const GraphEdge& e : edges) {
    if (e.source >= n || e.target >= n) {
      throw std::invalid_argument(fmt::format("edge {} -> {} names a node that is not in the graph of {} nodes",
                                              e.source, e.target, n));
    }
  }
  std::erase_if(edges, [](const GraphEdge& e) { return e.source == e.target; });
  std::sort(edges.begin(), edges.end(), [](const GraphEdge& a, const GraphEdge& b) {
    if (a.source != b.source) return a.source < b.source;
    if (a.target != b.target) return a.target < b.target;
    if (a.type != b.type) return a.type < b.type;
    return a.first < b.first;
  });
  for (const GraphEdge& e : edges) {
    if (!graph.edges_.empty()) {
      GraphEdge& last = graph.edges_.back();
      if (last.source == e.source && last.target == e.target && last.type == e.type) {
        last.weight += e.weight;
        last.first = std::min(last.first, e.first);
        last.last = std::max(last.last, e.last);
        continue;
      }
    }
    graph.edges_.push_back(e);
  }
  graph.out_offsets_.assign(n + 1, 0);
  graph.in_offsets_.assign(n + 1, 0);
  for (const GraphEdge& e : graph.edges_) {
    ++graph.out_offsets_[e.source + 1];
    ++graph.in_offsets_[e.target + 1];
  }
  for (std::uint32_t i = 0; i < n; ++i) {
    graph.out_offsets_[i + 1] += graph.out_offsets_[i];
    graph.in_offsets_[i + 1] += graph.in_offsets_[i];
  }
  graph.in_edge_index_.resize(graph.edges_.size());
  std::vector<std::uint32_t> next(graph.in_offsets_.begin(), graph.in_offsets_.end() - 1);
  for (std::uint32_t i = 0; i < graph.edges_.size(); ++i) graph.in_edge_index_[next[graph.edges_[i].target]++] = i;

  for (NodeAttribute& attribute : attributes) attribute.values.resize(n);
  graph.attributes_ = std::move(attributes);

  graph.account_nodes_ = std::move(account_nodes);
  if (!graph.account_nodes_.empty()) return graph;
  std::uint32_t max_account = 0;
  bool any = false;
  for (const GraphNode& node : graph.nodes_) {
    if (node.account != no_index) {
      max_account = std::max(max_account, node.account);
      any = true;
    }
  }
  if (any) {
    graph.account_nodes_.assign(static_cast<std::size_t>(max_account) + 1, no_index);
    for (std::uint32_t i = 0; i < n; ++i) {
      if (graph.nodes_[i].account != no_index && graph.account_nodes_[graph.nodes_[i].account] == no_index) {
        graph.account_nodes_[graph.nodes_[i].account] = i;
      }
    }
  }
  return graph;
}

const NodeAttribute* AccountGraph::attribute(std::string_view name) const {
  for (const NodeAttribute& attribute : attributes_) {
    if (attribute.name == name) return &attribute;
  }
  return nullptr;
}

std::uint32_t AccountGraph::node_of_account(std::uint32_t account) const {
  return account < account_nodes_.size() ? account_nodes_[account] : no_index;
}

WeightedEdges AccountGraph::directed(InteractionTypes types) const {
  std::vector<std::pair<std::uint64_t, double>> pairs;
  pairs.reserve(edges_.size());
  for (const GraphEdge& e : edges_) {
    if (types.contains(e.type)) pairs.emplace_back((std::uint64_t{e.source} << 32) | e.target, e.weight);
  }
  return merge_pairs(node_count(), pairs);
}

WeightedEdges AccountGraph::undirected(InteractionTypes types) const {
  std::vector<std::pair<std::uint64_t, double>> pairs;
  pairs.reserve(edges_.size());
  for (const GraphEdge& e : edges_) {
    if (!types.contains(e.type)) continue;
    std::uint32_t a = std::min(e.source, e.target);
    std::uint32_t b = std::max(e.source, e.target);
    pairs.emplace_back((std::uint64_t{a} << 32) | b, e.weight);
  }
  return merge_pairs(node_count(), pairs);
}

}  // namespace leaktrace
