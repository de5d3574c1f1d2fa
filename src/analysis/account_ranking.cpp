#include "analysis/account_ranking.h"

#include <algorithm>
#include <numeric>
#include <random>

#include "graph/igraph_adapter.h"

namespace leaktrace {

AccountRanking::AccountRanking(const AccountGraph& graph, AccountRankingParameters parameters)
    : graph_(graph), parameters_(parameters) {
  if (parameters_.damping <= 0 || parameters_.damping >= 1) {
    throw std::invalid_argument("PageRank damping must be between 0 and 1 (exclusive), e.g. 0.85");
  }
  if (parameters_.types.empty()) throw std::invalid_argument("rank accounts on at least one edge type");
}

void AccountRanking::run() {
  const std::uint32_t n = graph_.node_count();
  const bool is_directed = parameters_.directed;
  WeightedEdges directed = is_directed ? graph_.directed(parameters_.types) : graph_.undirected(parameters_.types);
  in_strength_.assign(n, 0.0);
  out_strength_.assign(n, 0.0);
  for (std::size_t i = 0; i < directed.size(); ++i) {
    in_strength_[directed.to[i]] += directed.weight[i];
    out_strength_[directed.from[i]] += directed.weight[i];
    if (!is_directed) {
      in_strength_[directed.from[i]] += directed.weight[i];
      out_strength_[directed.to[i]] += directed.weight[i];
    }
  }

  std::vector<std::uint32_t> sources(n);
  std::iota(sources.begin(), sources.end(), 0u);
  std::uint32_t wanted = parameters_.betweenness_sources;
  if (!directed.from.empty() && static_cast<double>(wanted) * static_cast<double>(directed.size()) > parameters_.betweenness_edge_visits) {
    wanted = std::max<std::uint32_t>(std::min<std::uint32_t>(wanted, 64),
                                     static_cast<std::uint32_t>(parameters_.betweenness_edge_visits / static_cast<double>(directed.size())));
  }
  exact_ = n <= wanted;
  if (!exact_) {
    std::mt19937_64 random(parameters_.seed);
    std::shuffle(sources.begin(), sources.end(), random);
    sources.resize(wanted);
    std::sort(sources.begin(), sources.end());
  }
  ig::Centrality centrality = ig::pagerank_and_betweenness(directed, parameters_.damping, is_directed, sources);
  pagerank_ = std::move(centrality.pagerank);
  betweenness_ = std::move(centrality.betweenness);
  // Scaled up from the sampled sources, then normalised by the number of pairs a node can lie
  // between: (n-1)(n-2) ordered pairs, or half as many unordered ones.
  const double scale = sources.empty() ? 0 : static_cast<double>(n) / static_cast<double>(sources.size());
  const double pairs = (n > 2 ? static_cast<double>(n - 1) * static_cast<double>(n - 2) : 1.0) / (is_directed ? 1.0 : 2.0);
  for (double& b : betweenness_) b = b * scale / pairs;

  coreness_ = ig::coreness(graph_.undirected(parameters_.types));
  mark_finished();
}

const std::vector<double>& AccountRanking::in_strength() const {
  assure_finished("AccountRanking");
  return in_strength_;
}
const std::vector<double>& AccountRanking::out_strength() const {
  assure_finished("AccountRanking");
  return out_strength_;
}
const std::vector<double>& AccountRanking::pagerank() const {
  assure_finished("AccountRanking");
  return pagerank_;
}
const std::vector<double>& AccountRanking::betweenness() const {
  assure_finished("AccountRanking");
  return betweenness_;
}
const std::vector<std::int64_t>& AccountRanking::coreness() const {
  assure_finished("AccountRanking");
  return coreness_;
}
bool AccountRanking::betweenness_is_exact() const {
  assure_finished("AccountRanking");
  return exact_;
}

std::vector<std::uint32_t> AccountRanking::by_pagerank(std::size_t top) const {
  assure_finished("AccountRanking");
  std::vector<std::uint32_t> order(graph_.node_count());
  std::iota(order.begin(), order.end(), 0u);
  const auto before = [&](std::uint32_t a, std::uint32_t b) {
    if (pagerank_[a] != pagerank_[b]) return pagerank_[a] > pagerank_[b];
    if (in_strength_[a] != in_strength_[b]) return in_strength_[a] > in_strength_[b];
    return graph_.node(a).key < graph_.node(b).key;
  };
  if (top >= order.size() / 2) {
    std::sort(order.begin(), order.end(), before);
  } else {
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(top), order.end(), before);
  }
  order.resize(std::min(top, order.size()));
  return order;
}

}  // namespace leaktrace
