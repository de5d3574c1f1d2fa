#include "ingest/twitter_v1_reader.h"

#include <string>
#include <string_view>

#include <gtest/gtest.h>
#include <simdjson.h>

namespace leaktrace {
namespace {

RecordBatch read_v1(std::string_view json, std::uint64_t first_line = 1) {
  simdjson::padded_string padded(json);  // the reader needs SIMDJSON_PADDING bytes after the text
  TwitterV1Reader reader;
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

constexpr std::string_view original_tweet = R"({"created_at":"Wed Aug 27 13:08:45 +0000 2008","id":1234567890123456789,"id_str":"1234567890123456789","text":"Leak at https://t.co/x #Docs #leak @Alice","entities":{"hashtags":[{"text":"Docs","indices":[22,27]},{"text":"leak","indices":[28,33]}],"urls":[{"url":"https://t.co/x","expanded_url":"https://example.org/a?b=1","display_url":"example.org/a"},{"url":"https://t.co/y","expanded_url":null}],"user_mentions":[{"screen_name":"Alice","name":"Alice A","id":42,"id_str":"42","indices":[34,40]}]},"lang":"en","user":{"id":7,"id_str":"7","name":"Bob B","screen_name":"bob","created_at":"Mon Jan 02 03:04:05 +0000 2012","followers_count":10,"friends_count":20,"statuses_count":30,"verified":true,"default_profile":false,"description":"about bob"},"in_reply_to_status_id_str":null,"quoted_status_id_str":null})";

TEST(TwitterV1Reader, OriginalTweetFieldsAndAccount) {
  RecordBatch batch = read_v1(original_tweet, 5);
  ASSERT_EQ(batch.posts.size(), 1u);
  ASSERT_EQ(batch.accounts.size(), 1u);
  EXPECT_TRUE(batch.rejections.empty());
  const Post& post = batch.posts[0];
  EXPECT_EQ(post.platform, Platform::twitter);
  EXPECT_EQ(post.id, "1234567890123456789");
  EXPECT_EQ(post.author_id, "7");
  EXPECT_EQ(post.created_at, 1219842525000);  // date -u -d '2008-08-27 13:08:45' +%s
  EXPECT_EQ(post.kind, PostKind::original);
  EXPECT_TRUE(post.parent_id.empty());
  EXPECT_TRUE(post.reply_to_id.empty());
  EXPECT_TRUE(post.conversation_id.empty());
  EXPECT_EQ(post.text, "Leak at https://t.co/x #Docs #leak @Alice");
  EXPECT_EQ(post.language, "en");
  EXPECT_EQ(post.hashtags, (std::vector<std::string>{"Docs", "leak"}));
  ASSERT_EQ(post.urls.size(), 2u);
  EXPECT_EQ(post.urls[0].expanded, "https://example.org/a?b=1");
  EXPECT_EQ(post.urls[1].expanded, "https://t.co/y");  // no expanded_url: the short link
  ASSERT_EQ(post.mentions.size(), 1u);
  EXPECT_EQ(post.mentions[0].account_id, "42");
  EXPECT_EQ(post.mentions[0].handle, "Alice");
  EXPECT_EQ(post.provenance.line, 5u);
  EXPECT_FALSE(post.embedded);

  const Account& account = batch.accounts[0];
  EXPECT_EQ(account.id, "7");
  EXPECT_EQ(account.handle, "bob");
  EXPECT_EQ(account.display_name, "Bob B");
  EXPECT_EQ(account.created_at, 1325473445000);  // 2012-01-02T03:04:05Z
  EXPECT_EQ(account.followers, 10);
  EXPECT_EQ(account.following, 20);
  EXPECT_EQ(account.posts, 30);
  EXPECT_EQ(account.verified, true);
  EXPECT_EQ(account.default_profile, false);
  EXPECT_EQ(account.description, "about bob");
  EXPECT_EQ(account.observed_at, post.created_at);
}

TEST(TwitterV1Reader, IdFallsBackToThe64BitInteger) {
  RecordBatch batch = read_v1(R"({"id":18446744073709551615,"text":"x","user":{"id":9007199254740993}})");
  ASSERT_EQ(batch.posts.size(), 1u);
  EXPECT_EQ(batch.posts[0].id, "18446744073709551615");
  EXPECT_EQ(batch.posts[0].author_id, "9007199254740993");  // 2^53 + 1: exact, not through a double
  EXPECT_EQ(batch.posts[0].created_at, unknown_time);
}

TEST(TwitterV1Reader, TimestampMsWhenNoCreatedAt) {
  RecordBatch batch = read_v1(R"({"id_str":"1","timestamp_ms":"1500000000123","user":{"id_str":"2"}})");
  ASSERT_EQ(batch.posts.size(), 1u);
  EXPECT_EQ(batch.posts[0].created_at, 1500000000123);
}

TEST(TwitterV1Reader, Reply) {
  RecordBatch batch = read_v1(
      R"({"id_str":"11","in_reply_to_status_id":10,"in_reply_to_status_id_str":"10","user":{"id_str":"2"},"text":"@a yes"})");
  ASSERT_EQ(batch.posts.size(), 1u);
  EXPECT_EQ(batch.posts[0].kind, PostKind::reply);
  EXPECT_EQ(batch.posts[0].parent_id, "10");
  EXPECT_EQ(batch.posts[0].reply_to_id, "10");
}

TEST(TwitterV1Reader, ReplyFromTheIntegerIdOnly) {
  RecordBatch batch = read_v1(R"({"id_str":"11","in_reply_to_status_id":10,"user":{"id_str":"2"}})");
  ASSERT_EQ(batch.posts.size(), 1u);
  EXPECT_EQ(batch.posts[0].kind, PostKind::reply);
  EXPECT_EQ(batch.posts[0].parent_id, "10");
}

TEST(TwitterV1Reader, QuoteFromQuotedStatusIdOnly) {
  RecordBatch batch = read_v1(R"({"id_str":"12","quoted_status_id_str":"5","is_quote_status":true,"user":{"id_str":"2"}})");
  ASSERT_EQ(batch.posts.size(), 1u);
  EXPECT_EQ(batch.posts[0].kind, PostKind::quote);
  EXPECT_EQ(batch.posts[0].parent_id, "5");
  EXPECT_TRUE(batch.posts[0].reply_to_id.empty());
}

TEST(TwitterV1Reader, QuoteThatIsAlsoAReply) {
  RecordBatch batch = read_v1(
      R"({"id_str":"13","in_reply_to_status_id_str":"10","quoted_status_id_str":"5","user":{"id_str":"2"}})");
  ASSERT_EQ(batch.posts.size(), 1u);
  EXPECT_EQ(batch.posts[0].kind, PostKind::quote);
  EXPECT_EQ(batch.posts[0].parent_id, "5");
  EXPECT_EQ(batch.posts[0].reply_to_id, "10");
}

TEST(TwitterV1Reader, ExtendedTweetTextAndEntitiesWinWhateverTheKeyOrder) {
  // extended_tweet before and after the truncated text and entities.
  for (std::string_view json : {
           std::string_view(R"({"id_str":"1","user":{"id_str":"2"},"truncated":true,"text":"short…","entities":{"hashtags":[{"text":"cut"}],"urls":[],"user_mentions":[]},"extended_tweet":{"full_text":"the whole long text #full","entities":{"hashtags":[{"text":"full"}],"urls":[{"url":"u","expanded_url":"https://e.org"}],"user_mentions":[]}}})"),
           std::string_view(R"({"id_str":"1","extended_tweet":{"full_text":"the whole long text #full","entities":{"hashtags":[{"text":"full"}],"urls":[{"url":"u","expanded_url":"https://e.org"}],"user_mentions":[]}},"text":"short…","entities":{"hashtags":[{"text":"cut"}],"urls":[],"user_mentions":[]},"user":{"id_str":"2"}})")}) {
    RecordBatch batch = read_v1(json);
    ASSERT_EQ(batch.posts.size(), 1u);
    EXPECT_EQ(batch.posts[0].text, "the whole long text #full");
    EXPECT_EQ(batch.posts[0].hashtags, (std::vector<std::string>{"full"}));
    ASSERT_EQ(batch.posts[0].urls.size(), 1u);
    EXPECT_EQ(batch.posts[0].urls[0].expanded, "https://e.org");
  }
}

TEST(TwitterV1Reader, FullTextOfCompatibilityModeBeatsText) {
  RecordBatch batch = read_v1(R"({"id_str":"1","full_text":"long","text":"short","user":{"id_str":"2"}})");
  ASSERT_EQ(batch.posts.size(), 1u);
  EXPECT_EQ(batch.posts[0].text, "long");
}

// A retweet of a quote tweet:
//   30 (repost by 3) ──► 20 (quote by 2, embedded) ──► 10 (original by 1, embedded)
TEST(TwitterV1Reader, RetweetOfAQuoteGivesThreePostsAndThreeAccounts) {
  RecordBatch batch = read_v1(
      R"({"created_at":"Thu Jan 01 00:00:30 +0000 2015","id_str":"30","text":"RT @two: look","user":{"id_str":"3","screen_name":"three"},)"
      R"("retweeted_status":{"created_at":"Thu Jan 01 00:00:20 +0000 2015","id_str":"20","text":"look","user":{"id_str":"2","screen_name":"two"},"quoted_status_id_str":"10",)"
      R"("quoted_status":{"created_at":"Thu Jan 01 00:00:10 +0000 2015","id_str":"10","text":"first","user":{"id_str":"1","screen_name":"one"},"entities":{"hashtags":[{"text":"src"}]}}}})",
      8);
  ASSERT_EQ(batch.posts.size(), 3u);
  ASSERT_EQ(batch.accounts.size(), 3u);
  const Post* repost = find_post(batch, "30");
  const Post* quote = find_post(batch, "20");
  const Post* original = find_post(batch, "10");
  ASSERT_TRUE(repost && quote && original);
  EXPECT_EQ(repost->kind, PostKind::repost);
  EXPECT_EQ(repost->parent_id, "20");
  EXPECT_FALSE(repost->embedded);
  EXPECT_EQ(quote->kind, PostKind::quote);
  EXPECT_EQ(quote->parent_id, "10");
  EXPECT_EQ(quote->author_id, "2");
  EXPECT_TRUE(quote->embedded);
  EXPECT_EQ(original->kind, PostKind::original);
  EXPECT_EQ(original->author_id, "1");
  EXPECT_EQ(original->hashtags, (std::vector<std::string>{"src"}));
  EXPECT_EQ(original->created_at, 1420070410000);
  EXPECT_TRUE(original->embedded);
  for (const Post& post : batch.posts) EXPECT_EQ(post.provenance.line, 8u);
  for (const Account& account : batch.accounts) {
    const Post* own = nullptr;
    for (const Post& post : batch.posts) {
      if (post.author_id == account.id) own = &post;
    }
    ASSERT_TRUE(own);
    EXPECT_EQ(account.observed_at, own->created_at);
  }
}

TEST(TwitterV1Reader, AnEmbeddedCopyAlreadyGivenIsNotGivenAgain) {
  // Line 1: the original itself. Lines 2 and 3: two retweets embedding it.
  auto retweet = [](std::string_view id, std::string_view user) {
    return std::string(R"({"created_at":"Wed Aug 27 14:00:00 +0000 2008","id_str":")") + std::string(id) +
           R"(","text":"RT @bob: Leak","user":{"id_str":")" + std::string(user) + R"(","screen_name":"u)" +
           std::string(user) + R"("},"retweeted_status":)" + std::string(original_tweet) + "}";
  };
  TwitterV1Reader reader;
  RecordBatch out;
  auto read = [&](const std::string& text, std::uint64_t line) {
    simdjson::padded_string padded(text);
    reader.read(std::string_view(padded.data(), padded.size()), line, out);
  };
  read(std::string(original_tweet), 1);
  read(retweet("11", "8"), 2);
  read(retweet("12", "9"), 3);
  ASSERT_EQ(out.posts.size(), 3u);
  EXPECT_EQ(out.posts[1].id, "11");
  EXPECT_EQ(out.posts[1].kind, PostKind::repost);
  EXPECT_EQ(out.posts[1].parent_id, "1234567890123456789");
  EXPECT_EQ(out.posts[2].parent_id, "1234567890123456789");
  EXPECT_EQ(out.accounts.size(), 3u);  // bob once, then the two retweeters
  EXPECT_TRUE(out.rejections.empty());

  // A fresh reader gives the embedded copy: it has not given the original yet.
  RecordBatch alone = read_v1(retweet("13", "9"));
  ASSERT_EQ(alone.posts.size(), 2u);
  EXPECT_NE(find_post(alone, "1234567890123456789"), nullptr);
  EXPECT_TRUE(find_post(alone, "1234567890123456789")->embedded);
}

TEST(TwitterV1Reader, StreamNotices) {
  RecordBatch deletion = read_v1(
      R"({"delete":{"status":{"id":1234,"id_str":"1234","user_id":3,"user_id_str":"3"},"timestamp_ms":"1500000000000"}})", 4);
  ASSERT_EQ(deletion.notices.size(), 1u);
  EXPECT_TRUE(deletion.posts.empty());
  EXPECT_TRUE(deletion.rejections.empty());
  EXPECT_EQ(deletion.notices[0].kind, NoticeKind::deletion);
  EXPECT_EQ(deletion.notices[0].detail, "1234");
  EXPECT_EQ(deletion.notices[0].time, 1500000000000);
  EXPECT_EQ(deletion.notices[0].line, 4u);

  RecordBatch limit = read_v1(R"({"limit":{"track":1234,"timestamp_ms":"1500000000001"}})");
  ASSERT_EQ(limit.notices.size(), 1u);
  EXPECT_EQ(limit.notices[0].kind, NoticeKind::limit);
  EXPECT_EQ(limit.notices[0].count, 1234);
  EXPECT_EQ(limit.notices[0].time, 1500000000001);

  RecordBatch warning = read_v1(
      R"({"warning":{"code":"FALLING_BEHIND","message":"Your connection is falling behind.","percent_full":60}})");
  ASSERT_EQ(warning.notices.size(), 1u);
  EXPECT_EQ(warning.notices[0].kind, NoticeKind::warning);
  EXPECT_EQ(warning.notices[0].detail, "Your connection is falling behind.");
  EXPECT_TRUE(warning.rejections.empty());
}

constexpr std::string_view pretty_search_response = R"(
{
  "statuses": [
    {
      "id_str": "1",
      "user": {"id_str": "100"}
    },
    {
      "id_str": "2",
      "in_reply_to_status_id_str": "1",
      "user": {
        "id_str": "200"
      }
    }
  ],
  "search_metadata": {"count": 2}
}
)";

TEST(TwitterV1Reader, SearchResponseRecordsKeepTheLineTheyStartOn) {
  RecordBatch batch = read_v1(pretty_search_response, 10);  // the text starts on line 10
  EXPECT_TRUE(batch.rejections.empty());
  ASSERT_EQ(batch.posts.size(), 2u);
  EXPECT_EQ(batch.posts[0].id, "1");
  EXPECT_EQ(batch.posts[0].provenance.line, 13u);
  EXPECT_EQ(batch.posts[1].id, "2");
  EXPECT_EQ(batch.posts[1].provenance.line, 17u);
  EXPECT_EQ(batch.posts[1].kind, PostKind::reply);
}

TEST(TwitterV1Reader, ArrayOfTweets) {
  RecordBatch batch = read_v1("[\n{\"id_str\":\"1\",\"user\":{\"id_str\":\"9\"}},\n\n{\"id_str\":\"2\",\"user\":{\"id_str\":\"9\"}}\n]\n");
  EXPECT_TRUE(batch.rejections.empty());
  ASSERT_EQ(batch.posts.size(), 2u);
  EXPECT_EQ(batch.posts[0].provenance.line, 2u);
  EXPECT_EQ(batch.posts[1].provenance.line, 4u);
}

TEST(TwitterV1Reader, OneTweetPerFilePrettyPrinted) {
  RecordBatch batch = read_v1("\n\n{\n  \"id_str\": \"77\",\n  \"text\": \"hi\",\n  \"user\": {\"id_str\": \"1\"}\n}\n");
  EXPECT_TRUE(batch.rejections.empty());
  ASSERT_EQ(batch.posts.size(), 1u);
  EXPECT_EQ(batch.posts[0].id, "77");
  EXPECT_EQ(batch.posts[0].provenance.line, 3u);
}

TEST(TwitterV1Reader, MalformedLineIsRejectedWithSimdjsonsReason) {
  RecordBatch batch = read_v1(R"({"id_str":"1","user":{"id_str":"2"},"text":"x" "lang":"en"})", 12);
  EXPECT_TRUE(batch.posts.empty());
  ASSERT_EQ(batch.rejections.size(), 1u);
  EXPECT_EQ(batch.rejections[0].line, 12u);
  EXPECT_EQ(batch.rejections[0].reason.rfind("malformed JSON: ", 0), 0u) << batch.rejections[0].reason;
}

TEST(TwitterV1Reader, TruncatedDocumentKeepsTheRecordsBeforeTheCut) {
  std::string_view whole = pretty_search_response;
  std::string_view truncated = whole.substr(0, whole.find("\"in_reply_to_status_id_str\""));
  RecordBatch batch = read_v1(truncated, 1);
  ASSERT_EQ(batch.posts.size(), 1u);
  EXPECT_EQ(batch.posts[0].id, "1");
  ASSERT_EQ(batch.rejections.size(), 1u);
  EXPECT_EQ(batch.rejections[0].line, 8u);
  EXPECT_EQ(batch.rejections[0].reason.rfind("malformed JSON: ", 0), 0u) << batch.rejections[0].reason;
}

TEST(TwitterV1Reader, InvalidUtf8IsRejected) {
  RecordBatch batch = read_v1("{\"id_str\":\"1\",\"text\":\"bad \xC3\x28 byte\",\"user\":{\"id_str\":\"2\"}}", 3);
  EXPECT_TRUE(batch.posts.empty());
  ASSERT_EQ(batch.rejections.size(), 1u);
  EXPECT_EQ(batch.rejections[0].reason, "invalid UTF-8");
  EXPECT_EQ(batch.rejections[0].line, 3u);
}

TEST(TwitterV1Reader, TweetWithoutIdOrAuthorIsRejected) {
  RecordBatch no_id = read_v1(R"({"text":"who am I","user":{"id_str":"2"}})", 6);
  EXPECT_TRUE(no_id.posts.empty());
  ASSERT_EQ(no_id.rejections.size(), 1u);
  EXPECT_EQ(no_id.rejections[0].reason, "tweet without id (id_str)");
  EXPECT_EQ(no_id.rejections[0].line, 6u);

  RecordBatch no_author = read_v1(R"({"id_str":"5","text":"x","user":null})");
  EXPECT_TRUE(no_author.posts.empty());
  ASSERT_EQ(no_author.rejections.size(), 1u);
  EXPECT_EQ(no_author.rejections[0].reason, "tweet 5 without author (user.id_str)");
}

TEST(TwitterV1Reader, FieldOfTheWrongTypeIsIgnoredNotFatal) {
  RecordBatch batch = read_v1(R"({"id_str":"1","lang":5,"entities":[],"user":{"id_str":"2","followers_count":"many"},"text":"ok"})");
  EXPECT_TRUE(batch.rejections.empty());
  ASSERT_EQ(batch.posts.size(), 1u);
  EXPECT_EQ(batch.posts[0].text, "ok");
  EXPECT_TRUE(batch.posts[0].language.empty());
  EXPECT_FALSE(batch.accounts[0].followers.has_value());
}

TEST(TwitterV1Reader, BlankTextGivesNothing) {
  EXPECT_TRUE(read_v1("").empty());
  EXPECT_TRUE(read_v1("  \n").empty());
}

TEST(TwitterV1Reader, ContentAfterTheRecordIsReported) {
  RecordBatch batch = read_v1(R"({"id_str":"1","user":{"id_str":"2"}} {"id_str":"3"})");
  EXPECT_EQ(batch.posts.size(), 1u);
  ASSERT_EQ(batch.rejections.size(), 1u);
  EXPECT_EQ(batch.rejections[0].reason, "malformed JSON: content after the end of the record");
}

TEST(TwitterV1Reader, FormatIsTwitterV1) { EXPECT_EQ(TwitterV1Reader().format(), Format::twitter_v1); }

}  // namespace
}  // namespace leaktrace
