#include "layout/planted_graph.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

namespace leaktrace {
namespace {

TEST(PlantedGraph, HasTheAskedSizeCommunitiesAndAHeavyTail) {
  const PlantedGraph planted = make_planted_graph({.nodes = 5000, .edges = 20000, .communities = 10, .mixing = 0.1, .seed = 2});
  EXPECT_EQ(planted.edges.size(), 20000u);
  std::set<std::pair<std::uint32_t, std::uint32_t>> pairs;
  std::size_t inside = 0;
  for (const LayoutEdge& e : planted.edges) {
    ASSERT_NE(e.source, e.target);
    pairs.insert({std::min(e.source, e.target), std::max(e.source, e.target)});
    inside += planted.community[e.source] == planted.community[e.target];
  }
  EXPECT_EQ(pairs.size(), planted.edges.size());  // distinct
  EXPECT_GT(static_cast<double>(inside) / planted.edges.size(), 0.85);
  const LayoutGraph graph(planted.nodes, planted.edges);
  std::uint32_t max_degree = 0;
  for (std::uint32_t v = 0; v < graph.node_count(); ++v) max_degree = std::max(max_degree, graph.degree(v));
  EXPECT_GT(max_degree, 20 * 2 * 20000 / 5000);  // far above the mean degree of 8
  EXPECT_EQ(*std::max_element(planted.community.begin(), planted.community.end()), 9);
}

TEST(PlantedGraph, SameSeedSameGraph) {
  const auto a = make_planted_graph({.nodes = 300, .edges = 900, .seed = 5});
  const auto b = make_planted_graph({.nodes = 300, .edges = 900, .seed = 5});
  ASSERT_EQ(a.edges.size(), b.edges.size());
  for (std::size_t i = 0; i < a.edges.size(); ++i) {
    EXPECT_EQ(a.edges[i].source, b.edges[i].source);
    EXPECT_EQ(a.edges[i].target, b.edges[i].target);
    EXPECT_EQ(a.edges[i].weight, b.edges[i].weight);
  }
  EXPECT_THROW(make_planted_graph({.nodes = 1}), std::invalid_argument);
}

}  // namespace
}  // namespace leaktrace
