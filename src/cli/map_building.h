#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "cli/analysis_session.h"
#include "layout/layout_graph.h"
#include "render/map_document.h"

namespace leaktrace {

struct MapBuildOptions {
  int iterations = 200;           // ForceAtlas2 iterations on the backbone
  std::uint32_t min_degree = 2;   // backbone: accounts with at least this many neighbours...
  std::size_t top = 0;            // ...or, when not 0, the top N by PageRank
  std::size_t max_backbone = 50000;  // past this many, the backbone is the top N by PageRank
  double sample = 1.0;            // share of the other accounts shown
  std::size_t max_accounts = 100000;
  std::size_t max_communities = 12;  // coloured and in the legend; the rest are "other"
  std::size_t top_posts = 3;
  std::string title;
  const std::atomic<bool>* stop = nullptr;
};

// Positions of every node of a graph: ForceAtlas2 on the backbone from community-aware start
// positions, the rest placed next to a neighbour (layout/backbone_layout.h).
struct GraphPositions {
  std::vector<double> x;
  std::vector<double> y;
  std::vector<std::uint8_t> backbone;
  std::string description;  // "backbone of the 1,234 accounts with 2 or more neighbours"
  int iterations = 0;
  bool interrupted = false;
};
GraphPositions lay_out(const AccountGraph& graph, const std::vector<std::int64_t>& communities,
                       const std::vector<double>& pagerank, const MapBuildOptions& options);
GraphPositions lay_out(const LayoutGraph& layout, const std::vector<std::int64_t>& communities,
                       const std::vector<double>& pagerank, const MapBuildOptions& options);

// The propagation map of what the session shows (the subject's graph, or an imported network):
// nodes coloured by community, sized by PageRank, laid out, with each account's first share of the
// subject and its most shared posts, and the sampling note when it shows a backbone plus a sample.
MapDocument build_map_document(AnalysisSession& session, const MapBuildOptions& options);

// While it lives, Ctrl-C stops the layout (which then keeps the positions it has) instead of the
// process; a second Ctrl-C stops the process.
class LayoutInterruption {
 public:
  LayoutInterruption();
  ~LayoutInterruption();
  LayoutInterruption(const LayoutInterruption&) = delete;
  LayoutInterruption& operator=(const LayoutInterruption&) = delete;
  const std::atomic<bool>* flag() const;
};

}  // namespace leaktrace
