#include "graph/cascade_tree.h"

#include <gtest/gtest.h>

namespace leaktrace {
namespace {

TEST(CascadeTree, CheckRefusesTreesNotInRootFirstOrder) {
  CascadeTree tree;
  tree.id = "t";
  EXPECT_THROW(tree.check(), std::invalid_argument);
  tree.nodes = {{"u0", "p", 0, no_index}, {"u1", "p", 1, 0}, {"u2", "p", 2, 1}};
  EXPECT_NO_THROW(tree.check());
  tree.nodes[1].parent = 2;  // a child before its parent
  EXPECT_THROW(tree.check(), std::invalid_argument);
  tree.nodes[1].parent = no_index;  // a second root
  EXPECT_THROW(tree.check(), std::invalid_argument);
}

}  // namespace
}  // namespace leaktrace
