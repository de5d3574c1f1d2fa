#include "ingest/twitter_v2_reader.h"

#include <string>
#include <string_view>

#include <gtest/gtest.h>
#include <simdjson.h>

namespace leaktrace {
namespace {

RecordBatch read_v2(std::string_view json, std::uint64_t first_line = 1) {
  simdjson::padded_string padded(json);  // the reader needs SIMDJSON_PADDING bytes after the text
  TwitterV2Reader reader;
  RecordBatch out;
  reader.read(std::string_view(padded.data(), padded.size()), first_line, out);
  return out;
}

const Post* find_post(const RecordBatch& batch, std::string_view id) {
  for (const Post& post : batch.posts) {
    if (post.id == id) return &post;
  }
  return nullptr;
}

const Account* find_account(const RecordBatch& batch, std::string_view id) {
  for (const Account& account : batch.accounts) {
    if (account.id == id) return &account;
  }
  return nullptr;
}

// A search page: 3 (retweet of 1) and 4 (quote of 1 that also answers 2), with the referenced
// tweets and the users in `includes`, and one partial error.
constexpr std::string_view search_page =
    R"({"data":[)"
    R"({"id":"3","author_id":"30","created_at":"2021-04-08T15:07:30.000Z","conversation_id":"3","lang":"es","text":"RT @one: hola #Tag","referenced_tweets":[{"type":"retweeted","id":"1"}],)"
    R"("entities":{"hashtags":[{"start":14,"end":18,"tag":"Tag"}],"mentions":[{"start":3,"end":7,"username":"One","id":"10"}],"urls":[{"url":"https://t.co/a","expanded_url":"https://example.org/x"},{"url":"https://t.co/b"}]}},)"
    R"({"id":"4","author_id":"40","created_at":"2021-04-08T15:08:00.000Z","conversation_id":"2","text":"@two see","referenced_tweets":[{"type":"replied_to","id":"2"},{"type":"quoted","id":"1"}],"entities":{"mentions":[{"username":"GoneUser"}]}})"
    R"(],"includes":{"users":[{"id":"30","username":"thirty","name":"Thirty","created_at":"2014-08-09T05:17:14.000Z","public_metrics":{"followers_count":5,"following_count":6,"tweet_count":7,"listed_count":0},"verified":false,"description":"d30"},)"
    R"({"id":"10","username":"one","name":"One"}],)"
    R"("tweets":[{"id":"1","author_id":"10","created_at":"2021-04-08T12:00:00.000Z","text":"hola #Tag"}],"media":[{"media_key":"3_1","type":"photo"}]},)"
    R"("errors":[{"value":"gone","detail":"User has been suspended: [gone].","title":"Forbidden","resource_type":"user"}],)"
    R"("meta":{"newest_id":"4","result_count":2},"__twarc":{"url":"https://api.twitter.com/2/tweets/search/recent","version":"2.0.3","retrieved_at":"2021-04-08T19:34:32+00:00"}})";

TEST(TwitterV2Reader, SearchPageWithIncludesAndErrors) {
  RecordBatch batch = read_v2(search_page, 7);
  EXPECT_TRUE(batch.rejections.empty());
  ASSERT_EQ(batch.posts.size(), 3u);
  const Post* repost = find_post(batch, "3");
  const Post* quote = find_post(batch, "4");
  const Post* original = find_post(batch, "1");
  ASSERT_TRUE(repost && quote && original);

  EXPECT_EQ(repost->kind, PostKind::repost);
  EXPECT_EQ(repost->parent_id, "1");
  EXPECT_EQ(repost->author_id, "30");
  EXPECT_EQ(repost->created_at, 1617894450000);  // 2021-04-08T15:07:30Z
  EXPECT_EQ(repost->conversation_id, "3");
  EXPECT_EQ(repost->language, "es");
  EXPECT_EQ(repost->text, "RT @one: hola #Tag");
  EXPECT_EQ(repost->hashtags, (std::vector<std::string>{"Tag"}));
  ASSERT_EQ(repost->urls.size(), 2u);
  EXPECT_EQ(repost->urls[0].expanded, "https://example.org/x");
  EXPECT_EQ(repost->urls[1].expanded, "https://t.co/b");
  ASSERT_EQ(repost->mentions.size(), 1u);
  EXPECT_EQ(repost->mentions[0].account_id, "10");
  EXPECT_EQ(repost->mentions[0].handle, "One");
  EXPECT_FALSE(repost->embedded);
  EXPECT_EQ(repost->provenance.line, 7u);

  EXPECT_EQ(quote->kind, PostKind::quote);
  EXPECT_EQ(quote->parent_id, "1");
  EXPECT_EQ(quote->reply_to_id, "2");
  ASSERT_EQ(quote->mentions.size(), 1u);
  EXPECT_EQ(quote->mentions[0].account_id, "@goneuser");  // no id: "@" + lower-case handle
  EXPECT_EQ(quote->mentions[0].handle, "GoneUser");

  EXPECT_TRUE(original->embedded);
  EXPECT_EQ(original->kind, PostKind::original);
  EXPECT_EQ(original->author_id, "10");

  ASSERT_EQ(batch.accounts.size(), 2u);
  const Account* thirty = find_account(batch, "30");
  ASSERT_TRUE(thirty);
  EXPECT_EQ(thirty->handle, "thirty");
  EXPECT_EQ(thirty->display_name, "Thirty");
  EXPECT_EQ(thirty->created_at, 1407561434000);  // 2014-08-09T05:17:14Z
  EXPECT_EQ(thirty->followers, 5);
  EXPECT_EQ(thirty->following, 6);
  EXPECT_EQ(thirty->posts, 7);
  EXPECT_EQ(thirty->verified, false);
  EXPECT_EQ(thirty->description, "d30");
  EXPECT_EQ(thirty->observed_at, 1617910472000);  // __twarc.retrieved_at 2021-04-08T19:34:32Z

  ASSERT_EQ(batch.notices.size(), 1u);
  EXPECT_EQ(batch.notices[0].kind, NoticeKind::stream_error);
  EXPECT_EQ(batch.notices[0].detail, "User has been suspended: [gone].");
}

TEST(TwitterV2Reader, StreamLineWithOneDataObject) {
  RecordBatch batch = read_v2(
      R"({"data":{"id":"5","author_id":"50","created_at":"2021-04-01T15:52:31.000Z","text":"hi","referenced_tweets":[{"type":"replied_to","id":"4"}]},"includes":{"users":[{"id":"50","username":"fifty"}]},"matching_rules":[{"id":1,"tag":null}]})");
  EXPECT_TRUE(batch.rejections.empty());
  ASSERT_EQ(batch.posts.size(), 1u);
  EXPECT_EQ(batch.posts[0].kind, PostKind::reply);
  EXPECT_EQ(batch.posts[0].parent_id, "4");
  EXPECT_EQ(batch.posts[0].reply_to_id, "4");
  ASSERT_EQ(batch.accounts.size(), 1u);
  EXPECT_EQ(batch.accounts[0].observed_at, batch.posts[0].created_at);  // no retrieved_at: the tweet's time
}

TEST(TwitterV2Reader, FlattenedLineWithAuthorAndInlineReferencedTweet) {
  RecordBatch batch = read_v2(
      R"({"referenced_tweets":[{"type":"retweeted","id":"1","author_id":"10","created_at":"2021-04-08T12:00:00.000Z","text":"orig #a","entities":{"hashtags":[{"tag":"a"}]},"author":{"id":"10","username":"ten","name":"Ten"}}],)"
      R"("id":"2","author_id":"20","created_at":"2021-04-08T13:00:00.000Z","text":"RT @ten: orig #a","entities":{"mentions":[{"start":3,"end":7,"username":"ten","id":"10","name":"Ten","public_metrics":{"followers_count":1}}]},)"
      R"("author":{"id":"20","username":"twenty","name":"Twenty","public_metrics":{"followers_count":3,"following_count":4,"tweet_count":5}},"__twarc":{"retrieved_at":"2021-04-08T19:34:32+00:00"}})",
      42);
  EXPECT_TRUE(batch.rejections.empty());
  ASSERT_EQ(batch.posts.size(), 2u);
  const Post* repost = find_post(batch, "2");
  const Post* original = find_post(batch, "1");
  ASSERT_TRUE(repost && original);
  EXPECT_EQ(repost->kind, PostKind::repost);
  EXPECT_EQ(repost->parent_id, "1");
  EXPECT_FALSE(repost->embedded);
  EXPECT_EQ(repost->provenance.line, 42u);
  ASSERT_EQ(repost->mentions.size(), 1u);
  EXPECT_EQ(repost->mentions[0].account_id, "10");
  EXPECT_TRUE(original->embedded);
  EXPECT_EQ(original->author_id, "10");
  EXPECT_EQ(original->hashtags, (std::vector<std::string>{"a"}));
  EXPECT_EQ(original->provenance.line, 42u);
  ASSERT_EQ(batch.accounts.size(), 2u);
  const Account* twenty = find_account(batch, "20");
  ASSERT_TRUE(twenty);
  EXPECT_EQ(twenty->handle, "twenty");
  EXPECT_EQ(twenty->followers, 3);
  EXPECT_EQ(twenty->following, 4);
  EXPECT_EQ(twenty->posts, 5);
  EXPECT_EQ(twenty->observed_at, 1617910472000);
}

TEST(TwitterV2Reader, ReferencedTweetExpandedUnderATweetKey) {
  RecordBatch batch = read_v2(
      R"({"id":"2","author_id":"20","text":"q","referenced_tweets":[{"type":"quoted","id":"1","tweet":{"id":"1","author_id":"10","text":"o"}}]})");
  ASSERT_EQ(batch.posts.size(), 2u);
  EXPECT_EQ(find_post(batch, "2")->kind, PostKind::quote);
  EXPECT_EQ(find_post(batch, "2")->parent_id, "1");
  EXPECT_TRUE(find_post(batch, "1")->embedded);
}

TEST(TwitterV2Reader, NoteTweetGivesTheWholeText) {
  RecordBatch batch = read_v2(
      R"({"data":[{"note_tweet":{"text":"the whole long text #more","entities":{"hashtags":[{"tag":"more"}]}},"id":"1","author_id":"2","text":"the whole…","entities":{"hashtags":[]}}]})");
  ASSERT_EQ(batch.posts.size(), 1u);
  EXPECT_EQ(batch.posts[0].text, "the whole long text #more");
  EXPECT_EQ(batch.posts[0].hashtags, (std::vector<std::string>{"more"}));
}

TEST(TwitterV2Reader, PrettyPageRecordsKeepTheLineTheyStartOn) {
  RecordBatch batch = read_v2("{\n  \"data\": [\n    {\"id\": \"1\", \"author_id\": \"2\", \"text\": \"a\"},\n\n    {\n      \"id\": \"3\",\n      \"author_id\": \"2\", \"text\": \"b\"\n    }\n  ]\n}\n", 100);
  EXPECT_TRUE(batch.rejections.empty());
  ASSERT_EQ(batch.posts.size(), 2u);
  EXPECT_EQ(batch.posts[0].provenance.line, 102u);
  EXPECT_EQ(batch.posts[1].provenance.line, 104u);
}

TEST(TwitterV2Reader, UsersLookupPageGivesAccounts) {
  RecordBatch batch = read_v2(R"({"data":[{"id":"7","username":"seven","name":"Seven","created_at":"2020-01-01T00:00:00.000Z"}],"__twarc":{"retrieved_at":"2021-01-01T00:00:00+00:00"}})");
  EXPECT_TRUE(batch.posts.empty());
  EXPECT_TRUE(batch.rejections.empty());
  ASSERT_EQ(batch.accounts.size(), 1u);
  EXPECT_EQ(batch.accounts[0].id, "7");
  EXPECT_EQ(batch.accounts[0].handle, "seven");
  EXPECT_EQ(batch.accounts[0].created_at, 1577836800000);
  EXPECT_EQ(batch.accounts[0].observed_at, 1609459200000);
}

TEST(TwitterV2Reader, CountsPageIsSkippedWithOneWarning) {
  RecordBatch batch = read_v2(R"({"data":[{"end":"2021-10-16T19:00:00.000Z","start":"2021-10-16T18:21:34.000Z","tweet_count":3961},{"end":"x","start":"y","tweet_count":1}],"meta":{"total_tweet_count":3962}})", 3);
  EXPECT_TRUE(batch.posts.empty());
  EXPECT_TRUE(batch.rejections.empty());
  ASSERT_EQ(batch.notices.size(), 1u);
  EXPECT_EQ(batch.notices[0].kind, NoticeKind::warning);
  EXPECT_EQ(batch.notices[0].count, 2);
  EXPECT_EQ(batch.notices[0].line, 3u);
}

TEST(TwitterV2Reader, ComplianceLineIsSkippedSilently) {
  EXPECT_TRUE(read_v2(R"({"id":"1170025343920402432","action":"delete","created_at":"2019-09-06T17:25:54.667Z","reason":"protected"})").empty());
}

TEST(TwitterV2Reader, ErrorLineInAStreamIsANotice) {
  RecordBatch batch = read_v2(
      R"({"errors":[{"title":"operational-disconnect","disconnect_type":"UpstreamOperationalDisconnect","detail":"This stream has been disconnected upstream for operational reasons.","type":"https://api.twitter.com/2/problems/operational-disconnect"}]})", 9);
  EXPECT_TRUE(batch.posts.empty());
  EXPECT_TRUE(batch.rejections.empty());
  ASSERT_EQ(batch.notices.size(), 1u);
  EXPECT_EQ(batch.notices[0].kind, NoticeKind::stream_error);
  EXPECT_EQ(batch.notices[0].detail, "This stream has been disconnected upstream for operational reasons.");
  EXPECT_EQ(batch.notices[0].line, 9u);
}

TEST(TwitterV2Reader, TruncatedLineIsRejected) {
  RecordBatch batch = read_v2(R"({"data": {"author_id": "1021159080151404544")", 8);
  EXPECT_TRUE(batch.posts.empty());
  ASSERT_EQ(batch.rejections.size(), 1u);
  EXPECT_EQ(batch.rejections[0].line, 8u);
  EXPECT_EQ(batch.rejections[0].reason, "truncated JSON: the text ends inside this record");
}

TEST(TwitterV2Reader, TruncatedPageKeepsTheRecordsBeforeTheCut) {
  RecordBatch batch = read_v2("{\"data\": [\n{\"id\": \"1\", \"author_id\": \"2\", \"text\": \"a\"},\n{\"id\": \"3\", \"author_id\"");
  ASSERT_EQ(batch.posts.size(), 1u);
  EXPECT_EQ(batch.posts[0].id, "1");
  ASSERT_EQ(batch.rejections.size(), 1u);
  EXPECT_EQ(batch.rejections[0].line, 3u);
}

TEST(TwitterV2Reader, InvalidUtf8IsRejected) {
  RecordBatch batch = read_v2("{\"id\":\"1\",\"author_id\":\"2\",\"text\":\"\xFF\"}");
  EXPECT_TRUE(batch.posts.empty());
  ASSERT_EQ(batch.rejections.size(), 1u);
  EXPECT_EQ(batch.rejections[0].reason, "invalid UTF-8");
}

TEST(TwitterV2Reader, TweetWithoutIdOrAuthorIsRejected) {
  RecordBatch batch = read_v2(R"({"data":[{"author_id":"2","text":"a"},{"id":"3","text":"b"},{"id":"4","author_id":"2","text":"c"}]})");
  ASSERT_EQ(batch.posts.size(), 1u);
  EXPECT_EQ(batch.posts[0].id, "4");
  ASSERT_EQ(batch.rejections.size(), 2u);
  EXPECT_EQ(batch.rejections[0].reason, "tweet without id");
  EXPECT_EQ(batch.rejections[1].reason, "tweet 3 without author (author_id)");
}

TEST(TwitterV2Reader, UnknownObjectIsRejected) {
  RecordBatch batch = read_v2(R"({"hello":"world"})");
  ASSERT_EQ(batch.rejections.size(), 1u);
  EXPECT_EQ(batch.rejections[0].reason, "not a Twitter v2 tweet or response page");
}

TEST(TwitterV2Reader, EmptyTextGivesNothing) { EXPECT_TRUE(read_v2("\n").empty()); }

TEST(TwitterV2Reader, FormatIsTwitterV2) { EXPECT_EQ(TwitterV2Reader().format(), Format::twitter_v2); }

}  // namespace
}  // namespace leaktrace
