#include "layout/layout_quality.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace leaktrace {
namespace {

//   community 0: (0,0) (0,1)        community 1: (10,0) (10,1)
//   For (0,0): a = 1, b = mean(10, sqrt(101)) → s = 1 − a/b; the same for all four by symmetry.
TEST(PositionSilhouette, MatchesAHandComputation) {
  const std::vector<double> x{0, 0, 10, 10}, y{0, 1, 0, 1};
  const std::vector<int> community{0, 0, 1, 1};
  const double b = (10 + std::sqrt(101.0)) / 2;
  EXPECT_NEAR(position_silhouette(x, y, community), 1 - 1 / b, 1e-12);
}

TEST(PositionSilhouette, MixedIsAroundZeroAndIgnoresUnlabelled) {
  const std::vector<double> x{0, 1, 2, 3, 50}, y{0, 0, 0, 0, 50};
  const std::vector<int> alternating{0, 1, 0, 1, -1};
  EXPECT_LT(position_silhouette(x, y, alternating), 0.1);
  const std::vector<int> one{0, 0, 0, 0, -1};
  EXPECT_EQ(position_silhouette(x, y, one), 0);  // one community: nothing to separate
  const std::vector<double> bad{0, NAN, 2, 3, 4};
  EXPECT_THROW(position_silhouette(bad, y, alternating), std::invalid_argument);
}

}  // namespace
}  // namespace leaktrace
