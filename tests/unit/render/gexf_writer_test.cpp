#include "render/gexf_writer.h"

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "unit/render/export_readers.h"
#include "unit/test_files.h"

namespace leaktrace {
namespace {

using namespace leaktrace::testing;

std::string gexf(const NetworkDocument& document, GexfVersion version = GexfVersion::v1_3) {
  std::ostringstream out;
  write_gexf(document, out, GexfOptions{version, "leaktrace"});
  return out.str();
}

TEST(GexfWriter, WritesGexf13AsTheSpecificationShowsIt) {
  //   a --quote(2)--> b, at 2017-05-05T20:49:01Z; a shared first at 20:49:00
  NetworkDocument document;
  document.node_columns = {{"community", ColumnType::integer}};
  document.nodes = {NetworkNode{"twitter:1", "alice", sample_start, 1, 2, 3, Rgb8{255, 0, 16}, {std::int64_t{4}}},
                    NetworkNode{"twitter:2", "bob", unknown_time, {}, {}, {}, {}, {std::monostate{}}}};
  document.edges = {NetworkEdge{0, 1, 2, "quote", sample_start + 1000, {}}};
  EXPECT_EQ(gexf(document), R"(<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">
  <meta>
    <creator>leaktrace</creator>
  </meta>
  <graph defaultedgetype="directed" mode="dynamic" timeformat="dateTime">
    <attributes class="node" mode="static">
      <attribute id="0" title="community" type="long"/>
    </attributes>
    <attributes class="edge" mode="static">
      <attribute id="0" title="type" type="string"/>
    </attributes>
    <nodes count="2">
      <node id="twitter:1" label="alice" start="2017-05-05T20:49:00.000Z">
        <attvalues>
          <attvalue for="0" value="4"/>
        </attvalues>
        <viz:color r="255" g="0" b="16"/>
        <viz:position x="1" y="2" z="0"/>
        <viz:size value="3"/>
      </node>
      <node id="twitter:2" label="bob">
      </node>
    </nodes>
    <edges count="1">
      <edge id="0" source="twitter:1" target="twitter:2" weight="2" kind="quote" start="2017-05-05T20:49:01.000Z">
        <attvalues>
          <attvalue for="0" value="quote"/>
        </attvalues>
      </edge>
    </edges>
  </graph>
</gexf>
)");
}

TEST(GexfWriter, StaticGraphsHaveNoTimeformat) {
  NetworkDocument document;
  document.directed = false;
  document.nodes = {NetworkNode{"a", "a", unknown_time, {}, {}, {}, {}, {}}};
  std::string text = gexf(document);
  EXPECT_NE(text.find(R"(<graph defaultedgetype="undirected" mode="static">)"), std::string::npos);
  EXPECT_NE(gexf(document, GexfVersion::v1_2draft).find(R"(xmlns="http://www.gexf.net/1.2draft")"), std::string::npos);
}

TEST(GexfWriter, TheDynamicExportValidatesAgainstTheGexf13Schema) {
  if (std::string missing = xmllint_missing(); !missing.empty()) GTEST_SKIP() << missing;
  TempDir dir;
  std::string path = dir.write("sample.gexf", gexf(sample_network()));
  CommandResult valid = run_command("xmllint --noout --schema " + shell_quoted(gexf_schema()) + " " + shell_quoted(path));
  EXPECT_EQ(valid.status, 0) << valid.output;
  // The schema is not a rubber stamp: what the specification forbids fails it.
  std::string text = read_file(path);
  for (auto [from, to] : std::vector<std::pair<std::string, std::string>>{
           {"timeformat=\"dateTime\"", "timeformat=\"datetime\""},
           {"version=\"1.3\"", "version=\"1.2\""},
           {"r=\"239\"", "r=\"300\""},
           {"start=\"2017-05-05T20:49:00.000Z\"", "start=\"yesterday\""},
           {"</attvalues>", "</attvalues><colour/>"},
           {" target=\"twitter:25073877\"", ""}}) {
    std::string broken = text;
    broken.replace(broken.find(from), from.size(), to);
    std::string broken_path = dir.write("broken.gexf", broken);
    CommandResult result = run_command("xmllint --noout --schema " + shell_quoted(gexf_schema()) + " " + shell_quoted(broken_path));
    EXPECT_NE(result.status, 0) << "the schema accepted " << to;
  }
}

TEST(GexfWriter, Networkx288ReadsThe12draftExportWithItsAttributes) {
  if (std::string missing = python_module_missing("networkx"); !missing.empty()) GTEST_SKIP() << missing;
  TempDir dir;
  NetworkDocument document = sample_network();
  std::string path = dir.write("sample.gexf", gexf(document, GexfVersion::v1_2draft));
  ReaderOutput networkx("networkx-gexf", path);
  ASSERT_TRUE(networkx.ok());
  EXPECT_EQ(networkx.root()["directed"].get_bool().value(), true);
  expect_sample_values(networkx.root()["nodes"], networkx.root()["edges"], document);
  // Gephi's timeline fields and the layout, as networkx exposes them.
  simdjson::dom::element wikileaks = networkx.root()["nodes"]["twitter:25073877"];
  EXPECT_EQ(json_string(wikileaks, "start"), "2017-05-05T20:49:00.000Z");
  EXPECT_EQ(wikileaks["viz"]["position"]["x"].get_double().value(), 1.5);
  EXPECT_EQ(wikileaks["viz"]["position"]["y"].get_double().value(), -2.25);
  EXPECT_EQ(wikileaks["viz"]["size"].get_double().value(), 3);
  EXPECT_EQ(wikileaks["viz"]["color"]["r"].get_int64().value(), 239);
  EXPECT_NE(networkx.root()["nodes"]["twitter:2"]["start"].error(), simdjson::SUCCESS);
}

}  // namespace
}  // namespace leaktrace
