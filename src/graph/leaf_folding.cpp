#include "graph/leaf_folding.h"

#include <stdexcept>

namespace leaktrace {

LeafFolding::LeafFolding(const WeightedEdges& undirected) : graph_(undirected) {
  for (std::size_t i = 0; i < graph_.size(); ++i) {
    if (graph_.from[i] == graph_.to[i]) throw std::invalid_argument("leaf folding needs a graph without self-loops");
  }
}

void LeafFolding::run() {
  const std::uint32_t n = graph_.node_count;
  std::vector<std::uint32_t> degree(n, 0);
  std::vector<std::uint32_t> neighbour(n, no_index);  // the one neighbour of a leaf
  std::vector<double> strength(n, 0.0);
  for (std::size_t i = 0; i < graph_.size(); ++i) {
    const std::uint32_t a = graph_.from[i];
    const std::uint32_t b = graph_.to[i];
    ++degree[a];
    ++degree[b];
    neighbour[a] = b;
    neighbour[b] = a;
    strength[a] += graph_.weight[i];
    strength[b] += graph_.weight[i];
  }
  // A leaf whose neighbour is a leaf too (a pair apart from the rest) is folded into the lower.
  auto folds = [&](std::uint32_t node) {
    return degree[node] == 1 && (degree[neighbour[node]] != 1 || neighbour[node] < node);
  };
  folded_node_.assign(n, no_index);
  std::uint32_t kept = 0;
  for (std::uint32_t node = 0; node < n; ++node) {
    if (degree[node] > 0 && !folds(node)) folded_node_[node] = kept++;
  }
  node_weight_.assign(kept, 0.0);
  leaves_ = 0;
  isolated_ = 0;
  for (std::uint32_t node = 0; node < n; ++node) {
    if (degree[node] == 0) {
      ++isolated_;
    } else if (folds(node)) {
      folded_node_[node] = folded_node_[neighbour[node]];
      ++leaves_;
    }
    if (folded_node_[node] != no_index) node_weight_[folded_node_[node]] += strength[node];
  }
  folded_ = WeightedEdges{};
  folded_.node_count = kept;
  for (std::size_t i = 0; i < graph_.size(); ++i) {
    if (folds(graph_.from[i]) || folds(graph_.to[i])) continue;
    folded_.from.push_back(folded_node_[graph_.from[i]]);
    folded_.to.push_back(folded_node_[graph_.to[i]]);
    folded_.weight.push_back(graph_.weight[i]);
  }
  finished_ = true;
}

void LeafFolding::assure_finished() const {
  if (!finished_) throw std::logic_error("LeafFolding: call run() before asking for results");
}

const WeightedEdges& LeafFolding::folded() const {
  assure_finished();
  return folded_;
}

const std::vector<double>& LeafFolding::node_weight() const {
  assure_finished();
  return node_weight_;
}

std::size_t LeafFolding::leaves() const {
  assure_finished();
  return leaves_;
}

std::size_t LeafFolding::isolated() const {
  assure_finished();
  return isolated_;
}

std::vector<std::int64_t> LeafFolding::unfold(const std::vector<std::int64_t>& folded_membership,
                                              std::int64_t& count) const {
  assure_finished();
  if (folded_membership.size() != folded_.node_count) {
    throw std::invalid_argument("the membership to unfold must have one community per folded node");
  }
  std::vector<std::int64_t> membership(folded_node_.size());
  for (std::size_t node = 0; node < folded_node_.size(); ++node) {
    membership[node] = folded_node_[node] == no_index ? count++ : folded_membership[folded_node_[node]];
  }
  return membership;
}

}  // namespace leaktrace
