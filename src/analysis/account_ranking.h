#pragma once

#include <cstdint>
#include <limits>
#include <vector>

#include "analysis/analysis_base.h"
#include "graph/account_graph.h"

namespace leaktrace {

struct AccountRankingParameters {
  InteractionTypes types = InteractionTypes::all();
  double damping = 0.85;
  // Betweenness from this many source nodes sampled uniformly (Brandes & Pich 2007), scaled by
  // n / sources; all nodes when the graph has no more than this. On a graph so large that this
  // many searches would visit more than `betweenness_edge_visits` edges, fewer (no fewer than 64).
  std::uint32_t betweenness_sources = 256;
  double betweenness_edge_visits = 6e8;
  std::uint64_t seed = 42;
  // False for an undirected network (an imported one): PageRank and betweenness ignore direction.
  bool directed = true;
};

// Who mattered in the spread: in-strength (how often an account was reposted, quoted, answered,
// mentioned or cited), PageRank on the directed graph (endorsement flows to the amplified),
// approximate betweenness (who sits on the paths between others) and k-core (how deep in the
// dense centre).
class AccountRanking : public Analysis {
 public:
  AccountRanking(const AccountGraph& graph, AccountRankingParameters parameters = {});
  void run() override;

  const std::vector<double>& in_strength() const;
  const std::vector<double>& out_strength() const;
  const std::vector<double>& pagerank() const;
  const std::vector<double>& betweenness() const;  // normalised to [0, 1] as networkx does
  const std::vector<std::int64_t>& coreness() const;
  bool betweenness_is_exact() const;
  // The first `top` nodes ordered by PageRank, then in-strength, then key.
  std::vector<std::uint32_t> by_pagerank(std::size_t top = std::numeric_limits<std::size_t>::max()) const;

 private:
  const AccountGraph& graph_;
  AccountRankingParameters parameters_;
  std::vector<double> in_strength_;
  std::vector<double> out_strength_;
  std::vector<double> pagerank_;
  std::vector<double> betweenness_;
  std::vector<std::int64_t> coreness_;
  bool exact_ = false;
};

}  // namespace leaktrace
