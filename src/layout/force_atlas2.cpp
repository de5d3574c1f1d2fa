#include "layout/force_atlas2.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <stdexcept>
#include <string>

#include "layout/initial_positions.h"
#include "layout/worker_pool.h"

namespace leaktrace {
namespace {

constexpr std::size_t nodes_per_chunk = 512;
constexpr std::size_t leaves_per_chunk = 128;

// Gephi's adaptive-speed constants (the reference implementation the paper describes).
constexpr double min_speed_efficiency = 0.05;
constexpr double max_jitter_tolerance = 10;
constexpr double max_speed_rise = 0.5;       // the global speed grows by at most 50% a step
constexpr double overlap_speed_factor = 0.1;  // k_s with overlap prevention
constexpr double overlap_max_displacement = 10;  // k_smax: a node moves at most this far a step

void check(bool ok, const std::string& message) {
  if (!ok) throw std::invalid_argument("ForceAtlas2: " + message);
}

}  // namespace

ForceAtlas2Options ForceAtlas2Options::for_graph(const LayoutGraph& graph) {
  ForceAtlas2Options options;
  const std::uint32_t n = graph.node_count();
  options.scaling_ratio = n >= 100 ? 2.0 : 10.0;
  options.barnes_hut = n >= 1000;
  return options;
}

ForceAtlas2::ForceAtlas2(const LayoutGraph& graph, ForceAtlas2Options options, int iterations)
    : graph_(graph), options_(options), iterations_(iterations) {
  validate();
  const std::uint32_t n = graph.node_count();
  mass_.resize(n);
  double total_mass = 0;
  for (std::uint32_t i = 0; i < n; ++i) total_mass += mass_[i] = graph.mass(i);
  outbound_compensation_ = n > 0 ? total_mass / n : 1.0;

  const auto raw = graph.weight_array();
  attraction_weight_.resize(raw.size());
  const double delta = options_.edge_weight_influence;
  for (std::size_t k = 0; k < raw.size(); ++k) {
    attraction_weight_[k] = delta == 0 ? 1.0f : delta == 1 ? raw[k] : static_cast<float>(std::pow(raw[k], delta));
  }
  fx_.assign(n, 0);
  fy_.assign(n, 0);
  old_fx_.assign(n, 0);
  old_fy_.assign(n, 0);
  swinging_.assign(n, 0);
  pool_ = std::make_unique<WorkerPool>(options_.threads);
}

ForceAtlas2::~ForceAtlas2() = default;

void ForceAtlas2::validate() const {
  check(iterations_ >= 0, "the number of iterations must be 0 or more");
  check(options_.scaling_ratio > 0 && std::isfinite(options_.scaling_ratio), "scaling_ratio must be a positive number");
  check(options_.gravity >= 0 && std::isfinite(options_.gravity), "gravity must be 0 or a positive number");
  check(options_.edge_weight_influence >= 0 && std::isfinite(options_.edge_weight_influence),
        "edge_weight_influence must be 0 (ignore weights) or a positive exponent");
  check(options_.barnes_hut_theta >= 0 && std::isfinite(options_.barnes_hut_theta),
        "barnes_hut_theta must be 0 (exact) or positive; Gephi uses 1.2");
  check(options_.jitter_tolerance > 0 && std::isfinite(options_.jitter_tolerance),
        "jitter_tolerance must be positive; 1 is the default, lower is more precise and slower");
  check(!options_.prevent_overlap || graph_.has_sizes(),
        "prevent_overlap needs node sizes: call LayoutGraph::set_sizes() first");
}

void ForceAtlas2::set_initial_positions(std::vector<double> x, std::vector<double> y) {
  const std::uint32_t n = graph_.node_count();
  check(x.size() == n && y.size() == n, "initial positions: " + std::to_string(x.size()) + " x and " +
                                            std::to_string(y.size()) + " y for " + std::to_string(n) +
                                            " nodes; give one of each per node");
  for (std::uint32_t i = 0; i < n; ++i) {
    check(std::isfinite(x[i]) && std::isfinite(y[i]), "initial position of node " + std::to_string(i) + " is not finite");
  }
  x_ = std::move(x);
  y_ = std::move(y);
  positioned_ = true;
}

void ForceAtlas2::initialise_positions() {
  Positions start = random_start_positions(graph_.node_count(), options_.seed);
  x_ = std::move(start.x);
  y_ = std::move(start.y);
  positioned_ = true;
}

void ForceAtlas2::compute_forces(std::span<const double> x, std::span<const double> y, std::span<double> fx,
                                 std::span<double> fy) {
  const std::uint32_t n = graph_.node_count();
  const bool overlap = options_.prevent_overlap;
  const std::span<const double> sizes = graph_.sizes();
  if (options_.barnes_hut) tree_.build(x, y, mass_, overlap ? sizes : std::span<const double>{});

  const auto offsets = graph_.offsets();
  const auto neighbours = graph_.neighbour_array();
  const double k_r = options_.scaling_ratio;
  const double k_g = options_.gravity;

  // With Barnes–Hut, repulsion first, one tree walk per leaf (each leaf writes only its own
  // nodes); then the rest, nodes in the tree's Morton order so that neighbours share cache lines.
  const std::vector<std::uint32_t>* order = options_.barnes_hut ? &tree_.order() : nullptr;
  if (options_.barnes_hut) {
    std::fill(fx.begin(), fx.end(), 0.0);
    std::fill(fy.begin(), fy.end(), 0.0);
    const std::size_t leaves = tree_.leaves().size();
    pool_->for_each_chunk((leaves + leaves_per_chunk - 1) / leaves_per_chunk, [&](std::size_t chunk) {
      const std::size_t end = std::min(leaves, (chunk + 1) * leaves_per_chunk);
      for (std::size_t leaf = chunk * leaves_per_chunk; leaf < end; ++leaf) {
        tree_.add_leaf_repulsion(leaf, mass_, k_r, options_.barnes_hut_theta, overlap, fx, fy);
      }
    });
  }
  auto body = [&](std::size_t chunk) {
    const auto begin = static_cast<std::uint32_t>(chunk * nodes_per_chunk);
    const auto end = static_cast<std::uint32_t>(std::min<std::size_t>(n, begin + nodes_per_chunk));
    for (std::uint32_t rank = begin; rank < end; ++rank) {
      const std::uint32_t i = order != nullptr ? (*order)[rank] : rank;
      const double xi = x[i], yi = y[i], mi = mass_[i];
      const double si = overlap ? sizes[i] : 0.0;
      double fxi = 0, fyi = 0;

      // Repulsion, F_r = k_r (deg_i + 1)(deg_j + 1) / d.
      if (options_.barnes_hut) {
        fxi = fx[i];
        fyi = fy[i];
      } else {
        double sx = 0, sy = 0;
        for (std::uint32_t j = 0; j < n; ++j) {
          if (j == i) continue;
          const double dx = xi - x[j], dy = yi - y[j];
          if (overlap) {
            const double factor = overlap_repulsion_factor(dx, dy, mass_[j], si + sizes[j], 1.0);
            sx += dx * factor;
            sy += dy * factor;
          } else {
            const double d2 = dx * dx + dy * dy;
            if (d2 > 0) {
              sx += dx * mass_[j] / d2;
              sy += dy * mass_[j] / d2;
            }
          }
        }
        fxi += sx * k_r * mi;
        fyi += sy * k_r * mi;
      }

      // Gravity towards the origin: F_g = k_g (deg + 1), or k_g (deg + 1) d when strong.
      const double d_origin = std::sqrt(xi * xi + yi * yi);
      if (d_origin > 0 && k_g > 0) {
        const double factor = options_.strong_gravity ? k_g * mi : k_g * mi / d_origin;
        fxi -= xi * factor;
        fyi -= yi * factor;
      }

      // Attraction along edges: F_a = w^δ d (or w^δ log(1 + d)), on d − s_i − s_j with overlap
      // prevention, divided by the node's mass when hubs are dissuaded.
      const double hub_factor = options_.dissuade_hubs ? outbound_compensation_ / mi : 1.0;
      for (std::uint64_t k = offsets[i]; k < offsets[i + 1]; ++k) {
        const std::uint32_t j = neighbours[k];
        const double dx = xi - x[j], dy = yi - y[j];
        const double w = attraction_weight_[k] * hub_factor;
        if (!overlap && !options_.lin_log) {
          fxi -= dx * w;
          fyi -= dy * w;
          continue;
        }
        const double d = std::sqrt(dx * dx + dy * dy);
        if (d == 0) continue;
        const double length = overlap ? d - si - sizes[j] : d;
        if (length <= 0) continue;
        const double magnitude = options_.lin_log ? std::log1p(length) : length;
        const double factor = w * magnitude / d;
        fxi -= dx * factor;
        fyi -= dy * factor;
      }
      fx[i] = fxi;
      fy[i] = fyi;
    }
  };
  pool_->for_each_chunk((n + nodes_per_chunk - 1) / nodes_per_chunk, body);
}

void ForceAtlas2::forces_at(std::span<const double> x, std::span<const double> y, std::vector<double>& fx,
                            std::vector<double>& fy) {
  const std::uint32_t n = graph_.node_count();
  check(x.size() == n && y.size() == n, "forces_at: give one x and one y per node");
  fx.assign(n, 0);
  fy.assign(n, 0);
  compute_forces(x, y, fx, fy);
}

void ForceAtlas2::step() {
  const std::uint32_t n = graph_.node_count();
  fx_.swap(old_fx_);
  fy_.swap(old_fy_);
  compute_forces(x_, y_, fx_, fy_);

  // Swinging and traction (the paper's section "Adaptive speed"), weighted by mass.
  double total_swinging = 0, total_traction = 0;
  for (std::uint32_t i = 0; i < n; ++i) {
    const double sx = old_fx_[i] - fx_[i], sy = old_fy_[i] - fy_[i];
    const double tx = old_fx_[i] + fx_[i], ty = old_fy_[i] + fy_[i];
    swinging_[i] = mass_[i] * std::sqrt(sx * sx + sy * sy);
    total_swinging += swinging_[i];
    total_traction += 0.5 * mass_[i] * std::sqrt(tx * tx + ty * ty);
  }
  last_swinging_ = total_swinging;
  last_traction_ = total_traction;

  // Global speed s(G) = τ tra(G) / swg(G), with the jitter tolerance estimated from the graph's size
  // and an efficiency adapted slowly, and a rise of at most 50% per step.
  const double estimated = 0.05 * std::sqrt(static_cast<double>(n));
  const double min_jitter = std::sqrt(estimated);
  const double nn = static_cast<double>(n) * static_cast<double>(n);
  double jitter = options_.jitter_tolerance *
                  std::max(min_jitter, std::min(max_jitter_tolerance, nn > 0 ? estimated * total_traction / nn : 0.0));
  if (total_traction > 0 && total_swinging / total_traction > 2.0) {
    if (speed_efficiency_ > min_speed_efficiency) speed_efficiency_ *= 0.5;
    jitter = std::max(jitter, options_.jitter_tolerance);
  }
  if (total_swinging > 0) {
    const double target = jitter * speed_efficiency_ * total_traction / total_swinging;
    if (total_swinging > jitter * total_traction) {
      if (speed_efficiency_ > min_speed_efficiency) speed_efficiency_ *= 0.7;
    } else if (speed_ < 1000) {
      speed_efficiency_ *= 1.3;
    }
    speed_ += std::min(target - speed_, max_speed_rise * speed_);
  }

  // Local speed: s(n) = s(G) / (1 + sqrt(s(G) swg(n))); capped with overlap prevention.
  for (std::uint32_t i = 0; i < n; ++i) {
    double factor = speed_ / (1.0 + std::sqrt(speed_ * swinging_[i]));
    if (options_.prevent_overlap) {
      factor *= overlap_speed_factor;
      const double force = std::sqrt(fx_[i] * fx_[i] + fy_[i] * fy_[i]);
      if (force > 0) factor = std::min(factor * force, overlap_max_displacement) / force;
    }
    x_[i] += fx_[i] * factor;
    y_[i] += fy_[i] * factor;
  }
}

void ForceAtlas2::run() {
  if (!positioned_) initialise_positions();
  const auto start = std::chrono::steady_clock::now();
  auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };
  interrupted_ = false;
  for (int iteration = 0; iteration < iterations_; ++iteration) {
    if (stop_ != nullptr && stop_->load(std::memory_order_relaxed)) {
      interrupted_ = true;
      break;
    }
    step();
    ++done_;
    if (progress_) {
      progress_(LayoutProgress{iteration + 1, iterations_, elapsed(), speed_, last_swinging_, last_traction_});
    }
  }
  seconds_ = elapsed();
  finished_ = true;
}

void ForceAtlas2::assure_finished() const {
  if (!finished_) throw std::logic_error("ForceAtlas2: call run() before asking for its results");
}

const std::vector<double>& ForceAtlas2::x() const {
  assure_finished();
  return x_;
}
const std::vector<double>& ForceAtlas2::y() const {
  assure_finished();
  return y_;
}
int ForceAtlas2::iterations_done() const {
  assure_finished();
  return done_;
}
bool ForceAtlas2::interrupted() const {
  assure_finished();
  return interrupted_;
}
double ForceAtlas2::seconds() const {
  assure_finished();
  return seconds_;
}
double ForceAtlas2::global_speed() const {
  assure_finished();
  return speed_;
}

}  // namespace leaktrace
