#include "cli/network_export.h"

#include <algorithm>
#include <sstream>
#include <tuple>

#include <gtest/gtest.h>

#include "graph/network_reader.h"
#include "graph/node_attribute_table.h"
#include "render/csv_network_writer.h"
#include "render/gexf_writer.h"
#include "render/graphml_writer.h"
#include "unit/test_files.h"

namespace leaktrace {
namespace {

// 2017-05-05T20:49:00Z
constexpr TimeMs start = 1494017340000;

//   twitter:2 --repost(3), quote(1)--> twitter:1 <--citation-- 4chan:thread:pol/1
//                                         \--mention(2.5)--------^
AccountGraph sample_graph() {
  std::vector<GraphNode> nodes{{"twitter:1", "alice", no_index},
                               {"twitter:2", "bob <b>\"&\"", no_index},
                               {"4chan:thread:pol/1", "Anonymous", no_index}};
  std::vector<NodeAttribute> attributes{
      {"community", {"0", "1", "0"}},
      {"club", {"Mr. Hi", "", "Officer, the"}},
      {"pagerank", {"0.25", "0.5", "0.125"}},
      {"start", {"2017-05-05T20:49:00.000Z", "", "2017-05-05T20:50:00.000Z"}},
  };
  std::vector<GraphEdge> edges{
      {1, 0, InteractionType::repost, 3, start + 1000, start + 1000},
      {1, 0, InteractionType::quote, 1, start + 2000, start + 2000},
      {2, 0, InteractionType::citation, 1, unknown_time, unknown_time},
      {0, 2, InteractionType::mention, 2.5, start + 5000, start + 5000},
  };
  return AccountGraph::assemble(std::move(nodes), std::move(edges), std::move(attributes));
}

using EdgeKey = std::tuple<std::string, std::string, InteractionType, float, TimeMs>;

std::vector<EdgeKey> edge_keys(const AccountGraph& graph) {
  std::vector<EdgeKey> out;
  for (const GraphEdge& e : graph.edges()) {
    out.emplace_back(graph.node(e.source).key, graph.node(e.target).key, e.type, e.weight, e.first);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string value_of(const AccountGraph& graph, std::string_view attribute, std::string_view key) {
  const NodeAttribute* values = graph.attribute(attribute);
  if (!values) return "<no attribute>";
  for (std::uint32_t i = 0; i < graph.node_count(); ++i) {
    if (graph.node(i).key == key) return values->values[i];
  }
  return "<no node>";
}

void expect_same_graph(const AccountGraph& expected, const ImportedNetwork& read, bool labels = true) {
  EXPECT_TRUE(read.rejections.empty()) << read.rejections.front().reason;
  ASSERT_EQ(read.graph.node_count(), expected.node_count());
  for (const GraphNode& node : expected.nodes()) {
    SCOPED_TRACE(node.key);
    if (labels) {
      auto found = std::find_if(read.graph.nodes().begin(), read.graph.nodes().end(),
                                [&](const GraphNode& n) { return n.key == node.key; });
      ASSERT_NE(found, read.graph.nodes().end());
      EXPECT_EQ(found->label, node.label);
    }
    for (const NodeAttribute& attribute : expected.attributes()) {
      EXPECT_EQ(value_of(read.graph, attribute.name, node.key), value_of(expected, attribute.name, node.key))
          << attribute.name;
    }
  }
  EXPECT_EQ(edge_keys(read.graph), edge_keys(expected));
}

TEST(NetworkExport, TypesColumnsAndRestoresTheTimeline) {
  NetworkDocument document = network_document(sample_graph());
  ASSERT_EQ(document.node_columns.size(), 3u);
  EXPECT_EQ(document.node_columns[0].type, ColumnType::integer);
  EXPECT_EQ(document.node_columns[1].type, ColumnType::string);
  EXPECT_EQ(document.node_columns[2].type, ColumnType::real);
  EXPECT_EQ(document.nodes[0].start, start);
  EXPECT_EQ(document.nodes[1].start, unknown_time);
  EXPECT_TRUE(std::holds_alternative<std::monostate>(document.nodes[1].values[1]));
  EXPECT_EQ(document.edges.size(), 4u);
  NetworkExportOptions only_reposts;
  only_reposts.types = InteractionTypes::parse("repost");
  EXPECT_EQ(network_document(sample_graph(), only_reposts).edges.size(), 1u);
}

TEST(NetworkExport, Gexf13RoundTrip) {
  AccountGraph graph = sample_graph();
  std::ostringstream out;
  write_gexf(network_document(graph), out);
  expect_same_graph(graph, parse_network(out.str(), "round.gexf"));
}

TEST(NetworkExport, Gexf12draftRoundTrip) {
  AccountGraph graph = sample_graph();
  std::ostringstream out;
  write_gexf(network_document(graph), out, GexfOptions{GexfVersion::v1_2draft, "leaktrace"});
  expect_same_graph(graph, parse_network(out.str(), "round.gexf"));
}

TEST(NetworkExport, GraphmlRoundTrip) {
  AccountGraph graph = sample_graph();
  std::ostringstream out;
  write_graphml(network_document(graph), out);
  ImportedNetwork read = parse_network(out.str(), "round.graphml");
  EXPECT_EQ(read.format, NetworkFormat::graphml);
  EXPECT_TRUE(read.directed);
  expect_same_graph(graph, read);
}

TEST(NetworkExport, CsvRoundTripThroughTheEdgeListAndAttributeTableReaders) {
  AccountGraph graph = sample_graph();
  testing::TempDir dir;
  CsvNetworkFiles files = write_csv_network(network_document(graph), dir.file("csv"));
  ImportedNetwork read = read_network(files.edges);
  EXPECT_EQ(read.format, NetworkFormat::edge_list);
  NodeAttributeTable table = read_node_attribute_table(files.nodes);
  EXPECT_EQ(table.names, (std::vector<std::string>{"label", "start", "community", "club", "pagerank"}));
  std::vector<InputRejection> unknown;
  read.graph = with_node_attributes(read.graph, table, &unknown);
  EXPECT_TRUE(unknown.empty());
  expect_same_graph(graph, read, false);
  EXPECT_EQ(value_of(read.graph, "label", "twitter:2"), "bob <b>\"&\"");
}

}  // namespace
}  // namespace leaktrace
