#include "cli/progress_bar.h"

#include <cstdio>
#include <string>

#include <gtest/gtest.h>

namespace leaktrace {
namespace {

std::string drawn(std::FILE* file) {
  std::fflush(file);
  std::rewind(file);
  std::string text;
  char buffer[512];
  while (std::size_t n = std::fread(buffer, 1, sizeof buffer, file)) text.append(buffer, n);
  return text;
}

TEST(ProgressBar, ShowsBytesRateAndEta) {
  std::FILE* file = std::tmpfile();
  {
    ProgressBar bar(true, file);
    bar.update("tweets.jsonl", 512 * 1024 * 1024, 1024 * 1024 * 1024, 1000000, 10.0);
  }
  std::string text = drawn(file);
  EXPECT_NE(text.find("tweets.jsonl"), std::string::npos);
  EXPECT_NE(text.find(" 50%"), std::string::npos) << text;
  EXPECT_NE(text.find("512.0 MiB / 1.0 GiB"), std::string::npos) << text;
  EXPECT_NE(text.find("100,000 posts/s"), std::string::npos) << text;
  EXPECT_NE(text.find("ETA 10s"), std::string::npos) << text;
  EXPECT_EQ(text.substr(text.size() - 5), "\r\x1b[2K") << "the line is cleared at the end";
  std::fclose(file);
}

TEST(ProgressBar, UnknownSizeShowsCountsOnly) {
  std::FILE* file = std::tmpfile();
  std::string text;
  {
    ProgressBar bar(true, file);
    bar.update("-", 2048, 0, 40, 2.0);
    text = drawn(file);
  }
  EXPECT_NE(text.find("2.0 KiB  40 posts  20 posts/s"), std::string::npos) << text;
  std::fclose(file);
}

TEST(ProgressBar, DisabledDrawsNothing) {
  std::FILE* file = std::tmpfile();
  {
    ProgressBar bar(false, file);
    bar.update("x", 1, 2, 3, 1.0);
  }
  EXPECT_EQ(drawn(file), "");
  std::fclose(file);
}

TEST(HumanCount, GroupsThousands) {
  EXPECT_EQ(human_count(0), "0");
  EXPECT_EQ(human_count(999), "999");
  EXPECT_EQ(human_count(1000), "1,000");
  EXPECT_EQ(human_count(17000000), "17,000,000");
  EXPECT_EQ(human_bytes(1536), "1.5 KiB");
}

}  // namespace
}  // namespace leaktrace
