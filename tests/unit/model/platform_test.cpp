#include "model/platform.h"

#include <gtest/gtest.h>

#include "model/record_batch.h"

namespace leaktrace {
namespace {

TEST(Platform, NamesRoundTrip) {
  for (Platform p : {Platform::twitter, Platform::fourchan, Platform::pastebin}) {
    EXPECT_EQ(platform_from_name(platform_name(p)), p);
  }
  EXPECT_EQ(platform_name(Platform::fourchan), "4chan");
  EXPECT_FALSE(platform_from_name("myspace"));
}

TEST(PostKind, NamesAreTheFieldsWords) {
  EXPECT_EQ(post_kind_name(PostKind::original), "original");
  EXPECT_EQ(post_kind_name(PostKind::repost), "repost");
  EXPECT_EQ(post_kind_name(PostKind::quote), "quote");
  EXPECT_EQ(post_kind_name(PostKind::reply), "reply");
  EXPECT_EQ(post_kind_from_name("reply"), PostKind::reply);
  EXPECT_FALSE(post_kind_from_name("retweet"));
}

TEST(RecordBatch, ClearEmptiesEverything) {
  RecordBatch batch;
  batch.posts.emplace_back();
  batch.notices.push_back({NoticeKind::limit, 3, 0, 5, ""});
  EXPECT_FALSE(batch.empty());
  batch.clear();
  EXPECT_TRUE(batch.empty());
  EXPECT_EQ(notice_kind_name(NoticeKind::limit), "limit");
}

}  // namespace
}  // namespace leaktrace
