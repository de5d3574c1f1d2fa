#include "layout/barnes_hut.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace leaktrace {
namespace {

constexpr int morton_levels = 16;  // 16 bits per axis, a 32-bit code
constexpr double sqrt2 = 1.4142135623730951;

std::uint32_t spread_bits(std::uint32_t v) {
  v &= 0xFFFFu;
  v = (v | (v << 8)) & 0x00FF00FFu;
  v = (v | (v << 4)) & 0x0F0F0F0Fu;
  v = (v | (v << 2)) & 0x33333333u;
  v = (v | (v << 1)) & 0x55555555u;
  return v;
}

// LSD radix sort of 64-bit keys on their high 32 bits (the Morton code), three 11-bit digits.
void radix_sort_high_word(std::vector<std::uint64_t>& keys, std::vector<std::uint64_t>& scratch) {
  constexpr int digit_bits = 11;
  constexpr std::size_t buckets = std::size_t{1} << digit_bits;
  scratch.resize(keys.size());
  std::vector<std::uint32_t> count(buckets);
  for (int shift = 32; shift < 64; shift += digit_bits) {
    std::fill(count.begin(), count.end(), 0);
    for (std::uint64_t key : keys) ++count[(key >> shift) & (buckets - 1)];
    std::uint32_t total = 0;
    for (auto& c : count) {
      const std::uint32_t here = c;
      c = total;
      total += here;
    }
    for (std::uint64_t key : keys) scratch[count[(key >> shift) & (buckets - 1)]++] = key;
    keys.swap(scratch);
  }
}

// A direction for two points at the same place: fixed for the pair, opposite for each of them.
void coincident_direction(std::uint32_t self, std::uint32_t other, double& ux, double& uy) {
  std::uint64_t h = (std::uint64_t{std::min(self, other)} << 32) | std::max(self, other);
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  const double angle = static_cast<double>(h >> 11) * 0x1.0p-53 * 6.283185307179586;
  const double sign = self < other ? 1.0 : -1.0;
  ux = sign * std::cos(angle);
  uy = sign * std::sin(angle);
}

}  // namespace

double overlap_repulsion_factor(double dx, double dy, double mass_product, double size_sum, double coefficient) {
  const double distance = std::sqrt(dx * dx + dy * dy);
  if (distance == 0) return 0;
  const double apart = distance - size_sum;
  if (apart > 0) return coefficient * mass_product / (apart * distance);
  if (apart < 0) return overlap_push * coefficient * mass_product / distance;
  return 0;
}

void BarnesHutTree::build(std::span<const double> x, std::span<const double> y, std::span<const double> mass,
                          std::span<const double> sizes) {
  const auto n = static_cast<std::uint32_t>(x.size());
  cells_.clear();
  cell_reach_.clear();
  leaves_.clear();
  leaf_bounds_.clear();
  has_sizes_ = !sizes.empty();
  if (n == 0) return;

  double min_x = std::numeric_limits<double>::infinity(), max_x = -min_x;
  double min_y = min_x, max_y = -min_x;
  for (std::uint32_t i = 0; i < n; ++i) {
    min_x = std::min(min_x, x[i]);
    max_x = std::max(max_x, x[i]);
    min_y = std::min(min_y, y[i]);
    max_y = std::max(max_y, y[i]);
  }
  double width = std::max(max_x - min_x, max_y - min_y);
  if (!(width > 0)) width = 1;
  const double scale = static_cast<double>(1u << morton_levels) / width;
  constexpr double top = (1u << morton_levels) - 1;

  keys_.resize(n);
  for (std::uint32_t i = 0; i < n; ++i) {
    const auto qx = static_cast<std::uint32_t>(std::min(top, (x[i] - min_x) * scale));
    const auto qy = static_cast<std::uint32_t>(std::min(top, (y[i] - min_y) * scale));
    const std::uint32_t code = (spread_bits(qy) << 1) | spread_bits(qx);
    keys_[i] = (std::uint64_t{code} << 32) | i;
  }
  radix_sort_high_word(keys_, scratch_);

  codes_.resize(n);
  order_.resize(n);
  rank_.resize(n);
  sorted_x_.resize(n);
  sorted_y_.resize(n);
  sorted_mass_.resize(n);
  sorted_size_.assign(has_sizes_ ? n : 0, 0.0);
  for (std::uint32_t k = 0; k < n; ++k) {
    const auto i = static_cast<std::uint32_t>(keys_[k]);
    codes_[k] = static_cast<std::uint32_t>(keys_[k] >> 32);
    order_[k] = i;
    rank_[i] = k;
    sorted_x_[k] = x[i];
    sorted_y_[k] = y[i];
    sorted_mass_[k] = mass[i];
    if (has_sizes_) sorted_size_[k] = sizes[i];
  }
  cells_.reserve(n / 2 + 16);
  build_cell(0, n, 0, width);
}

void BarnesHutTree::build_cell(std::uint32_t lo, std::uint32_t hi, int level, double width) {
  const auto index = static_cast<std::uint32_t>(cells_.size());
  cells_.push_back(Cell{0, 0, 0, width * width, 0, lo, hi - lo, false});
  cell_reach_.push_back(0);
  double max_size = 0;
  if (hi - lo <= leaf_capacity || level == morton_levels) {
    double m = 0, mx = 0, my = 0;
    for (std::uint32_t k = lo; k < hi; ++k) {
      m += sorted_mass_[k];
      mx += sorted_mass_[k] * sorted_x_[k];
      my += sorted_mass_[k] * sorted_y_[k];
      if (has_sizes_) max_size = std::max(max_size, sorted_size_[k]);
    }
    Bounds bounds{sorted_x_[lo], sorted_y_[lo], sorted_x_[lo], sorted_y_[lo]};
    for (std::uint32_t k = lo; k < hi; ++k) {
      bounds.min_x = std::min(bounds.min_x, sorted_x_[k]);
      bounds.max_x = std::max(bounds.max_x, sorted_x_[k]);
      bounds.min_y = std::min(bounds.min_y, sorted_y_[k]);
      bounds.max_y = std::max(bounds.max_y, sorted_y_[k]);
    }
    leaves_.push_back(index);
    leaf_bounds_.push_back(bounds);
    Cell& cell = cells_[index];
    cell.leaf = true;
    cell.mass = m;
    cell.centre_x = m > 0 ? mx / m : sorted_x_[lo];
    cell.centre_y = m > 0 ? my / m : sorted_y_[lo];
  } else {
    const int shift = 2 * (morton_levels - 1 - level);
    double m = 0, mx = 0, my = 0;
    std::uint32_t start = lo;
    for (std::uint32_t quadrant = 0; quadrant < 4 && start < hi; ++quadrant) {
      const std::uint32_t* end = std::partition_point(codes_.data() + start, codes_.data() + hi, [&](std::uint32_t code) {
        return ((code >> shift) & 3u) <= quadrant;
      });
      const auto stop = static_cast<std::uint32_t>(end - codes_.data());
      if (stop > start) {
        const auto child = static_cast<std::uint32_t>(cells_.size());
        build_cell(start, stop, level + 1, width / 2);
        const Cell& built = cells_[child];
        m += built.mass;
        mx += built.mass * built.centre_x;
        my += built.mass * built.centre_y;
        max_size = std::max(max_size, cell_reach_[child] - width / 2 * sqrt2);
      }
      start = stop;
    }
    Cell& cell = cells_[index];
    cell.mass = m;
    cell.centre_x = m > 0 ? mx / m : sorted_x_[lo];
    cell.centre_y = m > 0 ? my / m : sorted_y_[lo];
  }
  cells_[index].skip = static_cast<std::uint32_t>(cells_.size());
  cell_reach_[index] = width * sqrt2 + max_size;
}

void BarnesHutTree::add_pair(std::uint32_t k, std::uint32_t other, double ex, double ey, double size,
                             bool prevent_overlap, double& sum_x, double& sum_y) const {
  const double e2 = ex * ex + ey * ey;
  if (prevent_overlap) {
    const double size_sum = size + (has_sizes_ ? sorted_size_[other] : 0.0);
    if (e2 == 0) {
      double ux, uy;
      coincident_direction(order_[k], order_[other], ux, uy);
      const double push = size_sum > 0 ? overlap_push * sorted_mass_[other] : 0.0;
      sum_x += ux * push;
      sum_y += uy * push;
      return;
    }
    const double factor = overlap_repulsion_factor(ex, ey, sorted_mass_[other], size_sum, 1.0);
    sum_x += ex * factor;
    sum_y += ey * factor;
  } else if (e2 > 0) {
    const double factor = sorted_mass_[other] / e2;
    sum_x += ex * factor;
    sum_y += ey * factor;
  }
}

void BarnesHutTree::add_leaf_repulsion(std::size_t leaf, std::span<const double> mass,
                                       double coefficient, double theta, bool prevent_overlap, std::span<double> fx,
                                       std::span<double> fy) const {
  const std::uint32_t leaf_cell = leaves_[leaf];
  const Cell& own = cells_[leaf_cell];
  const std::uint32_t first = own.first;
  const std::uint32_t count = own.count;
  const Bounds& box = leaf_bounds_[leaf];
  const bool sized = prevent_overlap && has_sizes_;
  const double own_size = sized ? cell_reach_[leaf_cell] - std::sqrt(own.width_squared) * sqrt2 : 0.0;
  const double theta_squared = theta * theta;
  // Leaves at the deepest level can hold more points (at one place): those sum on the heap.
  double local_x[leaf_capacity] = {}, local_y[leaf_capacity] = {};
  std::vector<double> heap_x, heap_y;
  if (count > leaf_capacity) {
    heap_x.assign(count, 0.0);
    heap_y.assign(count, 0.0);
  }
  double* sum_x = count > leaf_capacity ? heap_x.data() : local_x;
  double* sum_y = count > leaf_capacity ? heap_y.data() : local_y;
  const double* xs = sorted_x_.data() + first;
  const double* ys = sorted_y_.data() + first;
  const auto cell_count = static_cast<std::uint32_t>(cells_.size());
  for (std::uint32_t c = 0; c < cell_count;) {
    const Cell& cell = cells_[c];
    if (c == leaf_cell) {
      for (std::uint32_t a = 0; a < count; ++a) {
        const double size = has_sizes_ ? sorted_size_[first + a] : 0.0;
        for (std::uint32_t b = 0; b < count; ++b) {
          if (a != b) add_pair(first + a, first + b, xs[a] - xs[b], ys[a] - ys[b], size, prevent_overlap, sum_x[a], sum_y[a]);
        }
      }
      c = cell.skip;
      continue;
    }
    if (first - cell.first < cell.count) {  // an ancestor of the leaf
      ++c;
      continue;
    }
    const double dx = std::max({box.min_x - cell.centre_x, 0.0, cell.centre_x - box.max_x});
    const double dy = std::max({box.min_y - cell.centre_y, 0.0, cell.centre_y - box.max_y});
    const double nearest_squared = dx * dx + dy * dy;
    if (cell.width_squared < theta_squared * nearest_squared &&
        (!sized || std::sqrt(nearest_squared) > own_size + cell_reach_[c])) {
      for (std::uint32_t a = 0; a < count; ++a) {
        const double ex = xs[a] - cell.centre_x, ey = ys[a] - cell.centre_y;
        const double factor = cell.mass / (ex * ex + ey * ey);
        sum_x[a] += ex * factor;
        sum_y[a] += ey * factor;
      }
      c = cell.skip;
      continue;
    }
    if (!cell.leaf) {
      ++c;
      continue;
    }
    const std::uint32_t end = cell.first + cell.count;
    for (std::uint32_t a = 0; a < count; ++a) {
      const double size = has_sizes_ ? sorted_size_[first + a] : 0.0;
      for (std::uint32_t k = cell.first; k < end; ++k) {
        add_pair(first + a, k, xs[a] - sorted_x_[k], ys[a] - sorted_y_[k], size, prevent_overlap, sum_x[a], sum_y[a]);
      }
    }
    c = cell.skip;
  }
  for (std::uint32_t a = 0; a < count; ++a) {
    const std::uint32_t i = order_[first + a];
    fx[i] += sum_x[a] * coefficient * mass[i];
    fy[i] += sum_y[a] * coefficient * mass[i];
  }
}

}  // namespace leaktrace
