#include "layout/force_atlas2.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "layout/backbone_layout.h"
#include "layout/initial_positions.h"
#include "layout/layout_quality.h"
#include "layout/layout_random.h"
#include "layout/planted_graph.h"

namespace leaktrace {
namespace {

//        0
//       /|\          a hub (0) with a triangle 1–2–3 hanging off it, a tail 3–4–5,
//      1 2 3         weights 1 except 2–3 (3) and 4–5 (2), and 6 isolated
//       \ /  \
//        +    4 ── 5        6
LayoutGraph sample_graph() {
  std::vector<LayoutEdge> edges{{0, 1, 1}, {0, 2, 1}, {0, 3, 1}, {1, 2, 1}, {2, 3, 3}, {3, 4, 1}, {4, 5, 2}};
  return LayoutGraph(7, edges);
}

std::vector<double> sample_x() { return {0.0, -3.0, 1.0, 4.0, 7.5, 9.0, -6.0}; }
std::vector<double> sample_y() { return {0.5, 2.0, -4.0, 1.0, -2.0, 3.5, -5.0}; }

// ForceAtlas2's forces straight from the paper's formulas, pair by pair, for comparison.
void paper_forces(const LayoutGraph& graph, const ForceAtlas2Options& o, const std::vector<double>& x,
                  const std::vector<double>& y, std::vector<double>& fx, std::vector<double>& fy) {
  const std::uint32_t n = graph.node_count();
  fx.assign(n, 0);
  fy.assign(n, 0);
  double mean_mass = 0;
  for (std::uint32_t i = 0; i < n; ++i) mean_mass += graph.mass(i) / n;
  auto size = [&](std::uint32_t i) { return o.prevent_overlap ? graph.sizes()[i] : 0.0; };
  for (std::uint32_t i = 0; i < n; ++i) {
    for (std::uint32_t j = 0; j < n; ++j) {
      if (i == j) continue;
      const double dx = x[i] - x[j], dy = y[i] - y[j];
      const double d = std::hypot(dx, dy);
      const double gap = d - size(i) - size(j);
      double magnitude = o.scaling_ratio * graph.mass(i) * graph.mass(j) / gap;  // outward
      if (o.prevent_overlap && gap < 0) magnitude = overlap_push * o.scaling_ratio * graph.mass(i) * graph.mass(j);
      if (o.prevent_overlap && gap == 0) magnitude = 0;
      fx[i] += magnitude * dx / d;
      fy[i] += magnitude * dy / d;
    }
    const double r = std::hypot(x[i], y[i]);
    const double gravity = o.gravity * graph.mass(i) * (o.strong_gravity ? r : 1.0);  // inward
    fx[i] -= gravity * x[i] / r;
    fy[i] -= gravity * y[i] / r;
    const auto neighbours = graph.neighbours(i);
    const auto weights = graph.weights(i);
    for (std::size_t k = 0; k < neighbours.size(); ++k) {
      const std::uint32_t j = neighbours[k];
      const double dx = x[i] - x[j], dy = y[i] - y[j];
      const double d = std::hypot(dx, dy);
      const double length = o.prevent_overlap ? std::max(0.0, d - size(i) - size(j)) : d;
      double magnitude = std::pow(weights[k], o.edge_weight_influence) * (o.lin_log ? std::log(1 + length) : length);
      if (o.dissuade_hubs) magnitude *= mean_mass / graph.mass(i);
      fx[i] -= magnitude * dx / d;
      fy[i] -= magnitude * dy / d;
    }
  }
}

struct ForceCase {
  const char* name;
  ForceAtlas2Options options;
};

class ForceAtlas2Forces : public ::testing::TestWithParam<ForceCase> {};

TEST_P(ForceAtlas2Forces, MatchThePapersFormulas) {
  LayoutGraph graph = sample_graph();
  graph.set_sizes({1.0, 0.5, 0.5, 2.0, 0.2, 0.2, 1.0});
  const ForceAtlas2Options options = GetParam().options;
  std::vector<double> expected_x, expected_y, fx, fy;
  paper_forces(graph, options, sample_x(), sample_y(), expected_x, expected_y);
  for (bool barnes_hut : {false, true}) {
    ForceAtlas2Options o = options;
    o.barnes_hut = barnes_hut;
    o.barnes_hut_theta = 0;  // exact through the tree too
    ForceAtlas2 layout(graph, o, 1);
    layout.forces_at(sample_x(), sample_y(), fx, fy);
    for (std::uint32_t i = 0; i < graph.node_count(); ++i) {
      EXPECT_NEAR(fx[i], expected_x[i], 1e-9 * (1 + std::abs(expected_x[i]))) << "node " << i << " bh " << barnes_hut;
      EXPECT_NEAR(fy[i], expected_y[i], 1e-9 * (1 + std::abs(expected_y[i]))) << "node " << i << " bh " << barnes_hut;
    }
  }
}

ForceAtlas2Options with(void (*change)(ForceAtlas2Options&)) {
  ForceAtlas2Options o;
  change(o);
  return o;
}

INSTANTIATE_TEST_SUITE_P(
    Settings, ForceAtlas2Forces,
    ::testing::Values(ForceCase{"defaults", ForceAtlas2Options{}},
                      ForceCase{"lin_log", with([](ForceAtlas2Options& o) { o.lin_log = true; })},
                      ForceCase{"strong_gravity", with([](ForceAtlas2Options& o) {
                                  o.strong_gravity = true;
                                  o.gravity = 0.3;
                                })},
                      ForceCase{"unweighted", with([](ForceAtlas2Options& o) { o.edge_weight_influence = 0; })},
                      ForceCase{"weight_squared", with([](ForceAtlas2Options& o) { o.edge_weight_influence = 2; })},
                      ForceCase{"dissuade_hubs", with([](ForceAtlas2Options& o) { o.dissuade_hubs = true; })},
                      ForceCase{"scaling_10", with([](ForceAtlas2Options& o) { o.scaling_ratio = 10; })},
                      ForceCase{"prevent_overlap", with([](ForceAtlas2Options& o) { o.prevent_overlap = true; })},
                      ForceCase{"overlap_lin_log", with([](ForceAtlas2Options& o) {
                                  o.prevent_overlap = true;
                                  o.lin_log = true;
                                })}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(ForceAtlas2, BarnesHutRepulsionIsCloseToExactOnALargerGraph) {
  const PlantedGraph planted = make_planted_graph({.nodes = 2000, .edges = 8000, .communities = 6, .seed = 3});
  const LayoutGraph graph(planted.nodes, planted.edges);
  const Positions start = random_start_positions(graph.node_count(), 9);
  ForceAtlas2Options o;
  o.barnes_hut = false;
  std::vector<double> ex, ey, fx, fy;
  ForceAtlas2(graph, o, 1).forces_at(start.x, start.y, ex, ey);
  for (double theta : {0.5, 1.2}) {
    o.barnes_hut = true;
    o.barnes_hut_theta = theta;
    ForceAtlas2(graph, o, 1).forces_at(start.x, start.y, fx, fy);
    double error = 0, norm = 0;
    for (std::uint32_t i = 0; i < graph.node_count(); ++i) {
      error += std::hypot(fx[i] - ex[i], fy[i] - ey[i]);
      norm += std::hypot(ex[i], ey[i]);
    }
    EXPECT_LT(error / norm, theta < 1 ? 0.01 : 0.05) << "theta " << theta;
  }
}

//   0 ──── 1     Two nodes of mass 2 on one edge, no gravity: attraction d balances repulsion
//                k_r·2·2/d at d = 2·sqrt(k_r). The whole iteration (speeds included) must get there.
TEST(ForceAtlas2, TwoNodesSettleWhereAttractionBalancesRepulsion) {
  std::vector<LayoutEdge> edges{{0, 1, 1}};
  const LayoutGraph graph(2, edges);
  ForceAtlas2Options o;
  o.gravity = 0;
  o.scaling_ratio = 2;
  o.barnes_hut = false;
  ForceAtlas2 layout(graph, o, 300);
  layout.set_initial_positions({0, 30}, {0, 0});
  layout.run();
  const double d = std::hypot(layout.x()[0] - layout.x()[1], layout.y()[0] - layout.y()[1]);
  EXPECT_NEAR(d, 2 * std::sqrt(2.0), 1e-3);
}

std::vector<double> run_positions(const LayoutGraph& graph, unsigned threads, std::uint64_t seed, int iterations) {
  ForceAtlas2Options o = ForceAtlas2Options::for_graph(graph);
  o.threads = threads;
  o.seed = seed;
  o.barnes_hut = true;
  ForceAtlas2 layout(graph, o, iterations);
  layout.run();
  std::vector<double> both = layout.x();
  both.insert(both.end(), layout.y().begin(), layout.y().end());
  return both;
}

TEST(ForceAtlas2, DeterministicForASeedWhateverTheThreads) {
  const PlantedGraph planted = make_planted_graph({.nodes = 3000, .edges = 12000, .communities = 5, .seed = 4});
  const LayoutGraph graph(planted.nodes, planted.edges);
  const auto one = run_positions(graph, 1, 17, 30);
  EXPECT_EQ(one, run_positions(graph, 1, 17, 30));
  EXPECT_EQ(one, run_positions(graph, 2, 17, 30));
  EXPECT_EQ(one, run_positions(graph, 3, 17, 30));
  EXPECT_NE(one, run_positions(graph, 2, 18, 30));
}

TEST(ForceAtlas2, StopsWhenTheStopFlagIsSetAndReportsProgress) {
  const PlantedGraph planted = make_planted_graph({.nodes = 500, .edges = 2000, .communities = 4, .seed = 5});
  const LayoutGraph graph(planted.nodes, planted.edges);
  ForceAtlas2 layout(graph, ForceAtlas2Options::for_graph(graph), 200);
  std::atomic<bool> stop{false};
  std::vector<int> seen;
  layout.set_stop_flag(&stop);
  layout.set_progress_handler([&](const LayoutProgress& progress) {
    seen.push_back(progress.iteration);
    EXPECT_EQ(progress.iterations, 200);
    EXPECT_GT(progress.global_speed, 0);
    if (progress.iteration == 7) stop.store(true);
  });
  layout.run();
  EXPECT_TRUE(layout.interrupted());
  EXPECT_EQ(layout.iterations_done(), 7);
  EXPECT_EQ(seen, (std::vector<int>{1, 2, 3, 4, 5, 6, 7}));
  for (double v : layout.x()) EXPECT_TRUE(std::isfinite(v));
  // Running again continues.
  stop.store(false);
  layout.set_progress_handler({});
  layout.run();
  EXPECT_FALSE(layout.interrupted());
  EXPECT_EQ(layout.iterations_done(), 207);
}

//   A clique of 6 with large sizes, plus a star of 5: without overlap prevention the clique's
//   nodes sit closer than their radii add up to; with it, no two discs overlap.
TEST(ForceAtlas2, OverlapPreventionLeavesNoOverlaps) {
  std::vector<LayoutEdge> edges;
  for (std::uint32_t i = 0; i < 6; ++i) {
    for (std::uint32_t j = i + 1; j < 6; ++j) edges.push_back({i, j, 1});
  }
  for (std::uint32_t leaf = 7; leaf < 11; ++leaf) edges.push_back({6, leaf, 1});
  edges.push_back({0, 6, 1});
  LayoutGraph graph(11, edges);
  graph.set_sizes({6, 5, 4, 6, 5, 4, 3, 1, 1, 1, 1});
  auto overlaps = [&](const std::vector<double>& x, const std::vector<double>& y) {
    int count = 0;
    for (std::uint32_t i = 0; i < 11; ++i) {
      for (std::uint32_t j = i + 1; j < 11; ++j) {
        if (std::hypot(x[i] - x[j], y[i] - y[j]) < graph.sizes()[i] + graph.sizes()[j]) ++count;
      }
    }
    return count;
  };
  for (bool barnes_hut : {false, true}) {
    ForceAtlas2Options o;
    o.scaling_ratio = 1;
    o.barnes_hut = barnes_hut;
    ForceAtlas2 plain(graph, o, 400);
    plain.run();
    EXPECT_GT(overlaps(plain.x(), plain.y()), 0) << "the case must need overlap prevention";

    o.prevent_overlap = true;
    ForceAtlas2 prevented(graph, o, 400);
    prevented.set_initial_positions(plain.x(), plain.y());
    prevented.run();
    EXPECT_EQ(overlaps(prevented.x(), prevented.y()), 0) << "barnes_hut " << barnes_hut;
  }
}

TEST(ForceAtlas2, RefusesResultsBeforeRunAndBadSettings) {
  const LayoutGraph graph = sample_graph();
  ForceAtlas2 layout(graph, {}, 5);
  EXPECT_THROW(layout.x(), std::logic_error);
  EXPECT_THROW(layout.iterations_done(), std::logic_error);
  ForceAtlas2Options o;
  o.scaling_ratio = 0;
  EXPECT_THROW(ForceAtlas2(graph, o, 5), std::invalid_argument);
  o = {};
  o.prevent_overlap = true;  // no sizes
  try {
    ForceAtlas2 bad(graph, o, 5);
    FAIL();
  } catch (const std::invalid_argument& error) {
    EXPECT_NE(std::string(error.what()).find("set_sizes"), std::string::npos);
  }
  EXPECT_THROW(layout.set_initial_positions({1, 2}, {1, 2}), std::invalid_argument);
  EXPECT_THROW(ForceAtlas2(graph, {}, -1), std::invalid_argument);
}

TEST(ForceAtlas2, EmptyAndSingleNodeGraphs) {
  const LayoutGraph empty(0, std::vector<LayoutEdge>{});
  ForceAtlas2 none(empty, {}, 10);
  none.run();
  EXPECT_TRUE(none.x().empty());
  const LayoutGraph one(1, std::vector<LayoutEdge>{});
  ForceAtlas2 single(one, {}, 10);
  single.run();
  EXPECT_TRUE(std::isfinite(single.x()[0]));
}

// ---- Layout quality against graphology's ForceAtlas2 (run by node) ----

std::filesystem::path repository_root() {
  return std::filesystem::path(LEAKTRACE_TEST_FIXTURES).parent_path().parent_path();
}

struct Read {
  std::vector<double> x, y;
};

Read read_positions(const std::filesystem::path& path, std::uint32_t n) {
  Read out{std::vector<double>(n, NAN), std::vector<double>(n, NAN)};
  std::ifstream in(path);
  std::uint32_t node;
  double x, y;
  while (in >> node >> x >> y) {
    if (node < n) {
      out.x[node] = x;
      out.y[node] = y;
    }
  }
  return out;
}

TEST(ForceAtlas2Quality, SeparatesPlantedCommunitiesAtLeastAsWellAsGraphology) {
  const std::filesystem::path root = repository_root();
  if (!std::filesystem::exists(root / "node_modules" / "graphology-layout-forceatlas2")) {
    FAIL() << "graphology's ForceAtlas2 is missing: run `npm ci` at the repository root (" << root.string()
           << ") to install the layout baseline";
  }
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("leaktrace-fa2-quality-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);

  constexpr int iterations = 100;
  struct Case {
    std::uint32_t nodes;
    std::uint64_t edges;
    std::uint32_t communities;
    double mixing;
  };
  for (const Case& c : {Case{1500, 6000, 8, 0.1}, Case{3000, 15000, 12, 0.2}}) {
    const PlantedGraph planted = make_planted_graph(
        {.nodes = c.nodes, .edges = c.edges, .communities = c.communities, .mixing = c.mixing, .seed = 21});
    const LayoutGraph graph(planted.nodes, planted.edges);
    // Both start from the same random positions; graphology reads them from a file.
    const Positions start = random_start_positions(graph.node_count(), 5, 10.0);
    write_edge_list((dir / "edges.txt").string(), planted.edges);
    {
      std::ofstream out(dir / "start.txt");
      out.precision(17);
      for (std::uint32_t i = 0; i < graph.node_count(); ++i) out << i << ' ' << start.x[i] << ' ' << start.y[i] << '\n';
    }
    const std::string command = "node '" + (root / "bench" / "graphology_fa2.cjs").string() + "' '" +
                                (dir / "edges.txt").string() + "' " + std::to_string(iterations) + " --start '" +
                                (dir / "start.txt").string() + "' --positions '" + (dir / "peer.txt").string() +
                                "' > '" + (dir / "peer.json").string() + "'";
    ASSERT_EQ(std::system(command.c_str()), 0) << command;
    const Read peer = read_positions(dir / "peer.txt", graph.node_count());

    // Graphology's settings (inferSettings: strong gravity 0.05, scaling 10); its Barnes–Hut
    // criterion 2·width/d < 0.5 is ours with theta 1.
    ForceAtlas2Options o;
    o.strong_gravity = true;
    o.gravity = 0.05;
    o.scaling_ratio = 10;
    o.barnes_hut = true;
    o.barnes_hut_theta = 1.0;
    o.threads = 2;
    ForceAtlas2 ours(graph, o, iterations);
    ours.set_initial_positions(start.x, start.y);
    ours.run();

    // As leaktrace lays out a map (BackboneLayout with communities): from community-aware start
    // positions at the balanced scale, with the low jitter tolerance that keeps their arrangement;
    // and, to show what each part does, the same start with Gephi's tolerance.
    Positions community_start = community_start_positions(planted.community, 5);
    balance_scale(graph, o, community_start);
    ForceAtlas2 informed(graph, o, iterations);
    informed.set_initial_positions(community_start.x, community_start.y);
    informed.run();
    o.jitter_tolerance = community_jitter_tolerance;
    ForceAtlas2 precise(graph, o, iterations);
    precise.set_initial_positions(community_start.x, community_start.y);
    precise.run();

    // Graphology only knows nodes that have an edge: compare on those.
    std::vector<int> community = planted.community;
    for (std::uint32_t i = 0; i < graph.node_count(); ++i) {
      if (!std::isfinite(peer.x[i])) {
        ASSERT_EQ(graph.degree(i), 0u) << "graphology lost node " << i;
        community[i] = -1;
      }
    }
    const double s_peer = position_silhouette(peer.x, peer.y, community);
    const double s_ours = position_silhouette(ours.x(), ours.y(), community);
    const double s_informed = position_silhouette(informed.x(), informed.y(), community);
    const double s_precise = position_silhouette(precise.x(), precise.y(), community);
    std::printf("planted %u nodes, %llu edges, %u communities, mixing %.2f, %d iterations: silhouette graphology %.3f,"
                " ours %.3f, ours from community start %.3f, same with jitter tolerance 0.05 %.3f\n",
                c.nodes, static_cast<unsigned long long>(c.edges), c.communities, c.mixing, iterations, s_peer, s_ours,
                s_informed, s_precise);
    EXPECT_GE(s_precise, s_peer) << "leaktrace's map configuration must separate communities at least as well";
    EXPECT_GE(s_ours, s_peer - 0.05) << "same start, same settings: within 0.05 of graphology";
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace leaktrace
