#include "layout/planted_graph.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <stdexcept>
#include <unordered_map>

#include "layout/layout_random.h"

namespace leaktrace {
namespace {

// Index drawn with probability proportional to the increments of `cumulative` (which ends at its total).
std::uint32_t draw(const std::vector<double>& cumulative, std::size_t begin, std::size_t end, LayoutRandom& random) {
  const double low = begin == 0 ? 0.0 : cumulative[begin - 1];
  const double value = low + random.uniform() * (cumulative[end - 1] - low);
  auto it = std::upper_bound(cumulative.begin() + static_cast<std::ptrdiff_t>(begin),
                             cumulative.begin() + static_cast<std::ptrdiff_t>(end), value);
  if (it == cumulative.begin() + static_cast<std::ptrdiff_t>(end)) --it;
  return static_cast<std::uint32_t>(it - cumulative.begin());
}

}  // namespace

PlantedGraph make_planted_graph(const PlantedGraphOptions& options) {
  if (options.nodes < 2 || options.communities < 1 || options.communities > options.nodes) {
    throw std::invalid_argument("planted graph: need at least 2 nodes and between 1 and `nodes` communities");
  }
  if (!(options.mixing >= 0 && options.mixing <= 1) || !(options.degree_exponent > 1)) {
    throw std::invalid_argument("planted graph: mixing must be in [0, 1] and degree_exponent above 1");
  }
  LayoutRandom random(options.seed);
  PlantedGraph graph;
  graph.nodes = options.nodes;

  // Community sizes: weights in [1, 4], nodes numbered community by community.
  std::vector<double> share(options.communities);
  double total_share = 0;
  for (double& s : share) total_share += s = 1.0 + 3.0 * random.uniform();
  std::vector<std::size_t> start(options.communities + 1, 0);
  for (std::uint32_t c = 0; c < options.communities; ++c) {
    const auto size = std::max<std::size_t>(1, static_cast<std::size_t>(options.nodes * share[c] / total_share));
    start[c + 1] = std::min<std::size_t>(options.nodes - (options.communities - 1 - c), start[c] + size);
  }
  start[options.communities] = options.nodes;
  graph.community.resize(options.nodes);
  for (std::uint32_t c = 0; c < options.communities; ++c) {
    for (std::size_t i = start[c]; i < start[c + 1]; ++i) graph.community[i] = static_cast<int>(c);
  }

  // Pareto expected degrees, capped at a tenth of the graph so that no hub swallows everything.
  const double alpha = options.degree_exponent - 1.0;
  const double cap = std::max(2.0, options.nodes / 10.0);
  std::vector<double> cumulative(options.nodes);
  double running = 0;
  for (std::uint32_t i = 0; i < options.nodes; ++i) {
    const double fitness = std::min(cap, 1.0 / std::pow(1.0 - random.uniform(), 1.0 / alpha));
    cumulative[i] = running += fitness;
  }

  graph.edges.reserve(options.edges);
  std::unordered_map<std::uint64_t, std::size_t> index;  // pair -> edge
  index.reserve(options.edges * 2);
  const std::uint64_t max_draws = options.edges * 20;
  for (std::uint64_t draws = 0; graph.edges.size() < options.edges && draws < max_draws; ++draws) {
    const std::uint32_t source = draw(cumulative, 0, options.nodes, random);
    std::uint32_t target;
    if (random.uniform() < options.mixing || options.communities == 1) {
      target = draw(cumulative, 0, options.nodes, random);
    } else {
      const auto c = static_cast<std::size_t>(graph.community[source]);
      target = draw(cumulative, start[c], start[c + 1], random);
    }
    if (target == source) continue;
    const std::uint64_t key = (std::uint64_t{std::min(source, target)} << 32) | std::max(source, target);
    auto [it, added] = index.try_emplace(key, graph.edges.size());
    if (!added) {
      graph.edges[it->second].weight += 1;
      continue;
    }
    const float weight = random.uniform() < 0.3 ? static_cast<float>(2 + random.below(4)) : 1.0f;
    graph.edges.push_back({source, target, weight});
  }
  return graph;
}

void write_edge_list(const std::string& path, const std::vector<LayoutEdge>& edges) {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "w"), &std::fclose);
  if (!file) throw std::runtime_error("cannot write " + path);
  for (const LayoutEdge& edge : edges) {
    std::fprintf(file.get(), "%u %u %g\n", edge.source, edge.target, static_cast<double>(edge.weight));
  }
  if (std::fflush(file.get()) != 0) throw std::runtime_error("cannot write " + path);
}

}  // namespace leaktrace
