// ForceAtlas2 per-iteration time on a generated graph with planted communities and heavy-tailed
// degrees, as the baseline (graphology's ForceAtlas2 in node) sees it: Barnes–Hut on, graphology's
// inferred settings. Before timing, checks Barnes–Hut forces against the exact sum on a sample of
// nodes. Writes the graph as an edge list for the baseline when asked.
//
// layout_benchmark [--nodes N] [--edges M] [--communities C] [--iterations K] [--threads T]
//                  [--theta THETA] [--seed S] [--write-edges FILE] [--positions FILE] [--silhouette]
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string>
#include <thread>
#include <vector>

#include "layout/barnes_hut.h"
#include "layout/force_atlas2.h"
#include "layout/initial_positions.h"
#include "layout/layout_quality.h"
#include "layout/planted_graph.h"

namespace {

using namespace leaktrace;
using Clock = std::chrono::steady_clock;

double since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

struct Arguments {
  PlantedGraphOptions graph{.nodes = 100000, .edges = 1000000, .communities = 40, .mixing = 0.1,
                            .degree_exponent = 2.3, .seed = 1};
  int iterations = 20;
  unsigned threads = 0;
  double theta = 1.0;  // graphology's 0.5 (its criterion is 2·width/d < theta)
  std::string edges_path;
  std::string positions_path;
  bool silhouette = false;
};

Arguments parse(int argc, char** argv) {
  Arguments a;
  for (int i = 1; i < argc; ++i) {
    auto value = [&](const char* name) -> const char* {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "layout_benchmark: %s needs a value\n", name);
        std::exit(2);
      }
      return argv[++i];
    };
    const std::string arg = argv[i];
    if (arg == "--nodes") a.graph.nodes = static_cast<std::uint32_t>(std::strtoul(value("--nodes"), nullptr, 10));
    else if (arg == "--edges") a.graph.edges = std::strtoull(value("--edges"), nullptr, 10);
    else if (arg == "--communities") a.graph.communities = static_cast<std::uint32_t>(std::strtoul(value("--communities"), nullptr, 10));
    else if (arg == "--seed") a.graph.seed = std::strtoull(value("--seed"), nullptr, 10);
    else if (arg == "--iterations") a.iterations = std::atoi(value("--iterations"));
    else if (arg == "--threads") a.threads = static_cast<unsigned>(std::atoi(value("--threads")));
    else if (arg == "--theta") a.theta = std::atof(value("--theta"));
    else if (arg == "--write-edges") a.edges_path = value("--write-edges");
    else if (arg == "--positions") a.positions_path = value("--positions");
    else if (arg == "--silhouette") a.silhouette = true;
    else {
      std::fprintf(stderr, "layout_benchmark: unknown option %s (see the comment at the top of bench/layout_benchmark.cpp)\n",
                   arg.c_str());
      std::exit(2);
    }
  }
  return a;
}

// Barnes–Hut against the exact repulsion on a few hundred nodes: the timing means nothing otherwise.
bool check_forces(const LayoutGraph& graph, const ForceAtlas2Options& options, const Positions& start) {
  std::vector<double> fx, fy;
  ForceAtlas2(graph, options, 1).forces_at(start.x, start.y, fx, fy);
  // Barnes–Hut repulsion against the exact sum, written out, on a sample of nodes.
  BarnesHutTree tree;
  std::vector<double> mass(graph.node_count());
  for (std::uint32_t i = 0; i < graph.node_count(); ++i) mass[i] = graph.mass(i);
  tree.build(start.x, start.y, mass, {});
  std::vector<double> rx(graph.node_count(), 0), ry(graph.node_count(), 0);
  tree.add_repulsion(mass, options.scaling_ratio, options.barnes_hut_theta, false, rx, ry);
  double error = 0, norm = 0;
  const std::uint32_t step = std::max<std::uint32_t>(1, graph.node_count() / 200);
  for (std::uint32_t i = 0; i < graph.node_count(); i += step) {
    double ex = 0, ey = 0;
    for (std::uint32_t j = 0; j < graph.node_count(); ++j) {
      const double dx = start.x[i] - start.x[j], dy = start.y[i] - start.y[j];
      const double d2 = dx * dx + dy * dy;
      if (j == i || d2 == 0) continue;
      const double factor = options.scaling_ratio * mass[i] * mass[j] / d2;
      ex += dx * factor;
      ey += dy * factor;
    }
    error += std::hypot(rx[i] - ex, ry[i] - ey);
    norm += std::hypot(ex, ey);
  }
  const double relative = error / norm;
  std::printf("check: Barnes–Hut repulsion (theta %.2f) vs exact on %u nodes: mean relative error %.4f\n",
              options.barnes_hut_theta, (graph.node_count() + step - 1) / step, relative);
  for (std::uint32_t i = 0; i < graph.node_count(); ++i) {
    if (!std::isfinite(fx[i]) || !std::isfinite(fy[i])) {
      std::printf("check: force on node %u is not finite\n", i);
      return false;
    }
  }
  return relative < 0.05;
}

}  // namespace

int main(int argc, char** argv) {
  const Arguments args = parse(argc, argv);
  auto start_time = Clock::now();
  const PlantedGraph planted = make_planted_graph(args.graph);
  const LayoutGraph graph(planted.nodes, planted.edges);
  std::printf("graph: %u nodes, %zu edges (after merging), %u planted communities, generated in %.2f s\n",
              graph.node_count(), graph.edge_count(), args.graph.communities, since(start_time));
  if (!args.edges_path.empty()) {
    write_edge_list(args.edges_path, planted.edges);
    std::printf("edges written to %s\n", args.edges_path.c_str());
  }

  // graphology's inferSettings(), Barnes–Hut forced on.
  ForceAtlas2Options options;
  options.strong_gravity = true;
  options.gravity = 0.05;
  options.scaling_ratio = 10;
  options.barnes_hut = true;
  options.barnes_hut_theta = args.theta;
  options.threads = args.threads;
  const Positions start = random_start_positions(graph.node_count(), 42);
  if (!check_forces(graph, options, start)) {
    std::printf("check failed: not timing\n");
    return 1;
  }

  ForceAtlas2 layout(graph, options, args.iterations);
  layout.set_initial_positions(start.x, start.y);
  std::vector<double> per_iteration;
  double last = 0;
  layout.set_progress_handler([&](const LayoutProgress& progress) {
    per_iteration.push_back(progress.seconds - last);
    last = progress.seconds;
  });
  const std::clock_t cpu_start = std::clock();
  layout.run();
  const double cpu_seconds = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
  std::vector<double> sorted = per_iteration;
  std::sort(sorted.begin(), sorted.end());
  const double median = sorted.empty() ? 0 : sorted[sorted.size() / 2];
  std::printf("leaktrace ForceAtlas2: %d iterations on %u threads in %.3f s: %.4f s per iteration (median %.4f, min %.4f)\n",
              layout.iterations_done(), options.threads == 0 ? std::max(1u, std::thread::hardware_concurrency()) : options.threads,
              layout.seconds(), layout.seconds() / std::max(1, layout.iterations_done()), median,
              sorted.empty() ? 0 : sorted.front());
  // On a shared machine wall time grows with the others' load; CPU time (all threads) much less.
  std::printf("leaktrace ForceAtlas2 CPU time: %.4f s per iteration (all threads together)\n",
              cpu_seconds / std::max(1, layout.iterations_done()));
  if (args.silhouette) {
    std::printf("silhouette of positions vs planted communities (2,000 nodes scored): %.3f\n",
                position_silhouette(layout.x(), layout.y(), planted.community, 2000));
  }
  if (!args.positions_path.empty()) {
    std::FILE* out = std::fopen(args.positions_path.c_str(), "w");
    if (out == nullptr) return 2;
    for (std::uint32_t i = 0; i < graph.node_count(); ++i) std::fprintf(out, "%u %.9g %.9g\n", i, layout.x()[i], layout.y()[i]);
    std::fclose(out);
  }
  return 0;
}
