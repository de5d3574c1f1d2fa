#include "graph/account_graph.h"

#include <algorithm>
#include <numeric>
#include <stdexcept>

#include <fmt/format.h>

namespace leaktrace {
namespace {

// Sorts (a, b) pairs with their weights and merges equal pairs, summing weights. Pairs come
// bucketed by a (a counting sort) and each bucket sorted by b, unless they are in order already.
WeightedEdges merge_pairs(std::uint32_t node_count, std::vector<std::pair<std::uint64_t, double>>& pairs) {
  auto by_key = [](const auto& x, const auto& y) { return x.first < y.first; };
  if (!std::is_sorted(pairs.begin(), pairs.end(), by_key)) {
    std::vector<std::size_t> start(static_cast<std::size_t>(node_count) + 1, 0);
    for (const auto& pair : pairs) ++start[(pair.first >> 32) + 1];
    for (std::uint32_t i = 0; i < node_count; ++i) start[i + 1] += start[i];
    std::vector<std::pair<std::uint64_t, double>> bucketed(pairs.size());
    std::vector<std::size_t> next(start.begin(), start.end() - 1);
    for (const auto& pair : pairs) bucketed[next[pair.first >> 32]++] = pair;
    for (std::uint32_t a = 0; a < node_count; ++a) {
      std::sort(bucketed.begin() + static_cast<std::ptrdiff_t>(start[a]),
                bucketed.begin() + static_cast<std::ptrdiff_t>(start[a + 1]), by_key);
    }
    pairs = std::move(bucketed);
  }
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
  // Bucketed by source (a counting sort), then each source's few edges sorted and merged in place:
  // one sort of tens of millions of edges was the slowest step of building a large graph.
  std::vector<std::uint32_t> start(static_cast<std::size_t>(n) + 1, 0);
  for (const GraphEdge& e : edges) {
    if (e.source != e.target) ++start[e.source + 1];
  }
  for (std::uint32_t i = 0; i < n; ++i) start[i + 1] += start[i];
  std::vector<GraphEdge> sorted(start[n]);
  {
    std::vector<std::uint32_t> next(start.begin(), start.end() - 1);
    for (const GraphEdge& e : edges) {
      if (e.source != e.target) sorted[next[e.source]++] = e;
    }
    std::vector<GraphEdge>().swap(edges);
  }
  std::size_t kept = 0;
  for (std::uint32_t source = 0; source < n; ++source) {
    auto first = sorted.begin() + start[source];
    auto last = sorted.begin() + start[source + 1];
    std::sort(first, last, [](const GraphEdge& a, const GraphEdge& b) {
      if (a.target != b.target) return a.target < b.target;
      if (a.type != b.type) return a.type < b.type;
      return a.first < b.first;
    });
    const std::size_t run_start = kept;
    for (auto it = first; it != last; ++it) {
      if (kept > run_start) {
        GraphEdge& previous = sorted[kept - 1];
        if (previous.target == it->target && previous.type == it->type) {
          previous.weight += it->weight;
          previous.first = std::min(previous.first, it->first);
          previous.last = std::max(previous.last, it->last);
          continue;
        }
      }
      sorted[kept++] = *it;
    }
  }
  sorted.resize(kept);
  sorted.shrink_to_fit();
  graph.edges_ = std::move(sorted);
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
