#include "graph/igraph_adapter.h"

#include <gtest/gtest.h>

#include <random>

namespace leaktrace {
namespace {

// A random directed graph large enough that betweenness splits its sources over two processes.
WeightedEdges random_graph(std::uint32_t nodes, std::size_t edges) {
  WeightedEdges graph;
  graph.node_count = nodes;
  std::mt19937 random(7);
  std::uniform_int_distribution<std::uint32_t> node(0, nodes - 1);
  while (graph.size() < edges) {
    std::uint32_t a = node(random);
    std::uint32_t b = node(random);
    if (a == b) continue;
    graph.from.push_back(a);
    graph.to.push_back(b);
    graph.weight.push_back(1);
  }
  return graph;
}

TEST(SampledBetweenness, SplitOverTwoProcessesItIsTheSumOfBothHalvesSearches) {
  WeightedEdges graph = random_graph(50000, 200000);
  std::vector<std::uint32_t> sources;
  for (std::uint32_t s = 0; s < 256; ++s) sources.push_back(s * 181);
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

}  // namespace
}  // namespace leaktrace
