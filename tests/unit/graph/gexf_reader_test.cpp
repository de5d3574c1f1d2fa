#include "graph/gexf_reader.h"

#include <gtest/gtest.h>

#include "unit/graph/imported_network_util.h"

namespace leaktrace {
namespace {

using testing::attribute_value;
using testing::find_edge;
using testing::node_index;

// What Gephi 0.10 writes for a dynamic graph (GEXF 1.3), by hand.
constexpr std::string_view dynamic_gexf = R"(<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">
  <graph defaultedgetype="directed" mode="dynamic" timeformat="dateTime">
    <attributes class="node">
      <attribute id="0" title="modularity_class" type="integer"/>
      <attribute id="1" title="verified" type="boolean"><default>false</default></attribute>
    </attributes>
    <attributes class="edge">
      <attribute id="0" title="type" type="string"/>
      <attribute id="1" title="url" type="string"/>
    </attributes>
    <nodes>
      <node id="twitter:1" label="alice" start="2017-05-05T20:49:00Z">
        <attvalues><attvalue for="0" value="3"/><attvalue for="1" value="true"/></attvalues>
        <viz:position x="15.5" y="-40" z="0"/><viz:size value="2"/><viz:color r="239" g="173" b="66" a="0.6"/>
      </node>
      <node id="twitter:2" label="bob">
        <spells><spell start="2017-05-06T00:00:00Z"/><spell start="2017-05-05T21:00:00Z" end="2017-05-07T00:00:00Z"/></spells>
        <attvalues><attvalue for="0" value="1"/></attvalues>
      </node>
    </nodes>
    <edges>
      <edge id="e0" source="twitter:2" target="twitter:1" weight="3" kind="quote" start="2017-05-05T21:00:00Z"/>
      <edge id="e1" source="twitter:1" target="twitter:2">
        <attvalues><attvalue for="0" value="mention"/><attvalue for="1" value="x"/></attvalues>
      </edge>
    </edges>
  </graph>
</gexf>
)";

TEST(GexfReader, ReadsAttributesVizAndTimes) {
  ImportedNetwork network = read_gexf(dynamic_gexf, "d.gexf");
  EXPECT_TRUE(network.rejections.empty());
  EXPECT_TRUE(network.directed);
  ASSERT_EQ(network.graph.node_count(), 2u);
  EXPECT_EQ(network.graph.node(0).label, "alice");
  EXPECT_EQ(attribute_value(network.graph, "modularity_class", "twitter:1"), "3");
  EXPECT_EQ(attribute_value(network.graph, "modularity_class", "twitter:2"), "1");
  EXPECT_EQ(attribute_value(network.graph, "verified", "twitter:1"), "true");
  EXPECT_EQ(attribute_value(network.graph, "verified", "twitter:2"), "false");
  EXPECT_EQ(attribute_value(network.graph, "start", "twitter:1"), "2017-05-05T20:49:00.000Z");
  EXPECT_EQ(attribute_value(network.graph, "start", "twitter:2"), "2017-05-05T21:00:00.000Z");
  EXPECT_EQ(attribute_value(network.graph, "x", "twitter:1"), "15.5");
  EXPECT_EQ(attribute_value(network.graph, "y", "twitter:1"), "-40");
  EXPECT_EQ(attribute_value(network.graph, "size", "twitter:1"), "2");
  EXPECT_EQ(attribute_value(network.graph, "color", "twitter:1"), "#efad42");
  auto quote = find_edge(network.graph, "twitter:2", "twitter:1");
  ASSERT_TRUE(quote);
  EXPECT_EQ(quote->type, InteractionType::quote);
  EXPECT_FLOAT_EQ(quote->weight, 3);
  EXPECT_EQ(quote->first, 1494017340000 + 11 * 60 * 1000);
  auto mention = find_edge(network.graph, "twitter:1", "twitter:2");
  ASSERT_TRUE(mention);
  EXPECT_EQ(mention->type, InteractionType::mention);
  EXPECT_EQ(mention->first, unknown_time);
}

TEST(GexfReader, DefaultsToUndirectedAndReadsOldVersions) {
  ImportedNetwork network = read_gexf(R"(<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">
<graph><nodes><node id="0" label="a"/><node id="1"/></nodes><edges><edge id="0" source="0" target="1"/></edges></graph></gexf>)",
                                      "old.gexf");
  EXPECT_FALSE(network.directed);
  EXPECT_EQ(network.graph.node(1).label, "1");
  EXPECT_TRUE(find_edge(network.graph, "0", "1"));
}

TEST(GexfReader, BadElementsAreRejectedWithTheirLine) {
  ImportedNetwork network = read_gexf(R"(<gexf version="1.3"><graph>
<nodes>
<node label="no id"/>
<node id="a" start="soon"/>
<node id="b"/>
<node id="c"><attvalues><attvalue for="undeclared" value="1"/></attvalues></node>
</nodes>
<edges>
<edge source="b" target="a"/>
<edge source="b" target="c" weight="-1"/>
<edge source="c" target="b"/>
</edges>
</graph></gexf>)",
                                      "bad.gexf");
  ASSERT_EQ(network.rejections.size(), 5u);
  EXPECT_EQ(network.rejections[0].line, 3u);
  EXPECT_EQ(network.rejections[1].line, 4u);
  EXPECT_EQ(network.rejections[2].line, 6u);
  EXPECT_EQ(network.rejections[3].line, 9u);
  EXPECT_EQ(network.rejections[4].line, 10u);
  EXPECT_EQ(node_index(network.graph, "a"), no_index);
  EXPECT_EQ(network.graph.node_count(), 2u);
  EXPECT_TRUE(find_edge(network.graph, "c", "b"));
}

}  // namespace
}  // namespace leaktrace
