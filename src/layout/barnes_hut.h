#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace leaktrace {

// A quadtree over weighted points for the Barnes–Hut approximation of ForceAtlas2's repulsion
// (Barnes & Hut, "A hierarchical O(N log N) force-calculation algorithm", Nature 324, 1986).
// Points are sorted along a Morton (Z-order) curve, so each cell is a contiguous range of them and
// the tree is stored depth first with a "skip" index past each subtree: a query is one forward scan.
// Leaves hold up to `leaf_capacity` points, computed exactly when the leaf is near.
class BarnesHutTree {
 public:
  static constexpr std::uint32_t leaf_capacity = 8;

  // Rebuilds the tree; sizes may be empty (then no overlap prevention is possible).
  void build(std::span<const double> x, std::span<const double> y, std::span<const double> mass,
             std::span<const double> sizes);

  // The ForceAtlas2 repulsion k_r m_i m_j / d on every point i of one leaf (`leaf` indexes
  // leaves()) from all other points, added to fx[i], fy[i]: one walk of the tree per leaf. A cell of
  // width w stands for its points when w / d < theta, d the distance from its centre of mass to the
  // leaf's bounding box (Gephi's criterion, applied to the whole leaf; theta = 0 is exact). With
  // `prevent_overlap`, near points repel by the anti-collision law on d − size_i − size_j, and a cell
  // is only approximated when none of its points can overlap the leaf's.
  void add_leaf_repulsion(std::size_t leaf, std::span<const double> mass, double coefficient, double theta,
                          bool prevent_overlap, std::span<double> fx, std::span<double> fy) const;

  // All of it: add_leaf_repulsion() over every leaf.
  void add_repulsion(std::span<const double> mass, double coefficient, double theta, bool prevent_overlap,
                     std::span<double> fx, std::span<double> fy) const {
    for (std::size_t leaf = 0; leaf < leaves_.size(); ++leaf) {
      add_leaf_repulsion(leaf, mass, coefficient, theta, prevent_overlap, fx, fy);
    }
  }
  const std::vector<std::uint32_t>& leaves() const { return leaves_; }  // leaf cells, in Morton order

  std::size_t cell_count() const { return cells_.size(); }
  // The points in Morton order.
  const std::vector<std::uint32_t>& order() const { return order_; }

 private:
  struct Cell {
    double centre_x;  // centre of mass
    double centre_y;
    double mass;
    double width_squared;
    std::uint32_t skip;   // index of the next cell after this subtree
    std::uint32_t first;  // first point (into the sorted arrays)
    std::uint32_t count;  // points in the cell
    bool leaf;
  };

  void build_cell(std::uint32_t lo, std::uint32_t hi, int level, double width);
  // The repulsion factor of sorted point `other` on sorted point `k` (at ex, ey from it), without
  // k_r m_k, accumulated into (sum_x, sum_y).
  void add_pair(std::uint32_t k, std::uint32_t other, double ex, double ey, double size, bool prevent_overlap,
                double& sum_x, double& sum_y) const;

  std::vector<Cell> cells_;
  std::vector<std::uint32_t> leaves_;
  struct Bounds {
    double min_x, min_y, max_x, max_y;
  };
  std::vector<Bounds> leaf_bounds_;
  std::vector<double> cell_reach_;      // width * sqrt 2 + largest radius in the cell (overlap prevention)
  std::vector<std::uint64_t> keys_;     // (Morton code << 32) | point index, sorted
  std::vector<std::uint64_t> scratch_;  // radix sort buffer
  std::vector<std::uint32_t> codes_;
  std::vector<std::uint32_t> order_;    // point index, in Morton order
  std::vector<std::uint32_t> rank_;     // inverse of order_
  std::vector<double> sorted_x_;
  std::vector<double> sorted_y_;
  std::vector<double> sorted_mass_;
  std::vector<double> sorted_size_;
  bool has_sizes_ = false;
};

// Anti-collision repulsion between two points (ForceAtlas2 "prevent overlap", Jacomy et al. 2014):
// on d' = d - s_i - s_j, k_r m_i m_j / d' when apart, and a strong constant push when overlapping.
// Returns the factor to multiply (x_i - x_j, y_i - y_j) by.
double overlap_repulsion_factor(double dx, double dy, double mass_product, double size_sum, double coefficient);

// The strong constant used for overlapping nodes, relative to the scaling ratio (as in Gephi).
inline constexpr double overlap_push = 100.0;

}  // namespace leaktrace
