#include "graph/pheme_cascade_reader.h"

#include <filesystem>

#include <gtest/gtest.h>

#include "graph/cascade_dataset.h"
#include "graph/imported_network.h"
#include "unit/test_files.h"

namespace leaktrace {
namespace {

std::string tweet(std::string_view id, std::string_view user, std::string_view created_at) {
  return "{\"id_str\":\"" + std::string(id) + "\",\"created_at\":\"" + std::string(created_at) +
         "\",\"user\":{\"id_str\":\"" + std::string(user) + "\",\"screen_name\":\"x\"}}";
}

//   10 (source, user 1)
//   ├── 11 (user 2) ── 13 (lost: no file)
//   └── 12 (user 3)
//   14 (top level: its parent was not collected) -> under 10
void write_thread(const testing::TempDir& dir) {
  std::filesystem::create_directories(dir.file("event/10/source-tweet"));
  std::filesystem::create_directories(dir.file("event/10/replies"));
  dir.write("event/10/structure.json", R"({"10": {"11": {"13": []}, "12": []}, "14": []})");
  dir.write("event/10/source-tweet/10.json", tweet("10", "1", "Tue Mar 24 10:51:58 +0000 2015"));
  dir.write("event/10/replies/11.json", tweet("11", "2", "Tue Mar 24 10:52:58 +0000 2015"));
  dir.write("event/10/replies/12.json", tweet("12", "3", "Tue Mar 24 11:51:58 +0000 2015"));
  dir.write("event/10/replies/14.json", tweet("14", "2", "Tue Mar 24 12:51:58 +0000 2015"));
  dir.write("labels.json", R"({"10": "false"})");
}

TEST(PhemeCascadeReader, ReadsTheReplyTreeWithAuthorsAndTimes) {
  testing::TempDir dir;
  write_thread(dir);
  CascadeForest forest = read_pheme_cascades(dir.file(""), dir.file("labels.json"));
  EXPECT_TRUE(forest.rejections.empty());
  ASSERT_EQ(forest.trees.size(), 1u);
  const CascadeTree& tree = forest.trees[0];
  EXPECT_EQ(tree.id, "10");
  EXPECT_EQ(tree.label, "false");
  EXPECT_FALSE(tree.relative_times);
  EXPECT_NO_THROW(tree.check());
  ASSERT_EQ(tree.nodes.size(), 5u);
  // Breadth-first: 10; 14 (detached, under the root), 11, 12; 13.
  EXPECT_EQ(tree.nodes[0].post, "10");
  EXPECT_EQ(tree.nodes[0].user, "1");
  EXPECT_EQ(tree.nodes[0].time, 1427194318000);  // date -u -d '2015-03-24 10:51:58' +%s
  EXPECT_EQ(tree.nodes[1].post, "14");
  EXPECT_EQ(tree.nodes[1].parent, 0u);
  EXPECT_EQ(tree.nodes[2].post, "11");
  EXPECT_EQ(tree.nodes[3].post, "12");
  EXPECT_EQ(tree.nodes[4].post, "13");
  EXPECT_EQ(tree.nodes[4].parent, 2u);
  EXPECT_EQ(tree.nodes[4].user, "");
  EXPECT_EQ(tree.nodes[4].time, unknown_time);
  ASSERT_EQ(forest.notes.size(), 2u);
  EXPECT_EQ(detect_cascade_dataset(dir.file("")), CascadeDataset::pheme);
}

TEST(PhemeCascadeReader, BadStructuresAreRejectedNotFatal) {
  testing::TempDir dir;
  write_thread(dir);
  std::filesystem::create_directories(dir.file("event/20"));
  dir.write("event/20/structure.json", "{\"20\": ");
  CascadeForest forest = read_pheme_cascades(dir.file(""));
  EXPECT_EQ(forest.trees.size(), 1u);
  ASSERT_EQ(forest.rejections.size(), 1u);
  EXPECT_NE(forest.rejections[0].file.find("event/20/structure.json"), std::string::npos);
  testing::TempDir empty;
  EXPECT_THROW(read_pheme_cascades(empty.file("")), NetworkReadError);
  EXPECT_EQ(detect_cascade_dataset(empty.file("")), std::nullopt);
}

}  // namespace
}  // namespace leaktrace
