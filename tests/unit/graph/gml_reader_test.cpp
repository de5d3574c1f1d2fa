#include "graph/gml_reader.h"

#include <gtest/gtest.h>

#include "unit/graph/imported_network_util.h"

namespace leaktrace {
namespace {

using testing::attribute_value;
using testing::find_edge;
using testing::node_index;

TEST(GmlReader, ReadsNodesAttributesAndEdges) {
  ImportedNetwork network = read_gml(R"(Creator "igraph"
graph
[
  # football-like
  directed 0
  node [ id 0 label "BrighamYoung" value 7 ]
  node
  [
    id 1
    label "Florida &amp; &quot;State&quot; &#233;"
    value 0
    graphics [ x 1.5 y -2 ]
  ]
  edge [ source 1 target 0 weight 2.5 type "reply" time "2017-05-05T20:49:00Z" ]
  edge [ source 0 target 1 ]
]
)",
                                     "f.gml");
  EXPECT_TRUE(network.rejections.empty());
  EXPECT_FALSE(network.directed);
  ASSERT_EQ(network.graph.node_count(), 2u);
  EXPECT_EQ(network.graph.node(0).label, "BrighamYoung");
  EXPECT_EQ(network.graph.node(1).label, "Florida & \"State\" é");
  EXPECT_EQ(attribute_value(network.graph, "value", "0"), "7");
  EXPECT_EQ(attribute_value(network.graph, "graphics.x", "1"), "1.5");
  EXPECT_EQ(attribute_value(network.graph, "graphics.x", "0"), "");
  auto edge = find_edge(network.graph, "1", "0");
  ASSERT_TRUE(edge);
  EXPECT_FLOAT_EQ(edge->weight, 2.5);
  EXPECT_EQ(edge->type, InteractionType::reply);
  EXPECT_EQ(edge->first, 1494017340000);
  EXPECT_TRUE(find_edge(network.graph, "0", "1"));
}

TEST(GmlReader, BadElementsAreRejectedWithTheirLine) {
  ImportedNetwork network = read_gml(
      "graph [\n"                          // 1
      "  directed 1\n"                     // 2
      "  node [ label \"no id\" ]\n"       // 3
      "  node [ id 1 ]\n"                  // 4
      "  node [ id 1 ]\n"                  // 5
      "  node [ id 2 ]\n"                  // 6
      "  edge [ source 1 target 9 ]\n"     // 7
      "  edge [ source 1 ]\n"              // 8
      "  edge [ source 1 target 2 weight \"x\" ]\n"  // 9
      "  edge [ source 2 target 1 ]\n"     // 10
      "]\n",
      "bad.gml");
  EXPECT_TRUE(network.directed);
  ASSERT_EQ(network.rejections.size(), 5u);
  EXPECT_EQ(network.rejections[0].line, 3u);
  EXPECT_EQ(network.rejections[1].line, 5u);
  EXPECT_EQ(network.rejections[2].line, 7u);
  EXPECT_EQ(network.rejections[2].reason, "edge names node '9', which is not declared");
  EXPECT_EQ(network.rejections[3].line, 8u);
  EXPECT_EQ(network.rejections[4].line, 9u);
  EXPECT_EQ(network.graph.node_count(), 2u);
  EXPECT_EQ(network.graph.edges().size(), 1u);
  EXPECT_TRUE(find_edge(network.graph, "2", "1"));
}

TEST(GmlReader, SyntaxErrorKeepsWhatCameBefore) {
  ImportedNetwork network = read_gml(
      "graph [\n"
      "  node [ id 1 ]\n"
      "  node [ id 2 ]\n"
      "  edge [ source 1 target 2 ]\n"
      "  node [ id 3 label \"never closed ]\n"
      "  node [ id 4 ]\n"
      "]\n",
      "cut.gml");
  ASSERT_EQ(network.rejections.size(), 1u);
  EXPECT_EQ(network.rejections[0].line, 5u);
  EXPECT_NE(network.rejections[0].reason.find("not closed"), std::string::npos);
  EXPECT_NE(network.rejections[0].reason.find("element of line 5 was dropped"), std::string::npos);
  EXPECT_EQ(network.graph.node_count(), 2u);
  EXPECT_EQ(node_index(network.graph, "3"), no_index);
  EXPECT_EQ(network.graph.edges().size(), 1u);
}

TEST(GmlReader, EdgesMayComeBeforeTheirNodes) {
  ImportedNetwork network = read_gml("graph [ edge [ source 1 target 2 ] node [ id 1 ] node [ id 2 ] ]", "order.gml");
  EXPECT_TRUE(network.rejections.empty());
  EXPECT_TRUE(find_edge(network.graph, "1", "2"));
}

TEST(GmlReader, NoGraphIsFatal) {
  EXPECT_THROW(read_gml("Creator \"x\"\n", "none.gml"), NetworkReadError);
}

}  // namespace
}  // namespace leaktrace
