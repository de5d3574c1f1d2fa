#include "graph/leaf_folding.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <tuple>

#include "graph/igraph_adapter.h"

namespace leaktrace {
namespace {

WeightedEdges edges_of(std::uint32_t nodes, std::vector<std::tuple<std::uint32_t, std::uint32_t, double>> list) {
  WeightedEdges graph;
  graph.node_count = nodes;
  for (auto [a, b, w] : list) {
    graph.from.push_back(a);
    graph.to.push_back(b);
    graph.weight.push_back(w);
  }
  return graph;
}

//   1 --2-- 0 --1-- 2        a triangle 2-3-4 with 0 on it, two leaves (1 on 0, 5 on 4),
//           |      / |       a pair apart (6-7) and a node without edges (8); unmarked
//           +-- 3 -- 4 --3-- 5   edges weigh 1
//
//   6 --4-- 7     8
TEST(LeafFolding, KeepsNodesOfTwoNeighboursOrMoreEachWithItsStrengthAndItsLeaves) {
  WeightedEdges graph = edges_of(9, {{0, 1, 2}, {0, 2, 1}, {0, 3, 1}, {2, 3, 1}, {3, 4, 1}, {2, 4, 1}, {4, 5, 3}, {6, 7, 4}});
  LeafFolding folding(graph);
  folding.run();
  EXPECT_EQ(folding.leaves(), 3u);  // 1, 5 and the higher of the pair, 7
  EXPECT_EQ(folding.isolated(), 1u);
  // Kept, renumbered in order: 0 -> 0, 2 -> 1, 3 -> 2, 4 -> 3, 6 -> 4.
  EXPECT_EQ(folding.node_weight(), (std::vector<double>{4 + 2, 3, 3, 5 + 3, 4 + 4}));
  const WeightedEdges& folded = folding.folded();
  EXPECT_EQ(folded.node_count, 5u);
  std::map<std::pair<std::uint32_t, std::uint32_t>, double> kept;
  for (std::size_t i = 0; i < folded.size(); ++i) kept[{folded.from[i], folded.to[i]}] = folded.weight[i];
  EXPECT_EQ(kept, (std::map<std::pair<std::uint32_t, std::uint32_t>, double>{
                      {{0, 1}, 1}, {{0, 2}, 1}, {{1, 2}, 1}, {{2, 3}, 1}, {{1, 3}, 1}}));

  std::int64_t count = 3;
  std::vector<std::int64_t> membership = folding.unfold({0, 1, 1, 2, 0}, count);
  EXPECT_EQ(membership, (std::vector<std::int64_t>{0, 0, 1, 1, 2, 2, 0, 0, 3}));
  EXPECT_EQ(count, 4);
}

// A graph with groups, hubs with many leaves and pairs apart, as retweet graphs have.
WeightedEdges leafy_graph(std::uint32_t core, std::uint32_t leaves) {
  WeightedEdges graph;
  graph.node_count = core + leaves;
  std::mt19937 random(11);
  std::uniform_int_distribution<std::uint32_t> node(0, core - 1);
  std::uniform_int_distribution<std::uint32_t> in_group(0, 39);
  std::uniform_int_distribution<int> percent(0, 99);
  for (std::size_t e = 0; e < core * 4u; ++e) {
    std::uint32_t a = node(random);
    std::uint32_t b = percent(random) < 85 ? std::min(core - 1, a / 40 * 40 + in_group(random)) : node(random);
    if (a == b) continue;
    graph.from.push_back(std::min(a, b));
    graph.to.push_back(std::max(a, b));
    graph.weight.push_back(1 + percent(random) % 3);
  }
  for (std::uint32_t leaf = core; leaf < core + leaves; ++leaf) {
    graph.from.push_back(leaf % 7 == 0 && leaf + 1 < core + leaves ? leaf + 1 : node(random) / 40 * 40);
    graph.to.push_back(leaf);
    graph.weight.push_back(1);
    if (leaf % 7 == 0) ++leaf;  // the pair leaf, leaf+1 stands apart
  }
  return graph;
}

TEST(LeafFolding, ModularityOfAnUnfoldedPartitionIsTheFoldedGraphsObjective) {
  WeightedEdges graph = leafy_graph(2000, 3000);
  LeafFolding folding(graph);
  folding.run();
  const WeightedEdges& folded = folding.folded();
  const double two_m = 2 * graph.total_weight();
  std::mt19937 random(3);
  for (int trial = 0; trial < 3; ++trial) {
    std::vector<std::int64_t> groups(folded.node_count);
    for (auto& g : groups) g = static_cast<std::int64_t>(random() % 60);
    std::int64_t count = 60;
    std::vector<std::int64_t> membership = folding.unfold(groups, count);
    // The folded objective, computed here: edges inside communities, the dropped (always inside)
    // ones included, less the null model on the folded node weights.
    double inside = two_m - 2 * folded.total_weight();
    for (std::size_t i = 0; i < folded.size(); ++i) {
      if (groups[folded.from[i]] == groups[folded.to[i]]) inside += 2 * folded.weight[i];
    }
    std::vector<double> total(static_cast<std::size_t>(count), 0.0);
    for (std::size_t n = 0; n < groups.size(); ++n) total[static_cast<std::size_t>(groups[n])] += folding.node_weight()[n];
    double null_model = 0;
    for (double t : total) null_model += t * t / two_m;
    EXPECT_NEAR(ig::modularity(graph, membership), (inside - null_model) / two_m, 1e-12);
  }
}

TEST(LeafFolding, LeidenOnTheFoldedGraphFindsAsGoodAPartitionWithEveryLeafBesideItsNeighbour) {
  WeightedEdges graph = leafy_graph(4000, 6000);
  ig::Partition plain = ig::leiden_modularity(graph, 1.0, 42);
  ig::Partition folded = ig::leiden_modularity_folded(graph, 1.0, 42);
  ASSERT_EQ(folded.membership.size(), graph.node_count);
  EXPECT_GT(folded.modularity, plain.modularity - 0.005);
  // Computed from the folded graph's objective: igraph's modularity of the whole graph agrees.
  EXPECT_NEAR(folded.modularity, ig::modularity(graph, folded.membership), 1e-12);
  std::vector<int> degree(graph.node_count, 0);
  for (std::size_t i = 0; i < graph.size(); ++i) {
    ++degree[graph.from[i]];
    ++degree[graph.to[i]];
  }
  for (std::size_t i = 0; i < graph.size(); ++i) {
    if (degree[graph.from[i]] == 1 || degree[graph.to[i]] == 1) {
      EXPECT_EQ(folded.membership[graph.from[i]], folded.membership[graph.to[i]]) << graph.from[i] << "-" << graph.to[i];
    }
  }
  std::int64_t largest = *std::max_element(folded.membership.begin(), folded.membership.end());
  EXPECT_EQ(largest + 1, folded.count);
}

TEST(LeafFolding, AGraphThatFoldsToNoEdgesIsPartitionedWithoutLeiden) {
  // A star, a pair and a node alone: each star or pair one community, the lone node another.
  WeightedEdges graph = edges_of(7, {{0, 1, 1}, {0, 2, 1}, {0, 3, 1}, {4, 5, 2}});
  ig::Partition partition = ig::leiden_modularity_folded(graph, 1.0, 42);
  EXPECT_EQ(partition.membership, (std::vector<std::int64_t>{0, 0, 0, 0, 1, 1, 2}));
  EXPECT_EQ(partition.count, 3);
  EXPECT_NEAR(partition.modularity, ig::modularity(graph, partition.membership), 1e-12);
  EXPECT_EQ(ig::leiden_modularity_folded(edges_of(3, {}), 1.0, 42).membership, (std::vector<std::int64_t>{0, 1, 2}));
}

}  // namespace
}  // namespace leaktrace
