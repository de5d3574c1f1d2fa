#include "graph/igraph_adapter.h"

#include <gtest/gtest.h>

#include <random>

namespace leaktrace {
namespace {

std::vector<std::uint32_t> every_181st(std::uint32_t count) {
  std::vector<std::uint32_t> sources;
  for (std::uint32_t s = 0; s < count; ++s) sources.push_back(s * 181);
  return sources;
}

// A random graph: each edge from a random node, to a random node or, `in_group_percent` of the
// time, to one of the 50 nodes of its group (dense groups that Leiden has to find).
WeightedEdges random_graph(std::uint32_t nodes, std::size_t edges, int in_group_percent = 0) {
  WeightedEdges graph;
  graph.node_count = nodes;
  std::mt19937 random(7);
  std::uniform_int_distribution<std::uint32_t> node(0, nodes - 1);
  std::uniform_int_distribution<std::uint32_t> in_group(0, 49);
  std::uniform_int_distribution<int> percent(0, 99);
  while (graph.size() < edges) {
    std::uint32_t a = node(random);
    std::uint32_t b = percent(random) < in_group_percent ? std::min(nodes - 1, a / 50 * 50 + in_group(random)) : node(random);
    if (a == b) continue;
    graph.from.push_back(a);
    graph.to.push_back(b);
    graph.weight.push_back(1);
  }
  return graph;
}

TEST(SampledBetweenness, SplitOverTwoProcessesItIsTheSumOfBothHalvesSearches) {
  WeightedEdges graph = random_graph(50000, 200000);  // large enough to split its sources over two processes
  std::vector<std::uint32_t> sources = every_181st(256);
  std::vector<double> together = ig::betweenness_from_sources(graph, true, sources);

  // Each half alone is small enough to run in this process.
  std::vector<double> one_by_one(graph.node_count, 0.0);
  for (auto half : {std::vector<std::uint32_t>(sources.begin(), sources.begin() + 128),
                    std::vector<std::uint32_t>(sources.begin() + 128, sources.end())}) {
    std::vector<double> alone = ig::betweenness_from_sources(graph, true, half);
    for (std::size_t i = 0; i < alone.size(); ++i) one_by_one[i] += alone[i];
  }
  ASSERT_EQ(together.size(), one_by_one.size());
  double largest = 0;
  for (std::size_t i = 0; i < together.size(); ++i) {
    EXPECT_NEAR(together[i], one_by_one[i], 1e-9 * (1 + one_by_one[i])) << "node " << i;
    largest = std::max(largest, together[i]);
  }
  EXPECT_GT(largest, 0);
}

TEST(PageRankAndBetweenness, OnOneGraphTheyAreWhatEachGivesAlone) {
  for (std::size_t edges : {2000u, 200000u}) {  // in this process, and split over two
    WeightedEdges graph = random_graph(edges / 4, edges);
    const std::vector<std::uint32_t> sources = every_181st(edges < 10000 ? 2 : 256);
    ig::Centrality both = ig::pagerank_and_betweenness(graph, 0.85, true, sources);
    const std::vector<double> pagerank = ig::pagerank(graph, 0.85, true);
    ASSERT_EQ(both.pagerank.size(), pagerank.size());
    for (std::size_t i = 0; i < pagerank.size(); ++i) EXPECT_NEAR(both.pagerank[i], pagerank[i], 1e-12) << edges << " edges";
    const std::vector<double> alone = ig::betweenness_from_sources(graph, true, sources);
    ASSERT_EQ(both.betweenness.size(), alone.size());
    for (std::size_t i = 0; i < alone.size(); ++i) EXPECT_NEAR(both.betweenness[i], alone[i], 1e-9 * (1 + alone[i]));
  }
}

TEST(BackgroundLeiden, RunInACopyItFindsWhatItFindsHere) {
  WeightedEdges graph = random_graph(40000, 250000, 90);
  ig::Partition here = ig::leiden_modularity_folded(graph, 1.0, 42);
  for (std::uint64_t other = 43; other < 45; ++other) {
    ig::Partition candidate = ig::leiden_modularity_folded(graph, 1.0, other);
    if (candidate.modularity > here.modularity) here = std::move(candidate);
  }
  ig::BackgroundLeiden background(graph, 1.0, 42, 3);
  ASSERT_TRUE(background.in_background()) << "250,000 edges are worth a copy";
  ig::Partition there = background.partition();
  EXPECT_EQ(there.membership, here.membership);
  EXPECT_EQ(there.count, here.count);
  EXPECT_DOUBLE_EQ(there.modularity, here.modularity);
  EXPECT_GT(there.modularity, 0.5);
}

TEST(BackgroundLeiden, ASmallGraphIsPartitionedHere) {
  WeightedEdges graph = random_graph(1000, 5000, 90);
  ig::BackgroundLeiden background(graph, 1.0, 42, 1);
  EXPECT_FALSE(background.in_background());
  EXPECT_EQ(background.partition().membership, ig::leiden_modularity_folded(graph, 1.0, 42).membership);
}

}  // namespace
}  // namespace leaktrace
