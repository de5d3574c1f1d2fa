#include "graph/network_format.h"

#include <gtest/gtest.h>

namespace leaktrace {
namespace {

TEST(NetworkFormat, DetectsFromContentNotName) {
  EXPECT_EQ(detect_network_format("<?xml version=\"1.0\"?>\n<!-- made by Gephi -->\n<gexf xmlns=\"http://gexf.net/1.3\">"),
            NetworkFormat::gexf);
  EXPECT_EQ(detect_network_format("\xEF\xBB\xBF<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">"),
            NetworkFormat::graphml);
  EXPECT_EQ(detect_network_format("<ns:graphml xmlns:ns=\"x\">"), NetworkFormat::graphml);
  EXPECT_EQ(detect_network_format("<svg></svg>"), std::nullopt);
  EXPECT_EQ(detect_network_format("graph\n[\n  directed 0\n"), NetworkFormat::gml);
  EXPECT_EQ(detect_network_format("# written by hand\nCreator \"igraph version 0.10\"\nVersion 1\ngraph [\n"),
            NetworkFormat::gml);
  EXPECT_EQ(detect_network_format("# u\tv\tweight\n0\t1\t4\n"), NetworkFormat::edge_list);
  EXPECT_EQ(detect_network_format("source,target\ngraph,node\n"), NetworkFormat::edge_list);
  EXPECT_EQ(detect_network_format("graph 1\nnode 2\n"), NetworkFormat::edge_list);
  EXPECT_EQ(detect_network_format(""), NetworkFormat::edge_list);
}

TEST(NetworkFormat, NamesRoundTrip) {
  for (auto format : {NetworkFormat::edge_list, NetworkFormat::gml, NetworkFormat::graphml, NetworkFormat::gexf}) {
    EXPECT_EQ(network_format_from_name(network_format_name(format)), format);
  }
  EXPECT_EQ(network_format_from_name("csv"), NetworkFormat::edge_list);
  EXPECT_EQ(network_format_from_name("pajek"), std::nullopt);
}

}  // namespace
}  // namespace leaktrace
