#pragma once

#include <string>

#include <gtest/gtest.h>
#include <simdjson.h>

#include "render/network_document.h"
#include "unit/external_readers.h"
#include "unit/render/network_samples.h"

namespace leaktrace::testing {

// What tests/python/read_network.py printed for a file, parsed; fails the test when it did not run.
class ReaderOutput {
 public:
  ReaderOutput(const std::string& reader, const std::string& path) {
    CommandResult result = run_command(std::string(system_python) + " " + shell_quoted(read_network_script()) + " " +
                                       reader + " " + shell_quoted(path));
    EXPECT_EQ(result.status, 0) << reader << " could not read " << path << ":\n" << result.output;
    json_ = result.output;
    if (result.status != 0 || parser_.parse(json_).get(root_) != simdjson::SUCCESS) root_ = {};
  }
  simdjson::dom::element root() const { return root_; }
  bool ok() const { return root_.type() == simdjson::dom::element_type::OBJECT; }

 private:
  std::string json_;
  simdjson::dom::parser parser_;
  simdjson::dom::element root_;
};

inline std::string json_string(simdjson::dom::element object, std::string_view key) {
  std::string_view value;
  if (object[key].get(value) != simdjson::SUCCESS) return "<absent or not a string>";
  return std::string(value);
}

// The node and edge values of the sample document as a reader of a typed format must give them back.
// `integers` when the reader has an integer type (networkx does; igraph keeps every number a double).
inline void expect_sample_values(simdjson::dom::element nodes, simdjson::dom::element edges,
                                 const NetworkDocument& document, bool integers = true) {
  ASSERT_EQ(nodes.get_object().size(), document.nodes.size());
  for (const NetworkNode& node : document.nodes) {
    SCOPED_TRACE(node.id);
    simdjson::dom::element found;
    ASSERT_EQ(nodes[node.id].get(found), simdjson::SUCCESS);
    EXPECT_EQ(json_string(found, "label"), xml_readable(node.label));
    if (integers) {
      std::int64_t community = -1;
      EXPECT_EQ(found["community"].get(community), simdjson::SUCCESS) << "community should read back as an integer";
      EXPECT_EQ(community, std::get<std::int64_t>(node.values[0]));
    } else {
      double community = -1;
      EXPECT_EQ(found["community"].get(community), simdjson::SUCCESS) << "community should read back as a number";
      EXPECT_EQ(community, static_cast<double>(std::get<std::int64_t>(node.values[0])));
    }
    double pagerank = -1;
    if (std::holds_alternative<double>(node.values[1])) {
      EXPECT_EQ(found["pagerank"].get(pagerank), simdjson::SUCCESS) << "pagerank should read back as a number";
      EXPECT_EQ(pagerank, std::get<double>(node.values[1]));
      EXPECT_EQ(json_string(found, "first_share"), format_iso8601_time(std::get<NetworkTime>(node.values[2]).ms));
    } else {
      EXPECT_NE(found["pagerank"].error(), simdjson::SUCCESS);
    }
    EXPECT_EQ(json_string(found, "bio"), xml_readable(std::get<std::string>(node.values[3])));
  }
  std::size_t matched = 0;
  for (simdjson::dom::element edge : edges.get_array()) {
    std::string_view source = edge.at(0).get_string().value();
    std::string_view target = edge.at(1).get_string().value();
    simdjson::dom::element data = edge.at(2);
    for (const NetworkEdge& expected : document.edges) {
      if (document.nodes[expected.source].id != source || document.nodes[expected.target].id != target) continue;
      SCOPED_TRACE(std::string(source) + " -> " + std::string(target));
      ++matched;
      double weight = -1;
      EXPECT_EQ(data["weight"].get(weight), simdjson::SUCCESS);
      EXPECT_EQ(weight, expected.weight);
      EXPECT_EQ(json_string(data, "type"), expected.type);
      // An empty GraphML <data> reads back as no value in networkx: only non-empty texts are compared.
      auto url = network_value_text(expected.values[0]);
      if (url && !url->empty()) EXPECT_EQ(json_string(data, "url"), *url);
    }
  }
  EXPECT_EQ(matched, document.edges.size());
}

}  // namespace leaktrace::testing
