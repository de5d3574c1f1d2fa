#include "graph/graphml_reader.h"

#include <gtest/gtest.h>

#include "unit/graph/imported_network_util.h"

namespace leaktrace {
namespace {

using testing::attribute_value;
using testing::find_edge;
using testing::node_index;

constexpr std::string_view small_graphml = R"(<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="node" attr.name="label" attr.type="string"/>
  <key id="d1" for="node" attr.name="club" attr.type="string"><default>none</default></key>
  <key id="d2" for="node" attr.name="pagerank" attr.type="double"/>
  <key id="d3" for="edge" attr.name="weight" attr.type="double"/>
  <key id="d4" for="edge" attr.name="type" attr.type="string"/>
  <key id="d5" for="edge" attr.name="time" attr.type="string"/>
  <key id="d6" for="edge" attr.name="colour" attr.type="string"/>
  <graph id="G" edgedefault="undirected">
    <node id="twitter:1"><data key="d0">Alice &amp; &lt;co&gt;</data><data key="d1">Mr. Hi</data><data key="d2">0.25</data></node>
    <node id="twitter:2"/>
    <edge source="twitter:1" target="twitter:2"><data key="d3">2.5</data><data key="d4">citation</data><data key="d5">2017-05-05T20:49:00Z</data><data key="d6">red</data></edge>
  </graph>
</graphml>
)";

TEST(GraphmlReader, ReadsKeysDefaultsAndEdgeData) {
  ImportedNetwork network = read_graphml(small_graphml, "s.graphml");
  EXPECT_TRUE(network.rejections.empty());
  EXPECT_FALSE(network.directed);
  ASSERT_EQ(network.graph.node_count(), 2u);
  EXPECT_EQ(network.graph.node(0).label, "Alice & <co>");
  EXPECT_EQ(network.graph.node(1).label, "twitter:2");
  ASSERT_EQ(network.graph.attributes().size(), 2u);
  EXPECT_EQ(network.graph.attributes()[0].name, "club");
  EXPECT_EQ(network.graph.attributes()[1].name, "pagerank");
  EXPECT_EQ(attribute_value(network.graph, "club", "twitter:1"), "Mr. Hi");
  EXPECT_EQ(attribute_value(network.graph, "club", "twitter:2"), "none");
  EXPECT_EQ(attribute_value(network.graph, "pagerank", "twitter:1"), "0.25");
  auto edge = find_edge(network.graph, "twitter:1", "twitter:2");
  ASSERT_TRUE(edge);
  EXPECT_FLOAT_EQ(edge->weight, 2.5);
  EXPECT_EQ(edge->type, InteractionType::citation);
  EXPECT_EQ(edge->first, 1494017340000);
  ASSERT_EQ(network.notes.size(), 1u);
  EXPECT_NE(network.notes[0].find("'colour' not kept"), std::string::npos);
}

TEST(GraphmlReader, BadElementsAreRejectedWithTheirLine) {
  ImportedNetwork network = read_graphml(R"(<graphml>
<key id="w" for="edge" attr.name="weight"/>
<graph>
<node id="a"/>
<node/>
<node id="a"/>
<node id="b"/>
<edge source="a"/>
<edge source="a" target="zz"/>
<edge source="a" target="b"><data key="w">2,5</data></edge>
<edge source="b" target="a"><data key="nope">1</data></edge>
</graph>
</graphml>)",
                                         "bad.graphml");
  EXPECT_TRUE(network.directed);  // GraphML's default
  ASSERT_EQ(network.rejections.size(), 6u);
  EXPECT_EQ(network.rejections[0].line, 5u);
  EXPECT_EQ(network.rejections[1].line, 6u);
  EXPECT_EQ(network.rejections[2].line, 8u);
  EXPECT_EQ(network.rejections[3].line, 9u);
  EXPECT_EQ(network.rejections[4].line, 10u);
  EXPECT_EQ(network.rejections[5].line, 11u);
  EXPECT_EQ(network.graph.node_count(), 2u);
  EXPECT_TRUE(find_edge(network.graph, "b", "a"));
  EXPECT_EQ(network.graph.edges().size(), 1u);
}

TEST(GraphmlReader, MalformedXmlIsReportedAndRecovered) {
  ImportedNetwork network = read_graphml("<graphml><graph>\n<node id=\"a\"/>\n<node id=\"b\">\n<edge source=\"a\" target=\"b\"/>\n</graph></graphml>", "broken.graphml");
  ASSERT_FALSE(network.rejections.empty());
  EXPECT_NE(network.rejections[0].reason.find("XML:"), std::string::npos);
  EXPECT_GT(network.rejections[0].line, 0u);
  EXPECT_NE(node_index(network.graph, "a"), no_index);
}

TEST(GraphmlReader, NotGraphmlIsFatal) {
  EXPECT_THROW(read_graphml("<gexf/>", "x.graphml"), NetworkReadError);
  EXPECT_THROW(read_graphml("not xml at all", "x.graphml"), NetworkReadError);
}

}  // namespace
}  // namespace leaktrace
