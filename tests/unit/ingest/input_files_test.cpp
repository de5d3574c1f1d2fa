#include "ingest/input_files.h"

#include <filesystem>

#include <gtest/gtest.h>

#include "unit/test_files.h"

namespace leaktrace {
namespace {

TEST(InputFiles, DirectoriesBecomeTheirFilesInPathOrder) {
  testing::TempDir dir;
  std::filesystem::create_directories(dir.file("case/b/replies"));
  std::filesystem::create_directories(dir.file("case/.git"));
  dir.write("case/b/replies/2.json", "{}");
  dir.write("case/b/source.json", "{}");
  dir.write("case/a.jsonl", "{}");
  dir.write("case/.hidden.json", "{}");
  dir.write("case/.git/config", "x");
  auto files = expand_input_paths({dir.file("case"), "-", dir.file("missing.jsonl")});
  ASSERT_EQ(files.size(), 5u);
  EXPECT_EQ(files[0].path, dir.file("case/a.jsonl"));
  EXPECT_EQ(files[1].path, dir.file("case/b/replies/2.json"));
  EXPECT_EQ(files[2].path, dir.file("case/b/source.json"));
  EXPECT_TRUE(files[0].found_in_directory);
  EXPECT_EQ(files[3].path, "-");
  EXPECT_FALSE(files[3].found_in_directory);
  EXPECT_EQ(files[4].path, dir.file("missing.jsonl")) << "left for the opening to report";
}

}  // namespace
}  // namespace leaktrace
