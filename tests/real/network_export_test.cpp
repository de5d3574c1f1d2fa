// Real graphs read by leaktrace and exported again load in networkx 2.8.8 and python3-igraph with
// the same node and edge counts and attribute values as the original files (the counts from
// reference_metrics_networkx288.json, the values from the files themselves).
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <simdjson.h>

#include "cli/network_export.h"
#include "graph/network_reader.h"
#include "real/shared_data.h"
#include "render/gexf_writer.h"
#include "render/graphml_writer.h"
#include "unit/external_readers.h"
#include "unit/test_files.h"

namespace leaktrace {
namespace {

namespace fs = std::filesystem;
using namespace leaktrace::testing;

fs::path graphs_folder() { return shared_data() / "graphs"; }

// Each node's `value` in football.gml, by a few lines of reading: "id N" then "value V".
std::map<std::string, std::int64_t> football_values() {
  std::ifstream in(graphs_folder() / "football.gml");
  std::map<std::string, std::int64_t> values;
  std::string key, id;
  while (in >> key) {
    if (key == "id") in >> id;
    if (key == "value") in >> values[id];
  }
  return values;
}

class RealExport : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(graphs_folder() / "football.gml")) {
      GTEST_SKIP() << "real graphs not found in " << graphs_folder()
                   << " (set LEAKTRACE_DATA to the shared data folder to run these tests)";
    }
    if (std::string missing = python_module_missing("networkx"); !missing.empty()) GTEST_SKIP() << missing;
    ImportedNetwork network = read_network((graphs_folder() / "football.gml").string());
    NetworkExportOptions options;
    options.directed = network.directed;
    document_ = network_document(network.graph, options);
  }

  simdjson::dom::element read_back(const std::string& reader, const std::string& path) {
    CommandResult result = run_command(std::string(system_python) + " " + shell_quoted(read_network_script()) + " " +
                                       reader + " " + shell_quoted(path));
    EXPECT_EQ(result.status, 0) << result.output;
    output_ = result.output;
    return parser_.parse(output_).value();
  }

  void expect_football(simdjson::dom::element graph) {
    EXPECT_EQ(graph["directed"].get_bool().value(), false);
    simdjson::dom::object nodes = graph["nodes"].get_object();
    EXPECT_EQ(nodes.size(), 115u);  // reference_metrics_networkx288.json: football nodes
    EXPECT_EQ(graph["edges"].get_array().size(), 613u);  // and edges
    std::map<std::string, std::int64_t> expected = football_values();
    ASSERT_EQ(expected.size(), 115u);
    for (auto [id, data] : nodes) {
      double value = -1;
      ASSERT_EQ(data["value"].get(value), simdjson::SUCCESS) << id;
      EXPECT_EQ(value, static_cast<double>(expected.at(std::string(id)))) << id;
    }
    EXPECT_EQ(std::string_view(nodes["0"]["label"].get_string().value()), "BrighamYoung");
  }

  NetworkDocument document_;
  TempDir dir_;
  std::string output_;
  simdjson::dom::parser parser_;
};

TEST_F(RealExport, FootballAsGexf12draftInNetworkx) {
  std::ostringstream out;
  write_gexf(document_, out, GexfOptions{GexfVersion::v1_2draft, "leaktrace"});
  expect_football(read_back("networkx-gexf", dir_.write("football.gexf", out.str())));
}

TEST_F(RealExport, FootballAsGraphmlInNetworkxAndIgraph) {
  std::ostringstream out;
  write_graphml(document_, out);
  std::string path = dir_.write("football.graphml", out.str());
  expect_football(read_back("networkx-graphml", path));
  if (std::string missing = python_module_missing("igraph"); !missing.empty()) GTEST_SKIP() << missing;
  expect_football(read_back("igraph-graphml", path));
}

TEST_F(RealExport, FootballAsGexf13ValidatesAndReadsBack) {
  if (std::string missing = xmllint_missing(); !missing.empty()) GTEST_SKIP() << missing;
  std::ostringstream out;
  write_gexf(document_, out);
  std::string path = dir_.write("football.gexf", out.str());
  CommandResult valid = run_command("xmllint --noout --schema " + shell_quoted(gexf_schema()) + " " + shell_quoted(path));
  EXPECT_EQ(valid.status, 0) << valid.output;
  ImportedNetwork again = read_network(path);
  EXPECT_EQ(again.graph.node_count(), 115u);
  EXPECT_EQ(again.graph.undirected().size(), 613u);
}

}  // namespace
}  // namespace leaktrace
