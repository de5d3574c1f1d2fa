#include "analysis/account_ranking.h"

#include <gtest/gtest.h>

namespace leaktrace {
namespace {

AccountGraph graph_of(std::uint32_t n, const std::vector<std::pair<std::uint32_t, std::uint32_t>>& edges) {
  std::vector<GraphNode> nodes;
  for (std::uint32_t i = 0; i < n; ++i) nodes.push_back({"twitter:" + std::to_string(i), "a" + std::to_string(i)});
  std::vector<GraphEdge> out;
  for (auto [s, t] : edges) out.push_back({s, t, InteractionType::repost, 1, 0, 0});
  return AccountGraph::assemble(std::move(nodes), std::move(out));
}

//   1 -> 0 <- 2      three accounts repost 0; 0 reposts nobody; 4 reposts 3
//        ^
//        3 <- 4
TEST(AccountRanking, TheAmplifiedRankFirst) {
  AccountGraph graph = graph_of(5, {{1, 0}, {2, 0}, {3, 0}, {4, 3}});
  AccountRanking ranking(graph);
  ranking.run();
  EXPECT_EQ(ranking.in_strength(), (std::vector<double>{3, 0, 0, 1, 0}));
  EXPECT_EQ(ranking.out_strength(), (std::vector<double>{0, 1, 1, 1, 1}));
  EXPECT_EQ(ranking.by_pagerank().front(), 0u);
  EXPECT_GT(ranking.pagerank()[3], ranking.pagerank()[4]);
  double sum = 0;
  for (double p : ranking.pagerank()) sum += p;
  EXPECT_NEAR(sum, 1.0, 1e-9);
  EXPECT_TRUE(ranking.betweenness_is_exact());
  // Only 3 lies on a directed shortest path between two others (4 -> 3 -> 0): 1 of (n-1)(n-2) = 12 pairs.
  EXPECT_NEAR(ranking.betweenness()[3], 1.0 / 12.0, 1e-12);
  EXPECT_EQ(ranking.betweenness()[0], 0.0);
}

TEST(AccountRanking, TheTopOfThePageRankOrderIsItsPrefix) {
  AccountGraph graph = graph_of(6, {{1, 0}, {2, 0}, {3, 0}, {4, 3}, {5, 3}, {5, 1}});
  AccountRanking ranking(graph);
  ranking.run();
  const std::vector<std::uint32_t> all = ranking.by_pagerank();
  ASSERT_EQ(all.size(), 6u);
  // 1 is reposted once; the three nobody reposts tie on PageRank and in-strength and go by key.
  EXPECT_EQ(std::vector<std::uint32_t>(all.begin() + 2, all.end()), (std::vector<std::uint32_t>{1, 2, 4, 5}));
  EXPECT_EQ(ranking.by_pagerank(2), std::vector<std::uint32_t>(all.begin(), all.begin() + 2));
  EXPECT_EQ(ranking.by_pagerank(100), all);
}

//   0 - 1 - 2 - 0 (a triangle) and 3 hanging off 2: the triangle is the 2-core
TEST(AccountRanking, KCoreFindsTheDenseCentre) {
  AccountGraph graph = graph_of(4, {{0, 1}, {1, 2}, {2, 0}, {3, 2}});
  AccountRanking ranking(graph);
  ranking.run();
  EXPECT_EQ(ranking.coreness(), (std::vector<std::int64_t>{2, 2, 2, 1}));
}

TEST(AccountRanking, SampledBetweennessEstimatesTheExactOne) {
  // A path 0 -> 1 -> ... -> 49: the middle lies on the most paths.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> path;
  for (std::uint32_t i = 0; i + 1 < 50; ++i) path.emplace_back(i, i + 1);
  AccountGraph graph = graph_of(50, path);
  AccountRanking exact(graph, {.betweenness_sources = 1000});
  exact.run();
  AccountRanking sampled(graph, {.betweenness_sources = 25});
  sampled.run();
  EXPECT_TRUE(exact.betweenness_is_exact());
  EXPECT_FALSE(sampled.betweenness_is_exact());
  // Exact: node i lies between i sources before it and 49-i targets after it.
  EXPECT_NEAR(exact.betweenness()[10], 10.0 * 39.0 / (49.0 * 48.0), 1e-12);
  EXPECT_NEAR(sampled.betweenness()[25], exact.betweenness()[25], 0.5 * exact.betweenness()[25]);
}

TEST(AccountRanking, RefusesBadParametersAndEarlyQuestions) {
  AccountGraph graph = graph_of(2, {{0, 1}});
  EXPECT_THROW(AccountRanking(graph, {.damping = 1.0}), std::invalid_argument);
  AccountRanking ranking(graph);
  EXPECT_THROW(ranking.pagerank(), std::logic_error);
}

}  // namespace
}  // namespace leaktrace
