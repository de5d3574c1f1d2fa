#include "analysis/post_link.h"

#include <gtest/gtest.h>

#include "unit/analysis/analysis_test_data.h"

namespace leaktrace {
namespace {

TEST(PostLink, EachPlatformsAddress) {
  testing::SmallDataset data;
  auto alice = data.account("alice");
  auto anon = data.account("thread:pol/9", Platform::fourchan);
  auto paster = data.account("paste:K", Platform::pastebin);
  auto tweet = data.post("860", alice, 0);
  auto op = data.post("pol/9", anon, 1, PostKind::original, "", Platform::fourchan);
  auto reply = data.post("pol/10", anon, 2, PostKind::reply, "pol/9", Platform::fourchan);
  auto deeper = data.post("pol/11", anon, 3, PostKind::reply, "pol/10", Platform::fourchan);
  auto no_board = data.post("12", anon, 4, PostKind::original, "", Platform::fourchan);
  auto paste = data.post("K", paster, 5, PostKind::original, "", Platform::pastebin);
  data.builder().add_file({.id = 3, .path = "/data/tweets.jsonl.zst"});
  Dataset d = data.finish();
  EXPECT_EQ(post_url(d, tweet), "https://twitter.com/alice/status/860");
  EXPECT_EQ(post_url(d, op), "https://boards.4chan.org/pol/thread/9");
  EXPECT_EQ(post_url(d, reply), "https://boards.4chan.org/pol/thread/9#p10");
  EXPECT_EQ(post_url(d, deeper), "https://boards.4chan.org/pol/thread/9#p11");
  EXPECT_EQ(post_url(d, no_board), "");
  EXPECT_EQ(post_url(d, paste), "https://pastebin.com/K");
  EXPECT_EQ(thread_opening_post(d, deeper), op);
}

}  // namespace
}  // namespace leaktrace
