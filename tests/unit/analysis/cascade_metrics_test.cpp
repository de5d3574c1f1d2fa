#include "analysis/cascade_metrics.h"

#include <queue>
#include <random>

#include <gtest/gtest.h>

namespace leaktrace {
namespace {

CascadeTree tree_of(const std::vector<std::uint32_t>& parents) {
  CascadeTree tree;
  tree.id = "t";
  for (std::size_t i = 0; i < parents.size(); ++i) {
    tree.nodes.push_back(CascadeNode{"u" + std::to_string(i), "p", static_cast<TimeMs>(i) * 1000, parents[i]});
  }
  return tree;
}

// Mean distance over all pairs by a breadth-first search from every node: O(n^2), independent of
// the subtree-size formula under test.
double brute_force_virality(const CascadeTree& tree) {
  const std::size_t n = tree.nodes.size();
  if (n < 2) return 0;
  std::vector<std::vector<std::size_t>> adjacent(n);
  for (std::size_t v = 1; v < n; ++v) {
    adjacent[v].push_back(tree.nodes[v].parent);
    adjacent[tree.nodes[v].parent].push_back(v);
  }
  double total = 0;
  for (std::size_t s = 0; s < n; ++s) {
    std::vector<int> distance(n, -1);
    std::queue<std::size_t> queue;
    distance[s] = 0;
    queue.push(s);
    while (!queue.empty()) {
      std::size_t v = queue.front();
      queue.pop();
      for (std::size_t w : adjacent[v]) {
        if (distance[w] < 0) {
          distance[w] = distance[v] + 1;
          queue.push(w);
        }
      }
    }
    for (int d : distance) total += d;
  }
  return total / static_cast<double>(n * (n - 1));
}

TEST(CascadeMetrics, StarAndChainHaveTheKnownVirality) {
  // A star of n nodes (a broadcast): mean distance 2 (n - 1) / n. A chain (person to person):
  // (n + 1) / 3 (Goel et al. 2016, figure 1).
  std::vector<std::uint32_t> star{no_index, 0, 0, 0, 0};
  EXPECT_DOUBLE_EQ(structural_virality(tree_of(star)), 2.0 * 4 / 5);
  std::vector<std::uint32_t> chain{no_index, 0, 1, 2, 3};
  EXPECT_DOUBLE_EQ(structural_virality(tree_of(chain)), 6.0 / 3);
  EXPECT_EQ(structural_virality(tree_of({no_index})), 0);
}

TEST(CascadeMetrics, ViralityMatchesBruteForceOnRandomTrees) {
  std::mt19937 random(20240521);
  for (int round = 0; round < 50; ++round) {
    std::size_t n = 1 + random() % 60;
    std::vector<std::uint32_t> parents{no_index};
    for (std::size_t v = 1; v < n; ++v) parents.push_back(static_cast<std::uint32_t>(random() % v));
    CascadeTree tree = tree_of(parents);
    EXPECT_NEAR(structural_virality(tree), brute_force_virality(tree), 1e-12) << "n = " << n;
  }
}

TEST(CascadeMetrics, SizeDepthBreadthAndTimes) {
  //        0 (t=0, u0)
  //      / | \
  //     1  2  3        t = 60 s, 120 s, 30 s
  //     |     |
  //     4     5        4: u1 again at 300 s; 5: no user, 10 s
  CascadeTree tree = tree_of({no_index, 0, 0, 0, 1, 3});
  tree.nodes[1].time = 60'000;
  tree.nodes[2].time = 120'000;
  tree.nodes[3].time = 30'000;
  tree.nodes[4].time = 300'000;
  tree.nodes[4].user = "u1";
  tree.nodes[5].time = 10'000;
  tree.nodes[5].user = "";
  std::array<std::size_t, 4> thresholds{1, 3, 4, 10};
  CascadeMetrics metrics = cascade_metrics(tree, thresholds);
  EXPECT_EQ(metrics.size, 6u);
  EXPECT_EQ(metrics.accounts, 4u);  // u0, u1, u2, u3
  EXPECT_EQ(metrics.depth, 2u);
  EXPECT_EQ(metrics.max_breadth, 3u);
  EXPECT_EQ(metrics.start, 0);
  EXPECT_EQ(metrics.time_span, 300'000);
  ASSERT_EQ(metrics.time_to_accounts.size(), 4u);
  EXPECT_EQ(metrics.time_to_accounts[0].time, 0);        // u0
  EXPECT_EQ(metrics.time_to_accounts[1].time, 60'000);   // u0, u3 (30 s), u1 (60 s)
  EXPECT_EQ(metrics.time_to_accounts[2].time, 120'000);  // u2
  EXPECT_EQ(metrics.time_to_accounts[3].time, std::nullopt);
  EXPECT_DOUBLE_EQ(metrics.structural_virality, brute_force_virality(tree));
}

TEST(CascadeMetrics, ATreeByNumbersMeasuresAsItsStrings) {
  // The tree above, its users numbered within it: u0 0, u1 1 (nodes 1 and 4), u2 2, u3 3, none.
  const std::vector<std::uint32_t> parent{no_index, 0, 0, 0, 1, 3};
  const std::vector<TimeMs> time{0, 60'000, 120'000, 30'000, 300'000, 10'000};
  const std::vector<std::uint32_t> user{0, 1, 2, 3, 1, no_index};
  std::array<std::size_t, 4> thresholds{1, 3, 4, 10};
  CascadeMetrics metrics = cascade_metrics(CascadeShape{parent, time, user}, thresholds);
  EXPECT_EQ(metrics.size, 6u);
  EXPECT_EQ(metrics.accounts, 4u);
  EXPECT_EQ(metrics.depth, 2u);
  EXPECT_EQ(metrics.max_breadth, 3u);
  EXPECT_EQ(metrics.time_span, 300'000);
  EXPECT_EQ(metrics.time_to_accounts[1].time, 60'000);
  EXPECT_EQ(metrics.time_to_accounts[2].time, 120'000);
  EXPECT_EQ(metrics.time_to_accounts[3].time, std::nullopt);
  EXPECT_DOUBLE_EQ(metrics.structural_virality, structural_virality(CascadeShape{parent, time, user}));

  const std::vector<TimeMs> too_few{0};
  EXPECT_THROW(cascade_metrics(CascadeShape{parent, too_few, user}), std::invalid_argument);
  const std::vector<std::uint32_t> user_out_of_range{0, 1, 2, 3, 6, no_index};
  EXPECT_THROW(cascade_metrics(CascadeShape{parent, time, user_out_of_range}), std::invalid_argument);
}

TEST(CascadeMetrics, UnknownTimesGiveNoSpan) {
  CascadeTree tree = tree_of({no_index, 0});
  for (CascadeNode& node : tree.nodes) node.time = unknown_time;
  CascadeMetrics metrics = cascade_metrics(tree);
  EXPECT_EQ(metrics.time_span, std::nullopt);
  EXPECT_EQ(metrics.time_to_accounts.size(), default_account_thresholds.size());
  EXPECT_EQ(metrics.time_to_accounts[0].time, std::nullopt);
}

TEST(CascadeMetrics, RefusesATreeOutOfOrder) {
  CascadeTree tree = tree_of({no_index, 2, 0});
  EXPECT_THROW(cascade_metrics(tree), std::invalid_argument);
}

TEST(CascadeMetrics, DatasetSummaryCountsUsersOnceAcrossTrees) {
  CascadeTree a = tree_of({no_index, 0, 0});  // u0 u1 u2, 0..2 s
  CascadeTree b = tree_of({no_index});         // u0
  b.nodes[0].time = 7'200'000;
  a.nodes[2].time = 3'600'000;  // a spans one hour, b none
  std::vector<CascadeTree> trees{a, b};
  CascadeDatasetSummary summary = summarize_cascades(trees);
  EXPECT_EQ(summary.trees, 2u);
  EXPECT_EQ(summary.users, 3u);
  EXPECT_EQ(summary.posts, 4u);
  EXPECT_DOUBLE_EQ(summary.average_hours, 0.5);
  EXPECT_DOUBLE_EQ(summary.average_posts, 2.0);
  EXPECT_EQ(summary.max_posts, 3u);
  EXPECT_EQ(summary.min_posts, 1u);
  EXPECT_EQ(summarize_cascades({}).trees, 0u);
}

}  // namespace
}  // namespace leaktrace
