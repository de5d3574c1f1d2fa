#include "graph/node_attribute_table.h"

#include <gtest/gtest.h>

#include "graph/edge_list_reader.h"
#include "unit/graph/imported_network_util.h"

namespace leaktrace {
namespace {

using testing::attribute_value;

TEST(NodeAttributeTable, ReadsTabSeparatedPairsNamedByTheCaller) {
  NodeAttributeTable table = parse_node_attribute_table("# node\tclub\n0\tMr. Hi\n1\tOfficer\n", "club.tsv", "club");
  ASSERT_EQ(table.names, std::vector<std::string>{"club"});
  ASSERT_EQ(table.keys.size(), 2u);
  EXPECT_EQ(table.values[1][0], "Officer");
  EXPECT_EQ(table.lines[1], 3u);
}

TEST(NodeAttributeTable, HeaderNamesColumnsElseTheFileStem) {
  NodeAttributeTable header = parse_node_attribute_table("Node,club,age\n0,\"Mr. Hi\",30\n1,Officer\n", "t.csv");
  EXPECT_EQ(header.names, (std::vector<std::string>{"club", "age"}));
  EXPECT_EQ(header.values[1], (std::vector<std::string>{"Officer", ""}));
  NodeAttributeTable bare = parse_node_attribute_table("0 a 1\n1 b\nlonely\n", "dir/conference.txt");
  EXPECT_EQ(bare.names, (std::vector<std::string>{"conference", "conference_2"}));
  ASSERT_EQ(bare.rejections.size(), 1u);
  EXPECT_EQ(bare.rejections[0].line, 3u);
  EXPECT_THROW(parse_node_attribute_table("# nothing\n", "none.tsv"), NetworkReadError);
}

TEST(NodeAttributeTable, AddsAttributesByNodeKeyAndReportsUnknownNodes) {
  ImportedNetwork network = read_edge_list("0 1\n1 2\n", "e.txt");
  NodeAttributeTable table = parse_node_attribute_table("0\tMr. Hi\n2\tOfficer\n7\tOfficer\n", "club.tsv", "club");
  std::vector<InputRejection> unknown;
  AccountGraph graph = with_node_attributes(network.graph, table, &unknown);
  EXPECT_EQ(attribute_value(graph, "club", "0"), "Mr. Hi");
  EXPECT_EQ(attribute_value(graph, "club", "1"), "");
  EXPECT_EQ(attribute_value(graph, "club", "2"), "Officer");
  ASSERT_EQ(unknown.size(), 1u);
  EXPECT_EQ(unknown[0].line, 3u);
  EXPECT_EQ(graph.edges().size(), network.graph.edges().size());
  // Replacing keeps a single attribute of that name.
  AccountGraph again = with_node_attributes(graph, table);
  EXPECT_EQ(again.attributes().size(), 1u);
}

}  // namespace
}  // namespace leaktrace
