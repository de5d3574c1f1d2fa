#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <vector>

#include "layout/barnes_hut.h"
#include "layout/layout_graph.h"

namespace leaktrace {

class WorkerPool;

// The settings of ForceAtlas2 (Jacomy, Venturini, Heymann, Bastian, "ForceAtlas2, a continuous graph
// layout algorithm for handy network visualization designed for the Gephi software", PLoS ONE 9(6):
// e98679, 2014), by the paper's names. for_graph() gives Gephi's defaults for a graph of that size.
struct ForceAtlas2Options {
  double scaling_ratio = 2.0;          // k_r: repulsion strength, so the layout's size
  double gravity = 1.0;                // k_g: pull towards the origin, F_g = k_g (deg + 1)
  bool strong_gravity = false;         // F_g = k_g (deg + 1) d: also holds far nodes close
  bool lin_log = false;                // attraction log(1 + d) instead of d: tighter communities
  bool dissuade_hubs = false;          // attraction on a node divided by its mass: hubs to the edge
  double edge_weight_influence = 1.0;  // δ: attraction multiplied by weight^δ (0 ignores weights)
  bool prevent_overlap = false;        // uses the graph's node sizes (anti-collision forces)
  bool barnes_hut = true;              // approximate repulsion in O(n log n)
  double barnes_hut_theta = 1.2;       // cell width / distance below which a cell stands for its nodes
  double jitter_tolerance = 1.0;       // τ: how much swinging the global speed allows
  unsigned threads = 0;                // 0: one per hardware thread
  std::uint64_t seed = 1;              // random initial positions when none are given

  static ForceAtlas2Options for_graph(const LayoutGraph& graph);
};

struct LayoutProgress {
  int iteration = 0;   // iterations done so far in this run()
  int iterations = 0;  // asked for
  double seconds = 0;
  double global_speed = 0;
  double swinging = 0;  // Σ (deg + 1) |F(t) − F(t−1)|
  double traction = 0;  // Σ (deg + 1) |F(t) + F(t−1)| / 2
};

// ForceAtlas2, as published: degree-weighted repulsion (Barnes–Hut or exact), attraction (linear or
// LinLog, edge-weight influence, optional hub dissuasion), gravity or strong gravity, optional
// overlap prevention by node size, and the adaptive speed: a global speed from the graph's swinging
// and traction, and per node a speed that falls as the node swings. Gephi's reference implementation
// refines the global speed with an estimated jitter tolerance and a slowly adapted efficiency; that
// is done here the same way.
//
// Force computation runs on `threads` threads in fixed chunks of nodes, each chunk writing only its
// own nodes, and sums are added in chunk order: the result depends on the seed and the initial
// positions only, not on the thread count nor on scheduling.
class ForceAtlas2 {
 public:
  ForceAtlas2(const LayoutGraph& graph, ForceAtlas2Options options, int iterations);
  ~ForceAtlas2();

  // Start positions (one x and one y per node); without them, uniform in a disc, from the seed.
  void set_initial_positions(std::vector<double> x, std::vector<double> y);
  void set_progress_handler(std::function<void(const LayoutProgress&)> handler) { progress_ = std::move(handler); }
  // Set (e.g. from a SIGINT handler) to stop after the current iteration; positions stay usable.
  void set_stop_flag(const std::atomic<bool>* stop) { stop_ = stop; }

  // Runs the iterations. A second call continues from where the first stopped, speed included.
  void run();

  const std::vector<double>& x() const;
  const std::vector<double>& y() const;
  int iterations_done() const;  // over all runs
  bool interrupted() const;
  double seconds() const;  // of the last run
  double global_speed() const;

  // The force ForceAtlas2 puts on every node at the given positions (what an iteration computes
  // before it moves anything), for checks against an independent computation.
  void forces_at(std::span<const double> x, std::span<const double> y, std::vector<double>& fx,
                 std::vector<double>& fy);

 private:
  void validate() const;
  void initialise_positions();
  void compute_forces(std::span<const double> x, std::span<const double> y, std::span<double> fx,
                      std::span<double> fy);
  void step();
  void assure_finished() const;

  const LayoutGraph& graph_;
  ForceAtlas2Options options_;
  int iterations_;
  std::function<void(const LayoutProgress&)> progress_;
  const std::atomic<bool>* stop_ = nullptr;
  std::unique_ptr<WorkerPool> pool_;
  BarnesHutTree tree_;

  std::vector<double> x_, y_, fx_, fy_, old_fx_, old_fy_;
  std::vector<double> mass_;
  std::vector<float> attraction_weight_;  // weight^δ per CSR entry
  std::vector<double> swinging_;  // per node, of the last step
  double outbound_compensation_ = 1;
  double speed_ = 1;
  double speed_efficiency_ = 1;
  double last_swinging_ = 0, last_traction_ = 0;
  int done_ = 0;
  double seconds_ = 0;
  bool positioned_ = false;
  bool interrupted_ = false;
  bool finished_ = false;
};

}  // namespace leaktrace
