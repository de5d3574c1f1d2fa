// Conformance of the Twitter v1.1 reader on the real public sample (../shared/data/twitter-v1).
// Expectations come from simdjson's DOM API and strptime/timegm, not from the reader's code.
#include <time.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <simdjson.h>

#include "ingest/twitter_v1_reader.h"

namespace leaktrace {
namespace {

namespace fs = std::filesystem;

fs::path data_root() {
  if (const char* env = std::getenv("LEAKTRACE_DATA")) return env;
  return LEAKTRACE_SHARED_DATA;
}

struct Expected {
  std::string id, author, parent, reply_to;
  PostKind kind = PostKind::original;
  TimeMs time = unknown_time;
  bool embedded = false;
  std::vector<std::string> hashtags, urls, mention_ids, mention_handles;
};

std::string str(simdjson::dom::element element, const char* key) {
  std::string_view value;
  if (element[key].get(value)) return {};
  return std::string(value);
}

TimeMs v1_time(const std::string& text) {
  struct tm parts {};
  if (!strptime(text.c_str(), "%a %b %d %H:%M:%S +0000 %Y", &parts)) return unknown_time;
  return static_cast<TimeMs>(timegm(&parts)) * 1000;
}

void expect_tweets(simdjson::dom::element tweet, bool embedded, std::vector<Expected>& out) {
  Expected e;
  e.id = str(tweet, "id_str");
  e.author = str(tweet["user"], "id_str");
  e.time = v1_time(str(tweet, "created_at"));
  e.embedded = embedded;
  e.reply_to = str(tweet, "in_reply_to_status_id_str");
  simdjson::dom::element retweeted, quoted;
  bool has_retweeted = !tweet["retweeted_status"].get(retweeted) && retweeted.is_object();
  bool has_quoted = !tweet["quoted_status"].get(quoted) && quoted.is_object();
  std::string quoted_id = has_quoted ? str(quoted, "id_str") : str(tweet, "quoted_status_id_str");
  if (has_retweeted) {
    e.kind = PostKind::repost;
    e.parent = str(retweeted, "id_str");
  } else if (!quoted_id.empty()) {
    e.kind = PostKind::quote;
    e.parent = quoted_id;
  } else if (!e.reply_to.empty()) {
    e.kind = PostKind::reply;
    e.parent = e.reply_to;
  }
  simdjson::dom::element entities = tweet["entities"];
  simdjson::dom::element extended;
  if (!tweet["extended_tweet"]["entities"].get(extended)) entities = extended;
  for (auto tag : entities["hashtags"].get_array()) e.hashtags.push_back(str(tag, "text"));
  for (auto url : entities["urls"].get_array()) {
    std::string expanded = str(url, "expanded_url");
    e.urls.push_back(expanded.empty() ? str(url, "url") : expanded);
  }
  for (auto mention : entities["user_mentions"].get_array()) {
    e.mention_ids.push_back(str(mention, "id_str"));
    e.mention_handles.push_back(str(mention, "screen_name"));
  }
  out.push_back(std::move(e));
  if (has_retweeted) expect_tweets(retweeted, true, out);
  if (has_quoted) expect_tweets(quoted, true, out);
}

void compare(const fs::path& file, const std::vector<Expected>& expected, const RecordBatch& batch) {
  SCOPED_TRACE(file.string());
  EXPECT_TRUE(batch.rejections.empty()) << batch.rejections.front().reason;
  ASSERT_EQ(batch.posts.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const Expected& e = expected[i];
    const Post* post = nullptr;
    for (const Post& candidate : batch.posts) {
      if (candidate.id == e.id && candidate.embedded == e.embedded) post = &candidate;
    }
    ASSERT_TRUE(post) << "tweet " << e.id << " missing";
    SCOPED_TRACE("tweet " + e.id);
    EXPECT_EQ(post->author_id, e.author);
    EXPECT_EQ(post->kind, e.kind);
    EXPECT_EQ(post->parent_id, e.parent);
    EXPECT_EQ(post->reply_to_id, e.reply_to);
    EXPECT_EQ(post->created_at, e.time);
    EXPECT_NE(post->created_at, unknown_time);
    EXPECT_EQ(post->hashtags, e.hashtags);
    std::vector<std::string> urls, mention_ids, mention_handles;
    for (const PostUrl& url : post->urls) urls.push_back(url.expanded);
    for (const Mention& mention : post->mentions) {
      mention_ids.push_back(mention.account_id);
      mention_handles.push_back(mention.handle);
    }
    EXPECT_EQ(urls, e.urls);
    EXPECT_EQ(mention_ids, e.mention_ids);
    EXPECT_EQ(mention_handles, e.mention_handles);
  }
}

TEST(TwitterV1Real, EveryTweetOfTheSample) {
  fs::path root = data_root() / "twitter-v1";
  if (!fs::exists(root)) GTEST_SKIP() << "shared data not found at " << root << " (set LEAKTRACE_DATA)";
  std::vector<fs::path> files{root / "search-response-2014.json"};
  for (const auto& entry : fs::recursive_directory_iterator(root / "rumoureval2017")) {
    std::string parent = entry.path().parent_path().filename().string();
    if (entry.is_regular_file() && entry.path().extension() == ".json" &&
        (parent == "source-tweet" || parent == "replies")) {
      files.push_back(entry.path());
    }
  }
  ASSERT_GT(files.size(), 4500u);

  simdjson::dom::parser dom;
  TwitterV1Reader reader;
  std::size_t tweets = 0;
  std::size_t reposts = 0;
  std::size_t replies = 0;
  for (const fs::path& file : files) {
    simdjson::padded_string text;
    ASSERT_EQ(simdjson::padded_string::load(file.string()).get(text), simdjson::SUCCESS) << file;
    simdjson::dom::element document;
    ASSERT_EQ(dom.parse(text).get(document), simdjson::SUCCESS) << file;
    std::vector<Expected> expected;
    simdjson::dom::array statuses;
    if (!document["statuses"].get(statuses)) {
      for (auto status : statuses) expect_tweets(status, false, expected);
    } else {
      expect_tweets(document, false, expected);
    }
    RecordBatch batch;
    reader.read(std::string_view(text.data(), text.size()), 1, batch);
    compare(file, expected, batch);
    for (const Post& post : batch.posts) {
      if (post.embedded) continue;
      ++tweets;
      reposts += post.kind == PostKind::repost;
      replies += post.kind == PostKind::reply;
    }
  }
  EXPECT_EQ(tweets, files.size() - 1 + 100);
  EXPECT_GE(reposts, 73u);  // the search response alone has 73 retweets
  EXPECT_GT(replies, 4000u);
}

TEST(TwitterV1Real, SearchResponseLinesAndAccounts) {
  fs::path file = data_root() / "twitter-v1" / "search-response-2014.json";
  if (!fs::exists(file)) GTEST_SKIP() << "shared data not found at " << file << " (set LEAKTRACE_DATA)";
  simdjson::padded_string text;
  ASSERT_EQ(simdjson::padded_string::load(file.string()).get(text), simdjson::SUCCESS);
  TwitterV1Reader reader;
  RecordBatch batch;
  reader.read(std::string_view(text.data(), text.size()), 1, batch);
  // Each top-level status starts with a line "    {" right after the previous one's "    }," line.
  std::vector<std::uint64_t> starts;
  std::uint64_t line = 1;
  std::string_view view(text.data(), text.size());
  for (std::size_t i = 0; i < view.size(); ++i) {
    if (view.substr(i, 6) == "\n    {") starts.push_back(line + 1);
    if (view[i] == '\n') ++line;
  }
  std::vector<std::uint64_t> lines;
  for (const Post& post : batch.posts) {
    if (!post.embedded) lines.push_back(post.provenance.line);
  }
  EXPECT_EQ(lines, starts);
  EXPECT_EQ(batch.accounts.size(), batch.posts.size());
  for (const Account& account : batch.accounts) {
    EXPECT_FALSE(account.handle.empty());
    EXPECT_TRUE(account.followers.has_value());
    EXPECT_NE(account.created_at, unknown_time);
  }
}

}  // namespace
}  // namespace leaktrace
