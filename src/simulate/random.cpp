#include "simulate/random.h"

#include <algorithm>
#include <bit>

namespace leaktrace::simulate {

std::uint64_t Random::poisson(double mean) {
  if (mean <= 0.0) return 0;
  if (mean > 30.0) {
    double draw = mean + std::sqrt(mean) * normal() + 0.5;
    return draw < 0.0 ? 0 : static_cast<std::uint64_t>(draw);
  }
  const double limit = std::exp(-mean);
  std::uint64_t count = 0;
  double product = uniform();
  while (product > limit) {
    ++count;
    product *= uniform();
  }
  return count;
}

AliasTable::AliasTable(const std::vector<double>& weights) : AliasTable(weights, [&] {
  std::vector<std::uint32_t> indexes(weights.size());
  for (std::size_t i = 0; i < indexes.size(); ++i) indexes[i] = static_cast<std::uint32_t>(i);
  return indexes;
}()) {}

AliasTable::AliasTable(const std::vector<double>& weights, const std::vector<std::uint32_t>& labels) {
  const std::size_t n = weights.size();
  columns_.assign(n, Column{});
  if (n == 0) return;
  double sum = 0.0;
  for (double w : weights) sum += w;
  std::vector<double> scaled(n);
  std::vector<std::uint32_t> small, large;
  for (std::size_t i = 0; i < n; ++i) {
    scaled[i] = sum > 0.0 ? weights[i] * static_cast<double>(n) / sum : 1.0;
    (scaled[i] < 1.0 ? small : large).push_back(static_cast<std::uint32_t>(i));
    columns_[i].label = labels[i];
    columns_[i].alias_label = labels[0];
  }
  while (!small.empty() && !large.empty()) {
    std::uint32_t less = small.back();
    small.pop_back();
    std::uint32_t more = large.back();
    columns_[less].probability = scaled[less];
    columns_[less].alias_label = labels[more];
    scaled[more] = (scaled[more] + scaled[less]) - 1.0;
    if (scaled[more] < 1.0) {
      large.pop_back();
      small.push_back(more);
    }
  }
  for (std::uint32_t i : large) columns_[i].probability = 1.0;
  for (std::uint32_t i : small) columns_[i].probability = 1.0;
}

void GrowingSampler::append(double weight) {
  if (tree_.empty()) tree_.push_back(0.0);
  const std::size_t index = tree_.size();
  // A new node covers (index - lowbit(index), index]: its own weight plus the sums of the
  // children that end just before it.
  double node = weight;
  const std::size_t low = index & (~index + 1);
  for (std::size_t step = 1; step < low; step <<= 1) node += tree_[index - step];
  tree_.push_back(node);
  total_ += weight;
}

std::uint32_t GrowingSampler::draw(Random& random) const {
  double target = random.uniform() * total_;
  std::size_t position = 0;
  const std::size_t n = tree_.size() - 1;
  for (std::size_t step = std::bit_floor(n); step > 0; step >>= 1) {
    std::size_t next = position + step;
    if (next <= n && tree_[next] <= target) {
      position = next;
      target -= tree_[next];
    }
  }
  return static_cast<std::uint32_t>(std::min(position, n - 1));
}

}  // namespace leaktrace::simulate
