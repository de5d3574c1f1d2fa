#include "workspace/dataset.h"

#include <gtest/gtest.h>

namespace leaktrace {
namespace {

TEST(DatasetBuilder, DeduplicatesAccountsAndPostsByPlatformAndNativeId) {
  DatasetBuilder builder;
  std::uint32_t a = builder.add_account({.platform = Platform::twitter, .native_id = "1", .handle = "a"});
  std::uint32_t again = builder.add_account({.platform = Platform::twitter, .native_id = "1", .handle = "renamed"});
  std::uint32_t other_platform = builder.add_account({.platform = Platform::fourchan, .native_id = "1"});
  EXPECT_EQ(a, again);
  EXPECT_NE(a, other_platform);
  std::uint32_t p = builder.add_post({.native_id = "10", .author = a, .time = 5});
  EXPECT_EQ(builder.add_post({.native_id = "10", .author = a, .time = 6}), p);
  Dataset dataset = builder.finish();
  EXPECT_EQ(dataset.account_count(), 2u);
  EXPECT_EQ(dataset.post_count(), 1u);
  EXPECT_EQ(dataset.account_handle(a), "a");
  EXPECT_EQ(dataset.post_time(p), 5);
  EXPECT_EQ(dataset.account_key(a), "twitter:1");
}

TEST(DatasetBuilder, ResolvesParentsAndCitationsAddedInAnyOrder) {
  DatasetBuilder builder;
  std::uint32_t a = builder.add_account({.native_id = "1"});
  std::uint32_t retweet = builder.add_post({.native_id = "11", .author = a, .time = 20, .kind = PostKind::repost,
                                            .parent_native_id = "10"});
  std::uint32_t orphan = builder.add_post({.native_id = "12", .author = a, .time = 30, .kind = PostKind::repost,
                                           .parent_native_id = "999"});
  builder.add_citation(retweet, Platform::pastebin, "Key");
  builder.add_citation(retweet, Platform::pastebin, "Key");  // the same URL twice
  std::uint32_t original = builder.add_post({.native_id = "10", .author = a, .time = 10});
  std::uint32_t paste = builder.add_post({.platform = Platform::pastebin, .native_id = "Key", .author = a, .time = 1});
  Dataset dataset = builder.finish();
  EXPECT_EQ(dataset.post_parent(retweet), original);
  EXPECT_EQ(dataset.post_parent(orphan), no_index);
  ASSERT_EQ(dataset.post_citations(retweet).size(), 1u);
  EXPECT_EQ(dataset.post_citations(retweet)[0], paste);
  EXPECT_EQ(dataset.posts_by_time(), (std::vector<std::uint32_t>{paste, original, retweet, orphan}));
}

TEST(DatasetBuilder, InternsHashtagsUrlsHostsAndLanguages) {
  DatasetBuilder builder;
  std::uint32_t a = builder.add_account({.native_id = "1"});
  std::uint32_t p = builder.add_post({.native_id = "1", .author = a, .language = "fr"});
  std::uint32_t q = builder.add_post({.native_id = "2", .author = a, .language = "fr"});
  builder.add_hashtag(p, "macronleaks");
  builder.add_hashtag(q, "macronleaks");
  builder.add_hashtag(q, "wikileaks");
  builder.add_url(p, "https://example.org/a", "http://example.org/a?utm_source=x", "example.org");
  builder.add_url(q, "https://example.org/a", "https://example.org/a", "example.org");
  builder.add_mention(q, a);
  Dataset dataset = builder.finish();
  EXPECT_EQ(dataset.hashtag_count(), 2u);
  EXPECT_EQ(dataset.post_hashtags(p)[0], dataset.post_hashtags(q)[0]);
  EXPECT_EQ(dataset.find_hashtag("wikileaks"), dataset.post_hashtags(q)[1]);
  EXPECT_EQ(dataset.url_count(), 1u);
  EXPECT_EQ(dataset.url_expanded(0), "http://example.org/a?utm_source=x");
  EXPECT_EQ(dataset.url_host(dataset.post_urls(q)[0]), "example.org");
  EXPECT_EQ(dataset.post_language_id(p), dataset.post_language_id(q));
  EXPECT_EQ(dataset.post_language(p), "fr");
  EXPECT_EQ(dataset.post_mentions(q).size(), 1u);
  EXPECT_GT(dataset.memory_bytes(), 0u);
}

TEST(DatasetBuilder, RefusesAPostWhoseAuthorWasNotAdded) {
  DatasetBuilder builder;
  EXPECT_THROW(builder.add_post({.native_id = "1", .author = 0}), std::logic_error);
}

}  // namespace
}  // namespace leaktrace
