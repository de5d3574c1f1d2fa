#include "analysis/communities.h"

#include <gtest/gtest.h>

#include <random>

#include "unit/analysis/analysis_test_data.h"

namespace leaktrace {
namespace {

// Two cliques of five accounts each ("a*" writing in French with #un, "b*" in German with #zwei),
// joined by one edge a0 - b0.
struct TwoCliques {
  Dataset dataset;
  AccountGraph graph;
};

TwoCliques two_cliques() {
  testing::SmallDataset data;
  std::vector<std::uint32_t> accounts;
  for (char group : {'a', 'b'}) {
    for (int i = 0; i < 5; ++i) accounts.push_back(data.account(std::string(1, group) + std::to_string(i)));
  }
  std::vector<GraphNode> nodes;
  for (std::uint32_t a : accounts) nodes.push_back({"twitter:" + std::to_string(a), "n" + std::to_string(a), a});
  std::vector<GraphEdge> edges;
  for (std::uint32_t g = 0; g < 2; ++g) {
    for (std::uint32_t i = 0; i < 5; ++i) {
      for (std::uint32_t j = i + 1; j < 5; ++j) edges.push_back({g * 5 + i, g * 5 + j, InteractionType::repost, 1, 0, 0});
    }
  }
  edges.push_back({0, 5, InteractionType::repost, 1, 0, 0});
  int id = 0;
  for (std::uint32_t a : accounts) {
    bool french = a < 5;
    std::uint32_t p = data.builder().add_post(
        {.native_id = std::to_string(id++), .author = a, .time = id, .language = french ? "fr" : "de"});
    data.builder().add_hashtag(p, french ? "un" : "zwei");
    data.builder().add_hashtag(p, "leak");
  }
  return {data.finish(), AccountGraph::assemble(std::move(nodes), std::move(edges))};
}

TEST(CommunityDetection, FindsTheTwoCliquesAndLabelsThem) {
  TwoCliques t = two_cliques();
  CommunityDetection communities(t.graph, &t.dataset);
  communities.run();
  ASSERT_EQ(communities.communities().size(), 2u);
  const auto& m = communities.membership();
  for (int i = 1; i < 5; ++i) {
    EXPECT_EQ(m[i], m[0]);
    EXPECT_EQ(m[5 + i], m[5]);
  }
  EXPECT_NE(m[0], m[5]);
  // Equal sizes: the community holding the smallest key comes first.
  EXPECT_EQ(m[0], 0);
  const Community& french = communities.communities()[0];
  EXPECT_EQ(french.accounts, 5);
  ASSERT_FALSE(french.hashtags.empty());
  EXPECT_EQ(french.hashtags.front().name, "un");  // #leak is everyone's: not distinctive
  ASSERT_FALSE(french.languages.empty());
  EXPECT_EQ(french.languages.front().name, "fr");
  EXPECT_NE(french.label.find("#un"), std::string::npos);
  EXPECT_GT(communities.modularity(), 0.3);
  EXPECT_EQ(communities.community_of_account(7), m[7]);
}

TEST(CommunityDetection, SameInputAndSeedGiveTheSameIds) {
  TwoCliques t = two_cliques();
  CommunityDetection first(t.graph, &t.dataset, {.seed = 7});
  CommunityDetection second(t.graph, &t.dataset, {.seed = 7});
  first.run();
  second.run();
  EXPECT_EQ(first.membership(), second.membership());
}

TEST(CommunityDetection, StartedFirstItFindsTheSameAsRunAlone) {
  TwoCliques t = two_cliques();
  CommunityDetection started(t.graph, &t.dataset, {.seed = 7});
  started.start();
  EXPECT_FALSE(started.finished()) << "start() only begins Leiden";
  started.run();
  CommunityDetection alone(t.graph, &t.dataset, {.seed = 7});
  alone.run();
  EXPECT_EQ(started.membership(), alone.membership());
  EXPECT_EQ(started.communities().front().label, alone.communities().front().label);
  EXPECT_FALSE(started.leiden_in_background()) << "ten accounts are not worth a forked copy";
}

// Groups of 50 nodes, 90 % of the edges inside them: large enough for Leiden to run in a forked copy.
AccountGraph grouped_graph() {
  std::mt19937 random(5);
  std::uniform_int_distribution<std::uint32_t> node(0, 39999);
  std::uniform_int_distribution<std::uint32_t> in_group(0, 49);
  std::vector<GraphNode> nodes;
  for (std::uint32_t n = 0; n < 40000; ++n) nodes.push_back({"twitter:" + std::to_string(n), "n", no_index});
  std::vector<GraphEdge> edges;
  while (edges.size() < 250000) {
    std::uint32_t a = node(random);
    std::uint32_t b = random() % 10 < 9 ? a / 50 * 50 + in_group(random) : node(random);
    if (a != b) edges.push_back({a, b, InteractionType::repost, 1, 0, 0});
  }
  return AccountGraph::assemble(std::move(nodes), std::move(edges));
}

TEST(CommunityDetection, GivenLeidenBegunOnEdgesMadeElsewhereItFindsTheSameAsRunAlone) {
  const AccountGraph graph = grouped_graph();
  CommunityParameters parameters{.seed = 9};
  // The edges made in the forked copy, as Investigation::start_communities makes them before the
  // graph here exists (here: the same graph's).
  auto started = std::make_unique<ig::BackgroundLeiden>([&] { return graph.undirected(parameters.types); },
                                                        graph.edges().size(), parameters.resolution, parameters.seed,
                                                        parameters.runs);
  ASSERT_TRUE(started->in_background());
  CommunityDetection adopted(graph, nullptr, parameters, {}, std::move(started));
  adopted.run();
  EXPECT_TRUE(adopted.leiden_in_background());
  CommunityDetection alone(graph, nullptr, parameters);
  alone.run();
  EXPECT_EQ(adopted.membership(), alone.membership());
  EXPECT_DOUBLE_EQ(adopted.modularity(), alone.modularity());
  EXPECT_GT(alone.modularity(), 0.5);
}

TEST(CommunityDetection, RefusesBadParameters) {
  TwoCliques t = two_cliques();
  EXPECT_THROW(CommunityDetection(t.graph, &t.dataset, {.resolution = 0}), std::invalid_argument);
  CommunityDetection communities(t.graph, nullptr);
  EXPECT_THROW(communities.membership(), std::logic_error);
}

TEST(CompareWithAttribute, SamePartitionUnderOtherNamesAgreesFully) {
  PartitionAgreement same = compare_with_attribute({0, 0, 1, 1, 2}, {"x", "x", "y", "y", "z"});
  EXPECT_NEAR(same.nmi, 1.0, 1e-12);
  EXPECT_NEAR(same.ari, 1.0, 1e-12);
  // Nodes without a value are left out.
  PartitionAgreement partial = compare_with_attribute({0, 1, 1}, {"x", "", "y"});
  EXPECT_EQ(partial.nodes, 2u);
  PartitionAgreement crossed = compare_with_attribute({0, 0, 1, 1}, {"x", "y", "x", "y"});
  EXPECT_NEAR(crossed.nmi, 0.0, 1e-12);
}

}  // namespace
}  // namespace leaktrace
