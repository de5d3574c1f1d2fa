#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "layout/layout_graph.h"

namespace leaktrace {

// A deterministic graph with planted communities and heavy-tailed degrees, for tests, benchmarks
// and layout-quality checks: a degree-corrected planted partition (Karrer & Newman 2011) in which each
// node has a Pareto-distributed expected degree, and an edge stays inside its source's community
// with probability 1 − mixing. Community sizes vary by up to a factor of four. Pairs are drawn until
// `edges` distinct ones exist (or 20 draws per edge were made, on a graph too small for them);
// 30% of first draws weigh 2 to 5, and each repeated draw adds 1, as interactions would.
struct PlantedGraphOptions {
  std::uint32_t nodes = 1000;
  std::uint64_t edges = 5000;   // distinct undirected edges; a pair drawn again adds to its weight
  std::uint32_t communities = 8;
  double mixing = 0.1;           // fraction of edges between communities
  double degree_exponent = 2.3;  // tail index of the expected degrees (P(k) ~ k^-exponent)
  std::uint64_t seed = 1;
};

struct PlantedGraph {
  std::uint32_t nodes = 0;
  std::vector<LayoutEdge> edges;
  std::vector<int> community;  // per node, 0..communities−1
};

PlantedGraph make_planted_graph(const PlantedGraphOptions& options);

// Writes "SOURCE TARGET WEIGHT" per line (the edge-list format of the graphology baseline runner).
// Throws std::runtime_error when the file cannot be written.
void write_edge_list(const std::string& path, const std::vector<LayoutEdge>& edges);

}  // namespace leaktrace
