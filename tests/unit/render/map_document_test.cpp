#include "render/map_document.h"

#include <gtest/gtest.h>

namespace leaktrace {
namespace {

TEST(MapDocument, EdgeTypesHaveTheFieldsNames) {
  EXPECT_EQ(map_edge_type_name(MapEdgeType::repost), "repost");
  EXPECT_EQ(map_edge_type_name(MapEdgeType::quote), "quote");
  EXPECT_EQ(map_edge_type_name(MapEdgeType::reply), "reply");
  EXPECT_EQ(map_edge_type_name(MapEdgeType::mention), "mention");
  EXPECT_EQ(map_edge_type_name(MapEdgeType::citation), "citation");
}

}  // namespace
}  // namespace leaktrace
