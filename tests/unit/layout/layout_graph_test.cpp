#include "layout/layout_graph.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <vector>

namespace leaktrace {
namespace {

//   0 ── 1 ══ 2     (1–2 given twice: weights 2 and 3 merge into 5)
//        │
//        3    4     (4 isolated; a self-loop on 3 is dropped)
LayoutGraph small_graph() {
  std::vector<LayoutEdge> edges{{0, 1, 1}, {1, 2, 2}, {2, 1, 3}, {1, 3, 1}, {3, 3, 7}};
  return LayoutGraph(5, edges);
}

TEST(LayoutGraph, MergesParallelEdgesAndDropsSelfLoops) {
  const LayoutGraph graph = small_graph();
  EXPECT_EQ(graph.node_count(), 5u);
  EXPECT_EQ(graph.edge_count(), 3u);
  EXPECT_EQ(graph.degree(1), 3u);
  EXPECT_EQ(graph.degree(3), 1u);
  EXPECT_EQ(graph.degree(4), 0u);
  EXPECT_DOUBLE_EQ(graph.mass(1), 4.0);
  EXPECT_DOUBLE_EQ(graph.mass(4), 1.0);
  const auto neighbours = graph.neighbours(1);
  const auto weights = graph.weights(1);
  ASSERT_EQ(neighbours.size(), 3u);
  EXPECT_EQ(neighbours[0], 0u);
  EXPECT_EQ(neighbours[1], 2u);
  EXPECT_EQ(neighbours[2], 3u);
  EXPECT_FLOAT_EQ(weights[1], 5.0f);
  EXPECT_FLOAT_EQ(graph.weights(2)[0], 5.0f);
}

TEST(LayoutGraph, RejectsEdgesOutsideTheGraphWithAFix) {
  std::vector<LayoutEdge> edges{{0, 5, 1}};
  try {
    LayoutGraph graph(3, edges);
    FAIL() << "expected an error";
  } catch (const std::invalid_argument& error) {
    EXPECT_NE(std::string(error.what()).find("number the nodes densely"), std::string::npos) << error.what();
  }
  std::vector<LayoutEdge> negative{{0, 1, -1}};
  EXPECT_THROW(LayoutGraph(2, negative), std::invalid_argument);
}

TEST(LayoutGraph, SizesAreValidated) {
  LayoutGraph graph = small_graph();
  EXPECT_FALSE(graph.has_sizes());
  EXPECT_THROW(graph.set_sizes({1, 2}), std::invalid_argument);
  EXPECT_THROW(graph.set_sizes({1, 2, 3, -1, 5}), std::invalid_argument);
  graph.set_sizes({1, 2, 3, 4, 5});
  EXPECT_TRUE(graph.has_sizes());
}

TEST(LayoutGraph, InducedSubgraphRenumbersInTheGivenOrder) {
  LayoutGraph graph = small_graph();
  graph.set_sizes({10, 11, 12, 13, 14});
  const std::vector<std::uint32_t> keep{3, 1, 2};
  const LayoutGraph sub = graph.induced(keep);
  EXPECT_EQ(sub.node_count(), 3u);
  EXPECT_EQ(sub.edge_count(), 2u);  // 3–1 and 1–2
  EXPECT_EQ(sub.degree(1), 2u);     // old node 1
  EXPECT_FLOAT_EQ(sub.weights(2)[0], 5.0f);
  EXPECT_DOUBLE_EQ(sub.sizes()[0], 13.0);
}

TEST(LayoutGraph, EmptyGraph) {
  const LayoutGraph graph(0, std::vector<LayoutEdge>{});
  EXPECT_EQ(graph.node_count(), 0u);
  EXPECT_EQ(graph.edge_count(), 0u);
}

}  // namespace
}  // namespace leaktrace
