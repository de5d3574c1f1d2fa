#include "render/network_document.h"

#include <cmath>

#include <gtest/gtest.h>

#include "unit/render/network_samples.h"

namespace leaktrace {
namespace {

using testing::sample_network;

TEST(NetworkDocument, TheSampleIsValidAndDynamic) {
  NetworkDocument document = sample_network();
  EXPECT_NO_THROW(document.check());
  EXPECT_TRUE(document.dynamic());
  for (NetworkNode& node : document.nodes) node.start = unknown_time;
  for (NetworkEdge& edge : document.edges) edge.time = unknown_time;
  EXPECT_FALSE(document.dynamic());
}

TEST(NetworkDocument, CheckSaysWhatToFix) {
  auto expect_refused = [](NetworkDocument document, std::string_view words) {
    try {
      document.check();
      ADD_FAILURE() << "accepted; expected: " << words;
    } catch (const std::invalid_argument& error) {
      EXPECT_NE(std::string(error.what()).find(words), std::string::npos) << error.what();
    }
  };
  NetworkDocument document = sample_network();
  document.nodes[1].id = document.nodes[0].id;
  expect_refused(document, "appears twice");
  document = sample_network();
  document.edges[0].target = 9;
  expect_refused(document, "names node");
  document = sample_network();
  document.edges[0].weight = NAN;
  expect_refused(document, "finite");
  document = sample_network();
  document.nodes[0].values.pop_back();
  expect_refused(document, "one value per column");
  document = sample_network();
  document.nodes[0].values[0] = 0.5;
  expect_refused(document, "'community' is not of its type integer");
  document = sample_network();
  document.node_columns.push_back({"label", ColumnType::string});
  for (NetworkNode& node : document.nodes) node.values.emplace_back();
  expect_refused(document, "built-in field");
  document = sample_network();
  document.nodes[0].y.reset();
  expect_refused(document, "only one of x and y");
}

TEST(NetworkDocument, ValuesAsText) {
  EXPECT_EQ(network_value_text(std::int64_t{-42}), "-42");
  EXPECT_EQ(network_value_text(0.1), "0.1");
  EXPECT_EQ(network_value_text(1e-300), "1e-300");
  EXPECT_EQ(network_value_text(INFINITY), std::nullopt);
  EXPECT_EQ(network_value_text(NetworkTime{testing::sample_start}), "2017-05-05T20:49:00.000Z");
  EXPECT_EQ(network_value_text(NetworkTime{}), std::nullopt);
  EXPECT_EQ(network_value_text(std::monostate{}), std::nullopt);
  EXPECT_EQ(network_value_text(std::string("x")), "x");
}

}  // namespace
}  // namespace leaktrace
