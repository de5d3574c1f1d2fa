#include "layout/backbone_layout.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <set>
#include <vector>

#include "layout/layout_quality.h"
#include "layout/planted_graph.h"

namespace leaktrace {
namespace {

//   3   4                 A triangle 0–1–2 (the backbone: degree ≥ 2) with leaves 3 and 4 on 0
//    \ /                  and 5 on 1; a pair 6–7 on its own; 8 isolated. 9 has degree 2, but only
//     0 ─── 1 ── 5        through leaves (10, 11): it has no backbone neighbour, so it leaves the
//      \   /              backbone and is placed with its component.
//        2       6 ── 7     8     10 ── 9 ── 11
LayoutGraph sample_graph() {
  std::vector<LayoutEdge> edges{{0, 1, 1}, {1, 2, 1}, {2, 0, 1}, {0, 3, 1}, {0, 4, 1},
                                {1, 5, 1}, {6, 7, 1}, {9, 10, 1}, {9, 11, 1}};
  return LayoutGraph(12, edges);
}

TEST(BackboneLayout, LaysOutTheBackboneAndHangsTheRestNextToANeighbour) {
  const LayoutGraph graph = sample_graph();
  BackboneOptions options;
  options.iterations = 100;
  BackboneLayout layout(graph, options);
  layout.run();
  EXPECT_EQ(layout.backbone_count(), 3u);
  EXPECT_EQ(layout.backbone(), (std::vector<std::uint8_t>{1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0}));
  auto distance = [&](std::uint32_t a, std::uint32_t b) {
    return std::hypot(layout.x()[a] - layout.x()[b], layout.y()[a] - layout.y()[b]);
  };
  const double edge = (distance(0, 1) + distance(1, 2) + distance(0, 2)) / 3;
  // Leaves sit close to their neighbour: within one backbone edge, and closer to it than to others.
  EXPECT_LT(distance(3, 0), edge);
  EXPECT_LT(distance(4, 0), edge);
  EXPECT_LT(distance(5, 1), edge);
  EXPECT_LT(distance(5, 1), distance(5, 0));
  EXPECT_GT(distance(3, 4), 0);  // two leaves of one node do not coincide
  EXPECT_LT(distance(6, 7), edge);
  EXPECT_LT(distance(10, 9), edge);
  std::set<std::pair<double, double>> places;
  for (std::uint32_t v = 0; v < graph.node_count(); ++v) {
    EXPECT_TRUE(std::isfinite(layout.x()[v]) && std::isfinite(layout.y()[v]));
    places.insert({layout.x()[v], layout.y()[v]});
  }
  EXPECT_EQ(places.size(), graph.node_count());
  EXPECT_EQ(layout.description(), "backbone of the 3 accounts with 2 or more neighbours");
}

TEST(BackboneLayout, TopScoreRuleTakesTheHighestScores) {
  const LayoutGraph graph = sample_graph();
  BackboneOptions options;
  options.rule = BackboneRule::top_score;
  options.top_count = 4;
  options.score = {0.3, 0.2, 0.1, 0.25, 0, 0, 0, 0, 0.9, 0, 0, 0};  // 8 is isolated: leaves the backbone
  options.iterations = 20;
  BackboneLayout layout(graph, options);
  layout.run();
  EXPECT_EQ(layout.backbone(), (std::vector<std::uint8_t>{1, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0}));
  EXPECT_EQ(layout.description(), "backbone of the top 3 accounts by PageRank");
  options.score.pop_back();
  EXPECT_THROW(BackboneLayout(graph, options), std::invalid_argument);
}

TEST(BackboneLayout, CommunityStartSeparatesPlantedCommunities) {
  const PlantedGraph planted = make_planted_graph({.nodes = 3000, .edges = 6000, .communities = 6, .mixing = 0.05, .seed = 8});
  const LayoutGraph graph(planted.nodes, planted.edges);
  BackboneOptions options;
  options.communities = planted.community;
  options.iterations = 100;
  BackboneLayout layout(graph, options);
  layout.run();
  std::vector<int> community = planted.community;
  for (std::uint32_t v = 0; v < graph.node_count(); ++v) {
    if (graph.degree(v) == 0) community[v] = -1;  // isolated accounts carry no community signal
  }
  EXPECT_GT(position_silhouette(layout.x(), layout.y(), community), 0.3);
}

TEST(BackboneLayout, InterruptedStillPlacesEveryNode) {
  const PlantedGraph planted = make_planted_graph({.nodes = 2000, .edges = 4000, .communities = 4, .seed = 9});
  const LayoutGraph graph(planted.nodes, planted.edges);
  BackboneOptions options;
  options.iterations = 10000;
  BackboneLayout layout(graph, options);
  std::atomic<bool> stop{false};
  layout.set_stop_flag(&stop);
  layout.set_progress_handler([&](const LayoutProgress& progress) {
    if (progress.iteration == 3) stop = true;
  });
  layout.run();
  EXPECT_TRUE(layout.interrupted());
  EXPECT_EQ(layout.iterations_done(), 3);
  for (std::uint32_t v = 0; v < graph.node_count(); ++v) EXPECT_TRUE(std::isfinite(layout.x()[v]));
}

TEST(BackboneLayout, RefusesResultsBeforeRun) {
  const LayoutGraph graph = sample_graph();
  BackboneLayout layout(graph, {});
  EXPECT_THROW(layout.x(), std::logic_error);
  BackboneOptions bad;
  bad.communities = {1, 2};
  EXPECT_THROW(BackboneLayout(graph, bad), std::invalid_argument);
}

TEST(MapSample, KeepsTheBackboneAndAFractionOfTheRest) {
  const PlantedGraph planted = make_planted_graph({.nodes = 4000, .edges = 6000, .communities = 4, .seed = 10});
  const LayoutGraph graph(planted.nodes, planted.edges);
  BackboneLayout layout(graph, {});
  const std::size_t rest = graph.node_count() - layout.backbone_count();
  const MapSample sample = sample_beyond_backbone(graph, layout.backbone(), layout.description(), 0.1, 3);
  EXPECT_EQ(sample.accounts_total, 4000);
  EXPECT_EQ(sample.accounts_shown, static_cast<std::int64_t>(layout.backbone_count() + std::llround(0.1 * rest)));
  EXPECT_EQ(sample.edges_total, static_cast<std::int64_t>(graph.edge_count()));
  std::int64_t shown_edges = 0;
  std::vector<std::uint8_t> kept(graph.node_count(), 0);
  for (std::uint32_t v : sample.nodes) kept[v] = 1;
  for (std::uint32_t v = 0; v < graph.node_count(); ++v) {
    if (layout.backbone()[v]) EXPECT_TRUE(kept[v]) << v;
    for (std::uint32_t w : graph.neighbours(v)) shown_edges += v < w && kept[v] && kept[w];
  }
  EXPECT_EQ(sample.edges_shown, shown_edges);
  EXPECT_NE(sample.how.find(layout.description()), std::string::npos) << sample.how;
  EXPECT_NE(sample.how.find("plus 10% of the other"), std::string::npos) << sample.how;
  EXPECT_TRUE(std::is_sorted(sample.nodes.begin(), sample.nodes.end()));

  // Same seed, same accounts; another seed, others.
  EXPECT_EQ(sample.nodes, sample_beyond_backbone(graph, layout.backbone(), layout.description(), 0.1, 3).nodes);
  EXPECT_NE(sample.nodes, sample_beyond_backbone(graph, layout.backbone(), layout.description(), 0.1, 4).nodes);

  // A cap on the total lowers the fraction.
  const MapSample capped = sample_beyond_backbone(graph, layout.backbone(), layout.description(), 0.5, 3,
                                                  layout.backbone_count() + 20);
  EXPECT_EQ(capped.accounts_shown, static_cast<std::int64_t>(layout.backbone_count() + 20));
  const MapSample all = sample_beyond_backbone(graph, layout.backbone(), layout.description(), 1.0, 3);
  EXPECT_EQ(all.accounts_shown, 4000);
  EXPECT_EQ(all.how, "all 4,000 accounts");
  EXPECT_THROW(sample_beyond_backbone(graph, layout.backbone(), "", 1.5, 3), std::invalid_argument);
}

TEST(FormatCount, GroupsThousands) {
  EXPECT_EQ(format_count(0), "0");
  EXPECT_EQ(format_count(999), "999");
  EXPECT_EQ(format_count(1000), "1,000");
  EXPECT_EQ(format_count(1234567), "1,234,567");
  EXPECT_EQ(format_count(-4500), "-4,500");
}

}  // namespace
}  // namespace leaktrace
