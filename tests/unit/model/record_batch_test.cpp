#include "model/record_batch.h"

#include <gtest/gtest.h>

namespace leaktrace {
namespace {

TEST(RecordBatch, PostsAndAccountsOfAClearedBatchComeBackEmpty) {
  RecordBatch batch;
  Post post = batch.fresh_post();
  post.platform = Platform::fourchan;
  post.id = "pol/124205675 with a long id";
  post.text = std::string(300, 'x');
  post.kind = PostKind::reply;
  post.parent_id = "pol/1";
  post.hashtags = {"a"};
  post.urls.push_back({"https://example.org/", "", std::nullopt});
  post.mentions.push_back({"7", "bob"});
  post.provenance = {3, 9};
  post.embedded = true;
  post.created_at = 5;
  batch.posts.push_back(std::move(post));
  Account account = batch.fresh_account();
  account.id = "7";
  account.description = std::string(200, 'd');
  account.followers = 3;
  account.verified = true;
  account.observed_at = 5;
  batch.accounts.push_back(std::move(account));
  batch.clear();
  EXPECT_TRUE(batch.empty());

  Post again = batch.fresh_post();
  EXPECT_GE(again.text.capacity(), 300u) << "the buffer is kept";
  again.text.shrink_to_fit();
  Post blank;
  EXPECT_EQ(again.platform, blank.platform);
  EXPECT_TRUE(again.id.empty() && again.text.empty() && again.parent_id.empty());
  EXPECT_EQ(again.kind, PostKind::original);
  EXPECT_TRUE(again.hashtags.empty() && again.urls.empty() && again.mentions.empty());
  EXPECT_EQ(again.provenance.line, 0u);
  EXPECT_EQ(again.provenance.file_id, 0);
  EXPECT_FALSE(again.embedded);
  EXPECT_EQ(again.created_at, unknown_time);

  Account account_again = batch.fresh_account();
  EXPECT_TRUE(account_again.id.empty() && account_again.description.empty());
  EXPECT_FALSE(account_again.followers || account_again.verified);
  EXPECT_EQ(account_again.observed_at, unknown_time);
  EXPECT_EQ(batch.fresh_post().id, "") << "no spare left: a new post";
}

}  // namespace
}  // namespace leaktrace
