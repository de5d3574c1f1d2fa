// The network readers on the real graphs in ../shared/data/graphs: node and edge counts, PageRank and
// the modularity of the ground-truth split agree with reference_metrics_networkx288.json, which
// networkx 2.8.8 computed from the same files (never from leaktrace).
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>

#include <gtest/gtest.h>
#include <simdjson.h>

#include "graph/igraph_adapter.h"
#include "graph/network_reader.h"
#include "graph/node_attribute_table.h"
#include "real/shared_data.h"

namespace leaktrace {
namespace {

namespace fs = std::filesystem;

constexpr double pagerank_tolerance = 1e-6;
constexpr double modularity_tolerance = 1e-9;

fs::path graphs_folder() { return testing::shared_data() / "graphs"; }

struct Reference {
  std::int64_t nodes = 0;
  std::int64_t edges = 0;
  std::map<std::string, double> pagerank;
  std::optional<double> modularity;
};

Reference reference(const std::string& name) {
  simdjson::dom::parser parser;
  simdjson::dom::element root = parser.load((graphs_folder() / "reference_metrics_networkx288.json").string());
  simdjson::dom::element entry = root[name];
  Reference out;
  out.nodes = entry["nodes"].get_int64().value();
  out.edges = entry["edges"].get_int64().value();
  for (auto [key, value] : entry["pagerank_alpha085"].get_object()) out.pagerank[std::string(key)] = value.get_double();
  double modularity = 0;
  if (!entry["modularity_of_ground_truth"].get(modularity)) out.modularity = modularity;
  return out;
}

// The graph as networkx's undirected simple Graph sees it: one edge per pair, weight 1.
WeightedEdges unweighted(const AccountGraph& graph) {
  WeightedEdges edges = graph.undirected();
  std::fill(edges.weight.begin(), edges.weight.end(), 1.0);
  return edges;
}

// Ground-truth communities from a node attribute: equal values, equal community.
std::vector<std::int64_t> membership(const AccountGraph& graph, const std::string& attribute) {
  const NodeAttribute* values = graph.attribute(attribute);
  EXPECT_NE(values, nullptr) << "no attribute " << attribute;
  std::map<std::string, std::int64_t> ids;
  std::vector<std::int64_t> out;
  for (std::uint32_t i = 0; i < graph.node_count(); ++i) {
    EXPECT_FALSE(values->values[i].empty()) << graph.node(i).key << " has no " << attribute;
    out.push_back(ids.emplace(values->values[i], static_cast<std::int64_t>(ids.size())).first->second);
  }
  return out;
}

class RealNetwork : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(graphs_folder() / "reference_metrics_networkx288.json")) {
      GTEST_SKIP() << "real graphs not found in " << graphs_folder()
                   << " (set LEAKTRACE_DATA to the shared data folder to run these tests)";
    }
  }

  void expect_matches(const ImportedNetwork& network, const std::string& name, const std::string& truth) {
    SCOPED_TRACE(name);
    Reference expected = reference(name);
    EXPECT_TRUE(network.rejections.empty()) << network.rejections.front().reason;
    EXPECT_EQ(network.graph.node_count(), expected.nodes);
    WeightedEdges edges = unweighted(network.graph);
    EXPECT_EQ(static_cast<std::int64_t>(edges.size()), expected.edges);
    std::vector<double> pagerank = ig::pagerank(edges, 0.85, false);
    ASSERT_EQ(pagerank.size(), expected.pagerank.size());
    for (std::uint32_t i = 0; i < network.graph.node_count(); ++i) {
      // The reference is keyed by node id (karate, football) or label (lesmis).
      auto it = expected.pagerank.find(network.graph.node(i).key);
      if (it == expected.pagerank.end()) it = expected.pagerank.find(network.graph.node(i).label);
      ASSERT_NE(it, expected.pagerank.end()) << network.graph.node(i).key;
      EXPECT_NEAR(pagerank[i], it->second, pagerank_tolerance) << network.graph.node(i).key;
    }
    if (!truth.empty()) {
      ASSERT_TRUE(expected.modularity);
      EXPECT_NEAR(ig::modularity(edges, membership(network.graph, truth)), *expected.modularity, modularity_tolerance);
    }
  }
};

TEST_F(RealNetwork, KarateEdgeListWithClubTable) {
  ImportedNetwork network = read_network((graphs_folder() / "karate_networkx.tsv").string());
  EXPECT_EQ(network.format, NetworkFormat::edge_list);
  NodeAttributeTable clubs = read_node_attribute_table((graphs_folder() / "karate_networkx_club.tsv").string(), "club");
  std::vector<InputRejection> unknown;
  network.graph = with_node_attributes(network.graph, clubs, &unknown);
  EXPECT_TRUE(unknown.empty());
  EXPECT_TRUE(clubs.rejections.empty());
  // karate_networkx.tsv keeps networkx's interaction counts as weights: 0-1 met 4 times.
  EXPECT_FLOAT_EQ(network.graph.out_edges(0)[0].weight, 4);
  expect_matches(network, "karate_unweighted", "club");
}

TEST_F(RealNetwork, LesMiserablesEdgeList) {
  ImportedNetwork network = read_network((graphs_folder() / "lesmis_networkx.tsv").string());
  expect_matches(network, "lesmis_unweighted", "");
}

TEST_F(RealNetwork, FootballGml) {
  ImportedNetwork network = read_network((graphs_folder() / "football.gml").string());
  EXPECT_EQ(network.format, NetworkFormat::gml);
  EXPECT_FALSE(network.directed);
  EXPECT_EQ(network.graph.node(0).label, "BrighamYoung");
  expect_matches(network, "football", "value");
}

TEST_F(RealNetwork, PolbooksGml) {
  ImportedNetwork network = read_network((graphs_folder() / "polbooks.gml").string());
  EXPECT_EQ(network.graph.node(0).label, "1000 Years for Revenge");
  expect_matches(network, "polbooks", "value");
}

TEST_F(RealNetwork, DolphinsGml) {
  ImportedNetwork network = read_network((graphs_folder() / "dolphins.gml").string());
  expect_matches(network, "dolphins", "groundTruth");
}

}  // namespace
}  // namespace leaktrace
