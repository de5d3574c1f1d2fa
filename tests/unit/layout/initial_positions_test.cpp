#include "layout/initial_positions.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "layout/layout_quality.h"

namespace leaktrace {
namespace {

TEST(CommunityStartPositions, MembersStartTogetherAndCommunitiesApart) {
  std::vector<int> community;
  for (int c = 0; c < 6; ++c) community.insert(community.end(), 50 + 40 * c, c);
  community.insert(community.end(), 20, -1);  // in no community
  const Positions start = community_start_positions(community, 3);
  ASSERT_EQ(start.x.size(), community.size());
  EXPECT_GT(position_silhouette(start.x, start.y, community), 0.6);
  EXPECT_EQ(start.x, community_start_positions(community, 3).x);
  EXPECT_NE(start.x, community_start_positions(community, 4).x);
}

//   0 ── 1     At the balanced scale the virial vanishes: repulsion k_r·2·2 (one pair, masses 2)
//              equals attraction d², so d = 2·sqrt(k_r) whatever the start (no gravity here).
TEST(BalancedScale, TwoNodesScaleToTheirEquilibriumDistance) {
  std::vector<LayoutEdge> edges{{0, 1, 1}};
  const LayoutGraph graph(2, edges);
  ForceAtlas2Options options;
  options.gravity = 0;
  options.scaling_ratio = 3;
  Positions positions{{-1, 1}, {0, 0}};
  balance_scale(graph, options, positions);
  EXPECT_NEAR(positions.x[1] - positions.x[0], 2 * std::sqrt(3.0), 1e-6);
}

TEST(BalancedScale, ScaleIsWhereTheTotalRadialForceVanishes) {
  // A ring of 30 with chords; check against ForceAtlas2's own (exact) forces: Σ r·F ≈ 0.
  std::vector<LayoutEdge> edges;
  for (std::uint32_t i = 0; i < 30; ++i) {
    edges.push_back({i, (i + 1) % 30, 1});
    if (i % 3 == 0) edges.push_back({i, (i + 7) % 30, 2});
  }
  const LayoutGraph graph(30, edges);
  for (bool strong : {false, true}) {
    ForceAtlas2Options options;
    options.barnes_hut = false;
    options.strong_gravity = strong;
    options.gravity = 0.5;
    Positions positions = random_start_positions(30, 5, 1.0);
    balance_scale(graph, options, positions);
    std::vector<double> fx, fy;
    ForceAtlas2(graph, options, 1).forces_at(positions.x, positions.y, fx, fy);
    double virial = 0, magnitude = 0;
    for (std::uint32_t i = 0; i < 30; ++i) {
      virial += positions.x[i] * fx[i] + positions.y[i] * fy[i];
      magnitude += std::hypot(positions.x[i], positions.y[i]) * std::hypot(fx[i], fy[i]);
    }
    EXPECT_LT(std::abs(virial), 1e-6 * magnitude) << "strong gravity " << strong;
  }
}

}  // namespace
}  // namespace leaktrace
