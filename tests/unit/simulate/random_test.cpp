#include "simulate/random.h"

#include <cmath>
#include <vector>

#include <gtest/gtest.h>

namespace leaktrace::simulate {
namespace {

constexpr int draws = 200000;

TEST(Random, SameSeedSameSequenceAndStreamsDiffer) {
  Random a(42), b(42), c = Random::derived(42, 1);
  for (int i = 0; i < 100; ++i) {
    std::uint64_t x = a.next();
    EXPECT_EQ(x, b.next());
    EXPECT_NE(x, c.next());
  }
}

TEST(Random, UniformAndBelowStayInRange) {
  Random random(1);
  double sum = 0;
  for (int i = 0; i < draws; ++i) {
    double u = random.uniform();
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
    ASSERT_LT(random.below(7), 7u);
    sum += u;
  }
  EXPECT_NEAR(sum / draws, 0.5, 0.01);
}

TEST(Random, PoissonHasItsMean) {
  Random random(2);
  for (double mean : {0.5, 4.0, 80.0}) {
    double sum = 0;
    for (int i = 0; i < draws; ++i) sum += static_cast<double>(random.poisson(mean));
    EXPECT_NEAR(sum / draws, mean, mean * 0.03 + 0.01) << mean;
  }
}

TEST(AliasTable, DrawsInProportionToWeights) {
  std::vector<double> weights{1, 0, 3, 6};
  AliasTable table(weights);
  Random random(3);
  std::vector<int> counts(weights.size(), 0);
  for (int i = 0; i < draws; ++i) ++counts[table.draw(random)];
  EXPECT_EQ(counts[1], 0);
  EXPECT_NEAR(counts[0] / static_cast<double>(draws), 0.1, 0.01);
  EXPECT_NEAR(counts[2] / static_cast<double>(draws), 0.3, 0.01);
  EXPECT_NEAR(counts[3] / static_cast<double>(draws), 0.6, 0.01);
}

TEST(GrowingSampler, DrawsInProportionToWeightsAsItGrows) {
  GrowingSampler sampler;
  std::vector<double> weights;
  Random random(4);
  for (int i = 0; i < 37; ++i) {  // not a power of two: the tree is ragged
    double weight = i % 5 == 0 ? 0.0 : 1.0 + i % 7;
    weights.push_back(weight);
    sampler.append(weight);
  }
  double total = 0;
  for (double w : weights) total += w;
  EXPECT_DOUBLE_EQ(sampler.total(), total);
  std::vector<int> counts(weights.size(), 0);
  for (int i = 0; i < draws; ++i) ++counts[sampler.draw(random)];
  for (std::size_t i = 0; i < weights.size(); ++i) {
    EXPECT_NEAR(counts[i] / static_cast<double>(draws), weights[i] / total, 0.006) << i;
  }
}

}  // namespace
}  // namespace leaktrace::simulate
