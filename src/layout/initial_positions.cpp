#include "layout/initial_positions.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

#include "layout/layout_random.h"

namespace leaktrace {
namespace {

constexpr double two_pi = 6.283185307179586;
constexpr double golden_angle = 2.399963229728653;
constexpr double gap = 1.5;  // disc centres are this many radii apart, at least

void point_in_disc(LayoutRandom& random, double cx, double cy, double radius, double& x, double& y) {
  const double r = radius * std::sqrt(random.uniform());
  const double angle = two_pi * random.uniform();
  x = cx + r * std::cos(angle);
  y = cy + r * std::sin(angle);
}

}  // namespace

Positions random_start_positions(std::uint32_t nodes, std::uint64_t seed, double spacing) {
  if (!(spacing > 0)) throw std::invalid_argument("start positions: spacing must be positive");
  Positions positions{std::vector<double>(nodes), std::vector<double>(nodes)};
  LayoutRandom random(seed);
  const double radius = spacing * std::sqrt(static_cast<double>(std::max<std::uint32_t>(nodes, 1)));
  for (std::uint32_t i = 0; i < nodes; ++i) point_in_disc(random, 0, 0, radius, positions.x[i], positions.y[i]);
  return positions;
}

Positions community_start_positions(std::span<const int> community, std::uint64_t seed, double spacing) {
  if (!(spacing > 0)) throw std::invalid_argument("start positions: spacing must be positive");
  const std::size_t n = community.size();
  int communities = 0;
  for (int c : community) communities = std::max(communities, c + 1);
  std::vector<double> size(communities, 0);
  for (int c : community) {
    if (c >= 0) ++size[c];
  }
  // A disc of area ~ size · spacing² per community.
  std::vector<double> radius(communities);
  for (int c = 0; c < communities; ++c) radius[c] = spacing * std::sqrt(std::max(1.0, size[c]));
  std::vector<int> by_size(communities);
  std::iota(by_size.begin(), by_size.end(), 0);
  std::stable_sort(by_size.begin(), by_size.end(), [&](int a, int b) { return size[a] > size[b]; });

  // Sunflower: the k-th disc at the distance that leaves room for the area of those before it.
  std::vector<double> centre_x(communities, 0), centre_y(communities, 0);
  double area_before = 0;
  for (int k = 0; k < communities; ++k) {
    const int c = by_size[k];
    const double r = radius[c] * gap;
    const double distance = k == 0 ? 0.0 : std::sqrt(area_before) + r;
    centre_x[c] = distance * std::cos(k * golden_angle);
    centre_y[c] = distance * std::sin(k * golden_angle);
    area_before += 4 * r * r;
  }
  const double whole = std::sqrt(area_before) + spacing;

  Positions positions{std::vector<double>(n), std::vector<double>(n)};
  LayoutRandom random(seed);
  for (std::size_t i = 0; i < n; ++i) {
    const int c = community[i];
    if (c >= 0) {
      point_in_disc(random, centre_x[c], centre_y[c], radius[c], positions.x[i], positions.y[i]);
    } else {
      point_in_disc(random, 0, 0, whole, positions.x[i], positions.y[i]);
    }
  }
  return positions;
}

double balanced_scale(const LayoutGraph& graph, const ForceAtlas2Options& options, std::span<const double> x,
                      std::span<const double> y) {
  const std::uint32_t n = graph.node_count();
  if (x.size() != n || y.size() != n) throw std::invalid_argument("balanced_scale: give one x and one y per node");
  double mass_sum = 0, mass_squares = 0;
  for (std::uint32_t i = 0; i < n; ++i) {
    mass_sum += graph.mass(i);
    mass_squares += graph.mass(i) * graph.mass(i);
  }
  const double repulsion = options.scaling_ratio * (mass_sum * mass_sum - mass_squares) / 2;
  const double compensation = n > 0 ? mass_sum / n : 1.0;

  // Σ r·F of attraction and gravity at scale s (both inward, so subtracted).
  auto inward = [&](double s) {
    double total = 0;
    for (std::uint32_t i = 0; i < n; ++i) {
      const double r = s * std::hypot(x[i], y[i]);
      total += options.gravity * graph.mass(i) * (options.strong_gravity ? r * r : r);
      const auto neighbours = graph.neighbours(i);
      const auto weights = graph.weights(i);
      const double hub = options.dissuade_hubs ? compensation / graph.mass(i) : 1.0;
      for (std::size_t k = 0; k < neighbours.size(); ++k) {
        const std::uint32_t j = neighbours[k];
        if (!options.dissuade_hubs && j < i) continue;  // symmetric: count each edge once
        const double d = s * std::hypot(x[i] - x[j], y[i] - y[j]);
        const double w = std::pow(static_cast<double>(weights[k]), options.edge_weight_influence) * hub;
        // r_i·F_i + r_j·F_j of an edge is (r_i − r_j)·F = −|F| d; with hub dissuasion each end counts its half.
        const double share = options.dissuade_hubs ? 0.5 : 1.0;
        total += share * w * d * (options.lin_log ? std::log1p(d) : d);
      }
    }
    return total;
  };
  if (repulsion <= 0) return 1;
  double low = 1, high = 1;
  if (inward(1) > repulsion) {
    while (inward(low) > repulsion && low > 1e-12) low /= 2;
    high = low * 2;
  } else {
    while (inward(high) < repulsion && high < 1e12) high *= 2;
    low = high / 2;
  }
  for (int step = 0; step < 40; ++step) {
    const double middle = std::sqrt(low * high);
    (inward(middle) < repulsion ? low : high) = middle;
  }
  return std::sqrt(low * high);
}

void balance_scale(const LayoutGraph& graph, const ForceAtlas2Options& options, Positions& positions) {
  const double s = balanced_scale(graph, options, positions.x, positions.y);
  for (double& v : positions.x) v *= s;
  for (double& v : positions.y) v *= s;
}

}  // namespace leaktrace
