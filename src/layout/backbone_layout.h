#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "layout/force_atlas2.h"
#include "layout/layout_graph.h"

namespace leaktrace {

// Which accounts ForceAtlas2 lays out; the others are placed next to a neighbour afterwards.
enum class BackboneRule : unsigned char {
  min_degree,  // every node with at least `min_degree` neighbours (in a repost graph most have one)
  top_score,   // the `top_count` nodes of highest `score` (e.g. PageRank)
};
// Either way, a chosen node with no chosen neighbour leaves the backbone (it would float alone).

// The jitter tolerance BackboneLayout uses when it starts from communities (and no ForceAtlas2
// options are given): low, so that ForceAtlas2 refines the communities' arrangement instead of
// shaking it apart in its first iterations. Gephi's default, 1, is for a random start.
inline constexpr double community_jitter_tolerance = 0.05;

struct BackboneOptions {
  BackboneRule rule = BackboneRule::min_degree;
  std::uint32_t min_degree = 2;
  std::size_t top_count = 0;
  std::vector<double> score;                        // one per node, with top_score
  std::string score_name = "PageRank";              // for description()
  std::vector<int> communities;                     // optional, one per node: community-aware start
  int iterations = 200;
  // Default: ForceAtlas2Options::for_graph(backbone), with community_jitter_tolerance when
  // communities are given.
  std::optional<ForceAtlas2Options> force_atlas2;
};

// The way analysts scale ForceAtlas2 in Gephi, automatically: lay out the backbone with ForceAtlas2
// (from community-aware start positions at the balanced scale when communities are given),
// then put every other node next to the neighbour it was reached from (breadth first from the
// backbone), its leaves spread in a sunflower around it at about half a backbone edge's length.
// Components that hold no backbone node are laid the same way from their best-connected node, on
// a ring outside the backbone.
class BackboneLayout {
 public:
  BackboneLayout(const LayoutGraph& graph, BackboneOptions options);

  void set_progress_handler(std::function<void(const LayoutProgress&)> handler) { progress_ = std::move(handler); }
  void set_stop_flag(const std::atomic<bool>* stop) { stop_ = stop; }

  // Interrupted, the backbone keeps the positions it had reached and the rest is still placed.
  void run();

  const std::vector<double>& x() const;
  const std::vector<double>& y() const;
  const std::vector<std::uint8_t>& backbone() const;  // 1 when laid out by ForceAtlas2
  std::size_t backbone_count() const;
  bool interrupted() const;
  int iterations_done() const;
  // For the map's legend, e.g. "backbone of the 1,234 accounts with 2 or more neighbours".
  std::string description() const;

 private:
  void choose_backbone();
  void place_rest(double leaf_distance);
  void assure_finished() const;

  const LayoutGraph& graph_;
  BackboneOptions options_;
  std::function<void(const LayoutProgress&)> progress_;
  const std::atomic<bool>* stop_ = nullptr;
  std::vector<std::uint8_t> backbone_;
  std::vector<std::uint32_t> backbone_nodes_;
  std::vector<double> x_, y_;
  bool interrupted_ = false;
  int iterations_done_ = 0;
  bool finished_ = false;
};

// What a map shows of a large graph: the backbone and a sample of the rest, with the counts that
// its legend states (render's MapSampling takes these fields as they are).
struct MapSample {
  std::vector<std::uint32_t> nodes;  // kept, ascending
  std::int64_t accounts_total = 0;
  std::int64_t accounts_shown = 0;
  std::int64_t edges_total = 0;
  std::int64_t edges_shown = 0;  // with both ends kept
  std::string how;  // e.g. "backbone of the 1,234 accounts with 2 or more neighbours, plus 10% of the other 45,678"
};

// Keeps every backbone node and each other node with probability `fraction` (decided per node from
// the seed, so the same seed keeps the same accounts), lowered when needed so that at most
// `max_nodes` are kept (0: no limit). `backbone_description` is BackboneLayout::description().
MapSample sample_beyond_backbone(const LayoutGraph& graph, const std::vector<std::uint8_t>& backbone,
                                 std::string_view backbone_description, double fraction, std::uint64_t seed,
                                 std::size_t max_nodes = 0);

// 1234567 -> "1,234,567", for legends.
std::string format_count(std::int64_t count);

}  // namespace leaktrace
