#include "layout/layout_quality.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

namespace leaktrace {

double position_silhouette(std::span<const double> x, std::span<const double> y, std::span<const int> community,
                           std::size_t max_scored) {
  if (x.size() != y.size() || x.size() != community.size()) {
    throw std::invalid_argument("position_silhouette: give one x, one y and one community per node");
  }
  std::vector<std::size_t> members;
  int communities = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (community[i] < 0) continue;
    if (!std::isfinite(x[i]) || !std::isfinite(y[i])) {
      throw std::invalid_argument("position_silhouette: node " + std::to_string(i) +
                                  " has no finite position; give it community -1 to leave it out");
    }
    members.push_back(i);
    communities = std::max(communities, community[i] + 1);
  }
  if (members.empty() || communities < 2) return 0;
  std::vector<double> count(communities, 0);
  for (std::size_t i : members) ++count[community[i]];

  const std::size_t scored = std::min(max_scored == 0 ? members.size() : max_scored, members.size());
  std::vector<double> sum(communities);
  double total = 0;
  for (std::size_t s = 0; s < scored; ++s) {
    const std::size_t i = members[s * members.size() / scored];
    std::fill(sum.begin(), sum.end(), 0.0);
    for (std::size_t j : members) {
      if (j == i) continue;
      sum[community[j]] += std::hypot(x[i] - x[j], y[i] - y[j]);
    }
    const int own = community[i];
    if (count[own] < 2) continue;  // s = 0
    const double a = sum[own] / (count[own] - 1);
    double b = std::numeric_limits<double>::infinity();
    for (int c = 0; c < communities; ++c) {
      if (c != own && count[c] > 0) b = std::min(b, sum[c] / count[c]);
    }
    const double denominator = std::max(a, b);
    if (denominator > 0 && std::isfinite(b)) total += (b - a) / denominator;
  }
  return total / static_cast<double>(scored);
}

}  // namespace leaktrace
