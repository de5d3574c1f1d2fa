#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <stdexcept>
#include <vector>

#include "graph/account_graph.h"
#include "graph/forked_task.h"

// The one place leaktrace talks to igraph (0.10): igraph's errors become IgraphError, its objects
// are owned here, and the algorithms take and return plain vectors.
namespace leaktrace::ig {

class IgraphError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Set once: igraph checks it in its long loops and stops with an IgraphError ("interrupted").
void set_interruption_flag(const std::atomic<bool>* stop);

// PageRank with damping `damping` on the weighted directed graph (PRPACK; dangling nodes jump
// anywhere, as in networkx). Sums to 1.
std::vector<double> pagerank(const WeightedEdges& edges, double damping, bool directed = true);

struct Partition {
  std::vector<std::int64_t> membership;  // community of each node, 0..count-1
  std::int64_t count = 0;
  double modularity = 0;
};

// Leiden optimising modularity (Traag et al. 2019) on the weighted undirected graph: igraph 0.10
// optimises CPM, so node strengths are the node weights and the resolution is gamma / 2m. One
// iteration, which is what igraph's n_iterations = -1 runs (see the .cpp); deterministic for a seed.
// `algorithm_seconds`, when given, receives the time of igraph's call alone (for benchmarks beside
// other bindings of igraph, which time that call only).
Partition leiden_modularity(const WeightedEdges& undirected, double resolution, std::uint64_t seed,
                            double* algorithm_seconds = nullptr);

// Leiden as above on the graph with its leaves folded into their neighbours (LeafFolding): the
// same objective searched over fewer nodes, whose optimum keeps every leaf beside its neighbour.
// Not the same run as leiden_modularity's (igraph visits other nodes in another order).
Partition leiden_modularity_folded(const WeightedEdges& undirected, double resolution, std::uint64_t seed);

// Leiden on the folded graph, the best modularity of `runs` seeds from `seed` (0: five on graphs
// of up to 100,000 nodes, one above), in a forked copy of this process (see ForkedTask) while this
// one goes on with other work; partition() waits for it, or runs it here when the copy could not
// be made or failed. Small graphs are not worth a copy.
class BackgroundLeiden {
 public:
  BackgroundLeiden(WeightedEdges undirected, double resolution, std::uint64_t seed, std::size_t runs);
  // The edges made where Leiden runs (in the copy, when there is one: their merging is work too);
  // `edge_count` bounds their number, to judge whether a copy is worth it.
  BackgroundLeiden(std::function<WeightedEdges()> undirected, std::size_t edge_count, double resolution,
                   std::uint64_t seed, std::size_t runs);
  ~BackgroundLeiden();
  BackgroundLeiden(const BackgroundLeiden&) = delete;
  BackgroundLeiden& operator=(const BackgroundLeiden&) = delete;
  bool in_background() const;
  Partition partition();

 private:
  void begin(std::size_t edge_count);

  std::function<WeightedEdges()> undirected_;
  double resolution_;
  std::uint64_t seed_;
  std::size_t runs_;
  std::unique_ptr<ForkedTask> task_;
};

// Louvain (Blondel et al. 2008), igraph's multilevel: a second opinion for tests and benchmarks.
Partition louvain(const WeightedEdges& undirected, double resolution, std::uint64_t seed);

// Newman's modularity of a partition of the weighted undirected graph.
double modularity(const WeightedEdges& undirected, const std::vector<std::int64_t>& membership, double resolution = 1);

// Betweenness counting only the shortest paths that start at `sources` (Brandes & Pich 2007:
// pivots sampled uniformly estimate betweenness once scaled by n / sources), unweighted.
std::vector<double> betweenness_from_sources(const WeightedEdges& edges, bool directed,
                                             const std::vector<std::uint32_t>& sources);

// Both of the above on one graph, which igraph then builds once (a second of a 20M-edge graph).
struct Centrality {
  std::vector<double> pagerank;
  std::vector<double> betweenness;
};
Centrality pagerank_and_betweenness(const WeightedEdges& edges, double damping, bool directed,
                                    const std::vector<std::uint32_t>& sources);

// k-core number of each node, on the graph taken as undirected.
std::vector<std::int64_t> coreness(const WeightedEdges& edges);

enum class PartitionComparison { nmi, adjusted_rand };
double compare_partitions(const std::vector<std::int64_t>& a, const std::vector<std::int64_t>& b,
                          PartitionComparison method);

}  // namespace leaktrace::ig
