// `communities` on the real graphs of ../shared/data/graphs: the partition it finds is at least as
// modular as the ground-truth split, and within 1% of what python-igraph's own Leiden finds on
// the same graph (tests/python/igraph_leiden.py, run here).
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "analysis/communities.h"
#include "graph/igraph_adapter.h"
#include "graph/network_reader.h"
#include "graph/node_attribute_table.h"
#include "real/shared_data.h"
#include "unit/test_files.h"

namespace leaktrace {
namespace {

namespace fs = std::filesystem;

double python_igraph_leiden(const AccountGraph& graph, const testing::TempDir& dir) {
  std::string edges = dir.file("edges.txt");
  {
    std::ofstream out(edges);
    WeightedEdges undirected = graph.undirected();
    for (std::size_t i = 0; i < undirected.size(); ++i) {
      out << undirected.from[i] << ' ' << undirected.to[i] << ' ' << undirected.weight[i] << '\n';
    }
  }
  std::string command = "/usr/bin/python3 " LEAKTRACE_TESTS_DIR "/python/igraph_leiden.py " + edges + " 5";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  char buffer[64] = {};
  if (!pipe || !std::fgets(buffer, sizeof buffer, pipe.get())) return -1;
  return std::stod(buffer);
}

struct Case {
  const char* file;
  const char* truth;       // node attribute of the ground-truth split
  const char* truth_file;  // a table of it beside the graph, when the graph does not carry it
};

class RealCommunities : public ::testing::TestWithParam<Case> {};

TEST_P(RealCommunities, AtLeastTheGroundTruthAndWithinOnePercentOfIgraph) {
  fs::path folder = testing::shared_data() / "graphs";
  if (!fs::exists(folder / GetParam().file)) {
    GTEST_SKIP() << GetParam().file << " not found in " << folder << " (set LEAKTRACE_DATA to the shared data folder)";
  }
  if (!fs::exists("/usr/bin/python3") || std::system("/usr/bin/python3 -c 'import igraph' 2>/dev/null") != 0) {
    FAIL() << "python3-igraph is missing: run scripts/install-deps";
  }
  ImportedNetwork network = read_network((folder / GetParam().file).string());
  if (*GetParam().truth_file) {
    network.graph = with_node_attributes(network.graph,
                                         read_node_attribute_table((folder / GetParam().truth_file).string(), GetParam().truth));
  }
  CommunityDetection communities(network.graph, nullptr, {.types = InteractionTypes::all()});
  communities.run();

  const NodeAttribute* truth = network.graph.attribute(GetParam().truth);
  ASSERT_NE(truth, nullptr);
  std::map<std::string, std::int64_t> ids;
  std::vector<std::int64_t> split;
  for (const std::string& value : truth->values) split.push_back(ids.emplace(value, ids.size()).first->second);
  double truth_modularity = ig::modularity(network.graph.undirected(), split);

  testing::TempDir dir;
  double igraph_modularity = python_igraph_leiden(network.graph, dir);
  ASSERT_GT(igraph_modularity, 0) << "python-igraph did not answer";
  std::printf("%s: leaktrace %.4f, python-igraph Leiden %.4f, ground truth %.4f\n", GetParam().file,
              communities.modularity(), igraph_modularity, truth_modularity);
  EXPECT_GE(communities.modularity(), truth_modularity);
  EXPECT_GE(communities.modularity(), 0.99 * igraph_modularity);
}

INSTANTIATE_TEST_SUITE_P(Graphs, RealCommunities,
                         ::testing::Values(Case{"karate_networkx.tsv", "club", "karate_networkx_club.tsv"},
                                           Case{"football.gml", "value", ""}, Case{"polbooks.gml", "value", ""},
                                           Case{"dolphins.gml", "groundTruth", ""}),
                         [](const auto& info) {
                           std::string name = info.param.file;
                           return name.substr(0, name.find_first_of("._"));
                         });

}  // namespace
}  // namespace leaktrace
