#include "graph/ma_cascade_reader.h"

#include <gtest/gtest.h>

#include "graph/imported_network.h"
#include "unit/test_files.h"

namespace leaktrace {
namespace {

//   ROOT -> a0 (source, delay 0)
//           a0 -> b (0.3 min) -> c (1.0)
//           a0 -> d (2.5)
// plus the quirks of the real files: a repeated line, a self-loop, the source as a child, c listed
// under a second parent, and d a second time with another delay (a second retweet: another node).
constexpr std::string_view tree_text =
    "['ROOT', 'ROOT', '0.0']->['a', '100', '0.0']\n"     // 1
    "['a', '100', '0.0']->['b', '100', '0.3']\n"         // 2
    "['b', '100', '0.3']->['c', '101', '1.0']\n"         // 3
    "['a', '100', '0.0']->['b', '100', '0.3']\n"         // 4 repeated
    "['c', '101', '1.0']->['c', '101', '1.0']\n"         // 5 self-loop
    "['d', '100', '2.5']->['a', '100', '0.0']\n"         // 6 into the root
    "['a', '100', '0.0']->['c', '101', '1.0']\n"         // 7 a second parent of c
    "['a', '100', '0.0']->['d', '100', '2.5']\n"         // 8
    "['a', '100', '0.0']->['d', '100', '7.25']\n";       // 9 d again, later: a node of its own

TEST(MaCascadeReader, KeepsTheFirstListedParentAndCountsTheRest) {
  std::vector<InputRejection> rejections;
  MaTreeCounts counts;
  CascadeTree tree = read_ma_cascade_tree(tree_text, "tree/100.txt", "100", rejections, counts);
  EXPECT_TRUE(rejections.empty());
  EXPECT_TRUE(tree.relative_times);
  ASSERT_EQ(tree.nodes.size(), 5u);
  EXPECT_NO_THROW(tree.check());
  // Breadth-first: a; b, d(2.5), d(7.25) in the order their lines first list them; then c.
  EXPECT_EQ(tree.nodes[0].user, "a");
  EXPECT_EQ(tree.nodes[1].user, "b");
  EXPECT_EQ(tree.nodes[1].time, 18'000);
  EXPECT_EQ(tree.nodes[2].user, "d");
  EXPECT_EQ(tree.nodes[2].time, 150'000);
  EXPECT_EQ(tree.nodes[3].user, "d");
  EXPECT_EQ(tree.nodes[3].time, 435'000);
  EXPECT_EQ(tree.nodes[4].user, "c");
  EXPECT_EQ(tree.nodes[4].post, "101");
  EXPECT_EQ(tree.nodes[4].parent, 1u);  // b, its first-listed parent, not a
  EXPECT_EQ(counts.lines, 9u);
  EXPECT_EQ(counts.repeated_lines, 1u);
  EXPECT_EQ(counts.self_loops, 1u);
  EXPECT_EQ(counts.lines_into_root, 1u);
  EXPECT_EQ(counts.extra_parents, 1u);
  EXPECT_EQ(counts.loops_broken, 0u);
  EXPECT_EQ(counts.unattached, 0u);
}

TEST(MaCascadeReader, LoopsOfFirstParentsAreBrokenDeterministically) {
  // x's first parent is y and y's is x; x is also listed under the root's child r.
  std::vector<InputRejection> rejections;
  MaTreeCounts counts;
  CascadeTree tree = read_ma_cascade_tree(
      "['ROOT', 'ROOT', '0.0']->['r', '1', '0.0']\n"
      "['y', '1', '2.0']->['x', '1', '1.0']\n"
      "['x', '1', '1.0']->['y', '1', '2.0']\n"
      "['r', '1', '0.0']->['x', '1', '1.0']\n"
      "['q', '1', '9.0']->['z', '1', '3.0']\n",
      "t.txt", "1", rejections, counts);
  ASSERT_EQ(tree.nodes.size(), 5u);
  EXPECT_NO_THROW(tree.check());
  EXPECT_EQ(counts.loops_broken, 2u);  // x takes r, then y takes x
  EXPECT_EQ(counts.unattached, 2u);    // q has no parent, z hangs from q: both under the root
  auto find = [&](std::string_view user) {
    for (const CascadeNode& node : tree.nodes) {
      if (node.user == user) return &node;
    }
    return static_cast<const CascadeNode*>(nullptr);
  };
  EXPECT_EQ(tree.nodes[find("x")->parent].user, "r");
  EXPECT_EQ(tree.nodes[find("y")->parent].user, "x");
  EXPECT_EQ(tree.nodes[find("z")->parent].user, "r");
}

TEST(MaCascadeReader, MalformedLinesAreRejectedWithTheirNumber) {
  std::vector<InputRejection> rejections;
  MaTreeCounts counts;
  CascadeTree tree = read_ma_cascade_tree(
      "['ROOT', 'ROOT', '0.0']->['a', '1', '0.0']\n"
      "['a', '1', '0.0']->['b', '1']\n"
      "['a', '1', '0.0']->['b', '1', 'soon']\n"
      "garbage\n"
      "['a', '1', '0.0']->['c', '1', '-3.5']\n",
      "t.txt", "1", rejections, counts);
  ASSERT_EQ(rejections.size(), 3u);
  EXPECT_EQ(rejections[0].line, 2u);
  EXPECT_EQ(rejections[1].line, 3u);
  EXPECT_EQ(rejections[2].line, 4u);
  ASSERT_EQ(tree.nodes.size(), 2u);
  EXPECT_EQ(tree.nodes[1].time, -210'000);
}

TEST(MaCascadeReader, FolderWithLabels) {
  testing::TempDir dir;
  std::filesystem::create_directories(dir.file("tree"));
  dir.write("tree/100.txt", std::string(tree_text));
  dir.write("tree/200.txt", "['ROOT', 'ROOT', '0.0']->['z', '200', '0.0']\n");
  dir.write("label.txt", "false:100\nnon-rumor:200\nbroken\n");
  CascadeForest forest = read_ma_cascades(dir.file(""));
  ASSERT_EQ(forest.trees.size(), 2u);
  EXPECT_EQ(forest.trees[0].id, "100");
  EXPECT_EQ(forest.trees[0].label, "false");
  EXPECT_EQ(forest.trees[1].label, "non-rumor");
  EXPECT_EQ(forest.trees[1].nodes.size(), 1u);
  ASSERT_EQ(forest.rejections.size(), 1u);
  EXPECT_EQ(forest.rejections[0].line, 3u);
  EXPECT_FALSE(forest.notes.empty());
  EXPECT_THROW(read_ma_cascades(dir.file("tree")), NetworkReadError);
}

}  // namespace
}  // namespace leaktrace
