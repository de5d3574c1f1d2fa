#include "layout/barnes_hut.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "layout/layout_random.h"

namespace leaktrace {
namespace {

struct Cloud {
  std::vector<double> x, y, mass;
};

// Two dense clusters and a scatter, so the tree has both deep and shallow parts.
Cloud make_cloud(std::size_t n, std::uint64_t seed) {
  Cloud cloud;
  LayoutRandom random(seed);
  for (std::size_t i = 0; i < n; ++i) {
    const double cx = i % 3 == 0 ? 0.0 : i % 3 == 1 ? 500.0 : 250.0;
    const double spread = i % 3 == 2 ? 400.0 : 30.0;
    cloud.x.push_back(cx + spread * (random.uniform() - 0.5));
    cloud.y.push_back(cx / 2 + spread * (random.uniform() - 0.5));
    cloud.mass.push_back(1.0 + static_cast<double>(random.below(20)));
  }
  return cloud;
}

// The repulsion k m_i m_j / d summed over all pairs, written out directly.
void exact_repulsion(const Cloud& cloud, std::size_t i, double k, double& fx, double& fy) {
  fx = fy = 0;
  for (std::size_t j = 0; j < cloud.x.size(); ++j) {
    if (j == i) continue;
    const double dx = cloud.x[i] - cloud.x[j], dy = cloud.y[i] - cloud.y[j];
    const double d = std::sqrt(dx * dx + dy * dy);
    const double magnitude = k * cloud.mass[i] * cloud.mass[j] / d;
    fx += magnitude * dx / d;
    fy += magnitude * dy / d;
  }
}

struct Forces {
  std::vector<double> x, y;
};

Forces tree_forces(const BarnesHutTree& tree, const Cloud& cloud, double k, double theta) {
  Forces f{std::vector<double>(cloud.x.size(), 0), std::vector<double>(cloud.x.size(), 0)};
  tree.add_repulsion(cloud.mass, k, theta, false, f.x, f.y);
  return f;
}

TEST(BarnesHutTree, ThetaZeroIsExact) {
  const Cloud cloud = make_cloud(600, 7);
  BarnesHutTree tree;
  tree.build(cloud.x, cloud.y, cloud.mass, {});
  const Forces f = tree_forces(tree, cloud, 2.0, 0.0);
  for (std::uint32_t i = 0; i < cloud.x.size(); i += 37) {
    double ex, ey;
    exact_repulsion(cloud, i, 2.0, ex, ey);
    EXPECT_NEAR(f.x[i], ex, 1e-9 * (std::abs(ex) + 1));
    EXPECT_NEAR(f.y[i], ey, 1e-9 * (std::abs(ey) + 1));
  }
}

TEST(BarnesHutTree, ApproximationErrorShrinksWithTheta) {
  const Cloud cloud = make_cloud(3000, 11);
  BarnesHutTree tree;
  tree.build(cloud.x, cloud.y, cloud.mass, {});
  auto mean_relative_error = [&](double theta) {
    const Forces f = tree_forces(tree, cloud, 1.0, theta);
    double total = 0;
    int count = 0;
    for (std::uint32_t i = 0; i < cloud.x.size(); i += 13) {
      double ex, ey;
      exact_repulsion(cloud, i, 1.0, ex, ey);
      total += std::hypot(f.x[i] - ex, f.y[i] - ey) / std::hypot(ex, ey);
      ++count;
    }
    return total / count;
  };
  const double fine = mean_relative_error(0.3);
  const double gephi = mean_relative_error(1.2);
  EXPECT_LT(fine, 0.01);
  EXPECT_LT(gephi, 0.1);
  EXPECT_LT(fine, gephi);
}

TEST(BarnesHutTree, APileDeeperThanTheTreeIsStillExactAtThetaZero) {
  Cloud cloud = make_cloud(2500, 13);
  for (int i = 0; i < 40; ++i) {  // a pile at one place, more than a leaf holds
    cloud.x.push_back(77.0);
    cloud.y.push_back(33.0);
    cloud.mass.push_back(2.0);
  }
  BarnesHutTree tree;
  tree.build(cloud.x, cloud.y, cloud.mass, {});
  for (double theta : {0.0, 0.5, 1.2}) {
    const Forces f = tree_forces(tree, cloud, 3.0, theta);
    double error = 0, norm = 0;
    for (std::uint32_t i = 0; i < cloud.x.size(); ++i) {
      double ex, ey;
      exact_repulsion(cloud, i, 3.0, ex, ey);
      if (cloud.x[i] == 77.0 && cloud.y[i] == 33.0) continue;  // coincident: no direction
      error += std::hypot(f.x[i] - ex, f.y[i] - ey);
      norm += std::hypot(ex, ey);
    }
    EXPECT_LT(error / norm, theta == 0 ? 1e-12 : theta < 1 ? 0.01 : 0.05) << "theta " << theta;
  }
}

TEST(BarnesHutTree, CoincidentPointsDoNotBlowUp) {
  const std::vector<double> x(20, 5.0), y(20, -3.0), mass(20, 1.0);
  BarnesHutTree tree;
  tree.build(x, y, mass, {});
  std::vector<double> fx(20, 0), fy(20, 0);
  tree.add_repulsion(mass, 1, 1.2, false, fx, fy);
  EXPECT_EQ(fx[0], 0);
  EXPECT_EQ(fy[0], 0);
  // With sizes, coincident points are pushed apart in opposite directions.
  const std::vector<double> two_x{0, 0}, two_y{0, 0}, two_mass{1, 1}, two_sizes{1, 1};
  tree.build(two_x, two_y, two_mass, two_sizes);
  std::vector<double> ax(2, 0), ay(2, 0);
  tree.add_repulsion(two_mass, 1, 1.2, true, ax, ay);
  EXPECT_GT(std::hypot(ax[0], ay[0]), 0);
  EXPECT_NEAR(ax[0], -ax[1], 1e-12);
  EXPECT_NEAR(ay[0], -ay[1], 1e-12);
}

TEST(OverlapRepulsion, FollowsThePapersThreeCases) {
  // Apart: k m / d' along the unit vector. Here d = 10, sizes 2 + 3: d' = 5.
  const double apart = overlap_repulsion_factor(10, 0, 4, 5, 2);
  EXPECT_NEAR(apart * 10, 2 * 4 / 5.0, 1e-12);
  // Touching: nothing.
  EXPECT_EQ(overlap_repulsion_factor(5, 0, 4, 5, 2), 0);
  // Overlapping: a constant push of overlap_push k m.
  const double overlapping = overlap_repulsion_factor(2, 0, 4, 5, 2);
  EXPECT_NEAR(overlapping * 2, overlap_push * 2 * 4, 1e-9);
}

}  // namespace
}  // namespace leaktrace
