#include "render/csv_network_writer.h"

#include <sstream>

#include <gtest/gtest.h>

#include "unit/render/export_readers.h"
#include "unit/test_files.h"

namespace leaktrace {
namespace {

using namespace leaktrace::testing;

TEST(CsvNetworkWriter, QuotesAsRfc4180Says) {
  NetworkDocument document;
  document.node_columns = {{"bio", ColumnType::string}, {"pagerank", ColumnType::real}};
  document.nodes = {
      NetworkNode{"twitter:1", "a,b", sample_start, {}, {}, {}, {}, {std::string("say \"hi\"\nthen go"), 0.5}},
      NetworkNode{"twitter:2", " padded", unknown_time, {}, {}, {}, {}, {std::monostate{}, std::monostate{}}}};
  document.edges = {NetworkEdge{1, 0, 2, "reply", unknown_time, {}}};
  std::ostringstream nodes, edges;
  write_csv_nodes(document, nodes);
  write_csv_edges(document, edges);
  EXPECT_EQ(nodes.str(),
            "id,label,start,bio,pagerank\r\n"
            "twitter:1,\"a,b\",2017-05-05T20:49:00.000Z,\"say \"\"hi\"\"\nthen go\",0.5\r\n"
            "twitter:2,\" padded\",,,\r\n");
  EXPECT_EQ(edges.str(),
            "source,target,weight,type\r\n"
            "twitter:2,twitter:1,2,reply\r\n");
}

TEST(CsvNetworkWriter, PythonsCsvModuleReadsTheFilesBack) {
  if (std::string missing = python_module_missing("csv"); !missing.empty()) GTEST_SKIP() << missing;
  TempDir dir;
  NetworkDocument document = sample_network();
  CsvNetworkFiles files = write_csv_network(document, dir.file("out"));
  ReaderOutput nodes("csv", files.nodes);
  ASSERT_TRUE(nodes.ok());
  simdjson::dom::array rows = nodes.root()["rows"].get_array();
  ASSERT_EQ(rows.size(), document.nodes.size() + 1);
  std::vector<std::string> header;
  for (simdjson::dom::element field : rows.at(0).get_array()) header.emplace_back(field.get_string().value());
  EXPECT_EQ(header, (std::vector<std::string>{"id", "label", "start", "x", "y", "size", "color", "community",
                                              "pagerank", "first_share", "bio"}));
  for (std::size_t i = 0; i < document.nodes.size(); ++i) {
    const NetworkNode& node = document.nodes[i];
    simdjson::dom::array row = rows.at(i + 1).get_array();
    EXPECT_EQ(row.at(0).get_string().value(), node.id);
    EXPECT_EQ(row.at(1).get_string().value(), node.label);  // CSV keeps every byte
    EXPECT_EQ(row.at(10).get_string().value(), std::get<std::string>(node.values[3]));
  }
  EXPECT_EQ(rows.at(1).at(6).get_string().value(), "#efad42");
  ReaderOutput edges("csv", files.edges);
  ASSERT_TRUE(edges.ok());
  simdjson::dom::array edge_rows = edges.root()["rows"].get_array();
  ASSERT_EQ(edge_rows.size(), document.edges.size() + 1);
  EXPECT_EQ(edge_rows.at(1).at(0).get_string().value(), "twitter:2");
  EXPECT_EQ(edge_rows.at(1).at(4).get_string().value(), "2017-05-05T20:49:01.000Z");
  EXPECT_EQ(edge_rows.at(1).at(5).get_string().value(), "https://x.com/a?b=1&c=2");
}

}  // namespace
}  // namespace leaktrace
