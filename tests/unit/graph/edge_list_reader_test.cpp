#include "graph/edge_list_reader.h"

#include <gtest/gtest.h>

#include "unit/graph/imported_network_util.h"

namespace leaktrace {
namespace {

using testing::find_edge;
using testing::node_index;

TEST(EdgeListReader, ReadsWhitespaceSeparatedWithComments) {
  // The shape of karate_networkx.tsv: a comment header, tab-separated u v weight.
  ImportedNetwork network = read_edge_list("# karate\n# u\tv\tweight\n0\t1\t4\n0\t2\t5\n1\t2\t6\n", "k.tsv");
  EXPECT_TRUE(network.rejections.empty());
  EXPECT_TRUE(network.directed);
  ASSERT_EQ(network.graph.node_count(), 3u);
  EXPECT_EQ(network.graph.node(0).key, "0");
  EXPECT_EQ(network.graph.node(0).label, "0");
  ASSERT_EQ(network.graph.edges().size(), 3u);
  EXPECT_FLOAT_EQ(find_edge(network.graph, "1", "2")->weight, 6);
  EXPECT_EQ(find_edge(network.graph, "1", "2")->type, InteractionType::repost);
}

TEST(EdgeListReader, HeaderNamesColumnsInAnyOrder) {
  ImportedNetwork network = read_edge_list(
      "time,Target,source,kind,note\n"
      "2017-05-05T20:49:00Z,@b,@a,quote,x\n"
      "1494017341,@c,@a,,y\n"
      "1494017342,@c,@b,friend,z\n",
      "e.csv");
  EXPECT_TRUE(network.rejections.empty());
  auto ab = find_edge(network.graph, "@a", "@b");
  ASSERT_TRUE(ab);
  EXPECT_EQ(ab->type, InteractionType::quote);
  EXPECT_EQ(ab->first, 1494017340000);
  EXPECT_EQ(ab->last, 1494017340000);
  EXPECT_FLOAT_EQ(ab->weight, 1);
  EXPECT_EQ(find_edge(network.graph, "@a", "@c")->first, 1494017341000);
  EXPECT_EQ(find_edge(network.graph, "@b", "@c")->type, InteractionType::repost);
  ASSERT_EQ(network.notes.size(), 2u);
  EXPECT_NE(network.notes[0].find("note"), std::string::npos);
  EXPECT_NE(network.notes[1].find("'friend' ×1"), std::string::npos);
}

TEST(EdgeListReader, HeaderlessColumnsArePositionalAndQuotesWork) {
  ImportedNetwork network = read_edge_list("\"a, the first\",b,2.5,1494017340,mention\nb,\"a, the first\"\n", "e.csv");
  EXPECT_TRUE(network.rejections.empty());
  auto edge = find_edge(network.graph, "a, the first", "b");
  ASSERT_TRUE(edge);
  EXPECT_FLOAT_EQ(edge->weight, 2.5);
  EXPECT_EQ(edge->type, InteractionType::mention);
  EXPECT_EQ(edge->first, 1494017340000);
  EXPECT_EQ(find_edge(network.graph, "b", "a, the first")->first, unknown_time);
}

TEST(EdgeListReader, BadLinesAreRejectedWithTheirNumberAndSkipped) {
  ImportedNetwork network = read_edge_list(
      "a b 1\n"
      "c\n"
      "a c -2\n"
      "a d heavy\n"
      "a e 1 tomorrow\n"
      "a a 3\n"
      "a b 2\n"
      "x y 1\n",
      "bad.txt");
  ASSERT_EQ(network.rejections.size(), 4u);
  EXPECT_EQ(network.rejections[0].file, "bad.txt");
  EXPECT_EQ(network.rejections[0].line, 2u);
  EXPECT_EQ(network.rejections[1].line, 3u);
  EXPECT_EQ(network.rejections[2].line, 4u);
  EXPECT_EQ(network.rejections[2].reason, "weight 'heavy' is not a number >= 0");
  EXPECT_EQ(network.rejections[3].line, 5u);
  EXPECT_EQ(node_index(network.graph, "c"), no_index);
  EXPECT_EQ(network.edges_read, 4u);
  EXPECT_EQ(network.graph.edges().size(), 2u);  // a->b merged (weight 3), self-loop a->a dropped
  EXPECT_FLOAT_EQ(find_edge(network.graph, "a", "b")->weight, 3);
  ASSERT_EQ(network.notes.size(), 2u);
  EXPECT_EQ(network.notes[0], "1 self-loops dropped");
}

TEST(EdgeListReader, NothingReadableIsFatalAndSaysWhy) {
  try {
    read_edge_list("# only comments\nlonely\n", "empty.csv");
    FAIL() << "expected NetworkReadError";
  } catch (const NetworkReadError& error) {
    EXPECT_NE(std::string(error.what()).find("empty.csv: no node could be read"), std::string::npos);
    EXPECT_NE(std::string(error.what()).find("line 2: edge without a source and a target"), std::string::npos);
  }
}

}  // namespace
}  // namespace leaktrace
