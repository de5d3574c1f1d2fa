#include "render/graphml_writer.h"

#include <sstream>

#include <gtest/gtest.h>

#include "unit/render/export_readers.h"
#include "unit/test_files.h"

namespace leaktrace {
namespace {

using namespace leaktrace::testing;

std::string graphml(const NetworkDocument& document) {
  std::ostringstream out;
  write_graphml(document, out);
  return out.str();
}

TEST(GraphmlWriter, WritesKeysThenNodesAndEdges) {
  NetworkDocument document;
  document.directed = false;
  document.node_columns = {{"club", ColumnType::string}};
  document.nodes = {NetworkNode{"0", "Mr. Hi & co", unknown_time, {}, {}, {}, {}, {std::string("Mr. Hi")}},
                    NetworkNode{"1", "b", unknown_time, {}, {}, {}, {}, {std::monostate{}}}};
  document.edges = {NetworkEdge{0, 1, 4, "repost", unknown_time, {}}};
  EXPECT_EQ(graphml(document), R"(<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
  <key id="d0" for="node" attr.name="label" attr.type="string"/>
  <key id="d1" for="node" attr.name="club" attr.type="string"/>
  <key id="d2" for="edge" attr.name="weight" attr.type="double"/>
  <key id="d3" for="edge" attr.name="type" attr.type="string"/>
  <graph id="G" edgedefault="undirected">
    <node id="0">
      <data key="d0">Mr. Hi &amp; co</data>
      <data key="d1">Mr. Hi</data>
    </node>
    <node id="1">
      <data key="d0">b</data>
    </node>
    <edge id="e0" source="0" target="1">
      <data key="d2">4</data>
      <data key="d3">repost</data>
    </edge>
  </graph>
</graphml>
)");
}

TEST(GraphmlWriter, NetworkxReadsItWithItsAttributes) {
  if (std::string missing = python_module_missing("networkx"); !missing.empty()) GTEST_SKIP() << missing;
  TempDir dir;
  NetworkDocument document = sample_network();
  std::string path = dir.write("sample.graphml", graphml(document));
  ReaderOutput networkx("networkx-graphml", path);
  ASSERT_TRUE(networkx.ok());
  EXPECT_EQ(networkx.root()["directed"].get_bool().value(), true);
  expect_sample_values(networkx.root()["nodes"], networkx.root()["edges"], document);
  simdjson::dom::element wikileaks = networkx.root()["nodes"]["twitter:25073877"];
  EXPECT_EQ(json_string(wikileaks, "start"), "2017-05-05T20:49:00.000Z");
  EXPECT_EQ(wikileaks["x"].get_double().value(), 1.5);
  EXPECT_EQ(wikileaks["r"].get_int64().value(), 239);
}

TEST(GraphmlWriter, IgraphReadsItWithItsAttributes) {
  if (std::string missing = python_module_missing("igraph"); !missing.empty()) GTEST_SKIP() << missing;
  TempDir dir;
  NetworkDocument document = sample_network();
  std::string path = dir.write("sample.graphml", graphml(document));
  ReaderOutput igraph("igraph-graphml", path);
  ASSERT_TRUE(igraph.ok());
  EXPECT_EQ(igraph.root()["directed"].get_bool().value(), true);
  expect_sample_values(igraph.root()["nodes"], igraph.root()["edges"], document, false);
}

}  // namespace
}  // namespace leaktrace
