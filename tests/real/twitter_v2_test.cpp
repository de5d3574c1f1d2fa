// Conformance of the Twitter v2 reader on the real twarc2 sample (../shared/data/twitter-v2).
// Expectations come from simdjson's DOM API and strptime/timegm, not from the reader's code.
#include <time.h>

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <simdjson.h>

#include "ingest/twitter_v2_reader.h"

namespace leaktrace {
namespace {

namespace fs = std::filesystem;

fs::path data_root() {
  if (const char* env = std::getenv("LEAKTRACE_DATA")) return env;
  return LEAKTRACE_SHARED_DATA;
}

struct Expected {
  std::string id, author, parent, reply_to, conversation;
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

TimeMs v2_time(const std::string& text) {  // "2021-04-08T15:07:30.000Z"
  struct tm parts {};
  const char* rest = strptime(text.c_str(), "%Y-%m-%dT%H:%M:%S", &parts);
  if (!rest) return unknown_time;
  TimeMs ms = static_cast<TimeMs>(timegm(&parts)) * 1000;
  if (rest[0] == '.') ms += std::atoi(rest + 1);  // three digits in the sample
  return ms;
}

// The elements of an array, none when the field is absent.
std::vector<simdjson::dom::element> items(simdjson::simdjson_result<simdjson::dom::element> field) {
  simdjson::dom::array array;
  if (field.get(array)) return {};
  return {array.begin(), array.end()};
}

bool is_tweet(simdjson::dom::element object) { return object["text"].error() == simdjson::SUCCESS; }

Expected expect_tweet(simdjson::dom::element tweet, bool embedded) {
  Expected e;
  e.id = str(tweet, "id");
  e.author = str(tweet, "author_id");
  e.conversation = str(tweet, "conversation_id");
  e.time = v2_time(str(tweet, "created_at"));
  e.embedded = embedded;
  std::string retweeted, quoted;
  simdjson::dom::array references;
  if (!tweet["referenced_tweets"].get(references)) {
    for (auto reference : references) {
      std::string type = str(reference, "type");
      if (type == "retweeted") retweeted = str(reference, "id");
      if (type == "quoted") quoted = str(reference, "id");
      if (type == "replied_to") e.reply_to = str(reference, "id");
    }
  }
  if (!retweeted.empty()) {
    e.kind = PostKind::repost;
    e.parent = retweeted;
  } else if (!quoted.empty()) {
    e.kind = PostKind::quote;
    e.parent = quoted;
  } else if (!e.reply_to.empty()) {
    e.kind = PostKind::reply;
    e.parent = e.reply_to;
  }
  auto entities = tweet["entities"];
  if (tweet["note_tweet"]["entities"].error() == simdjson::SUCCESS) entities = tweet["note_tweet"]["entities"];
  for (auto tag : items(entities["hashtags"])) e.hashtags.push_back(str(tag, "tag"));
  for (auto url : items(entities["urls"])) {
    std::string expanded = str(url, "expanded_url");
    e.urls.push_back(expanded.empty() ? str(url, "url") : expanded);
  }
  for (auto mention : items(entities["mentions"])) {
    std::string handle = str(mention, "username");
    std::string id = str(mention, "id");
    if (id.empty()) {
      id = "@";
      for (char c : handle) id.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
    e.mention_ids.push_back(id);
    e.mention_handles.push_back(handle);
  }
  return e;
}

// A flattened tweet and the referenced tweets expanded inside it, at any depth (a retweet of a
// quote expands the quoted tweet inside the retweeted one).
void add_flattened(simdjson::dom::element tweet, bool embedded, std::vector<Expected>& out) {
  out.push_back(expect_tweet(tweet, embedded));
  for (auto reference : items(tweet["referenced_tweets"])) {
    if (is_tweet(reference)) add_flattened(reference, true, out);
  }
}

// The tweets a line holds, as twarc2 writes them: a page (data + includes.tweets) or a flattened
// tweet whose referenced tweets are expanded inline.
std::vector<Expected> expected_tweets(simdjson::dom::element line) {
  std::vector<Expected> out;
  simdjson::dom::element data;
  if (!line["data"].get(data)) {
    if (data.is_object()) {
      if (is_tweet(data)) out.push_back(expect_tweet(data, false));
    } else {
      for (auto record : items(line["data"])) {
        if (is_tweet(record)) out.push_back(expect_tweet(record, false));
      }
    }
    for (auto tweet : items(line["includes"]["tweets"])) out.push_back(expect_tweet(tweet, true));
    return out;
  }
  if (is_tweet(line)) add_flattened(line, false, out);
  return out;
}

void compare(const Expected& e, const Post& post) {
  SCOPED_TRACE("tweet " + e.id);
  EXPECT_EQ(post.author_id, e.author);
  EXPECT_EQ(post.kind, e.kind);
  EXPECT_EQ(post.parent_id, e.parent);
  EXPECT_EQ(post.reply_to_id, e.reply_to);
  EXPECT_EQ(post.conversation_id, e.conversation);
  EXPECT_EQ(post.created_at, e.time);
  EXPECT_NE(post.created_at, unknown_time);
  EXPECT_EQ(post.embedded, e.embedded);
  EXPECT_EQ(post.hashtags, e.hashtags);
  std::vector<std::string> urls, mention_ids, mention_handles;
  for (const PostUrl& url : post.urls) urls.push_back(url.expanded);
  for (const Mention& mention : post.mentions) {
    mention_ids.push_back(mention.account_id);
    mention_handles.push_back(mention.handle);
  }
  EXPECT_EQ(urls, e.urls);
  EXPECT_EQ(mention_ids, e.mention_ids);
  EXPECT_EQ(mention_handles, e.mention_handles);
}

TEST(TwitterV2Real, EveryTweetOfTheSample) {
  fs::path root = data_root() / "twitter-v2";
  if (!fs::exists(root)) GTEST_SKIP() << "shared data not found at " << root << " (set LEAKTRACE_DATA)";
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(root)) {
    if (entry.path().extension() == ".jsonl") files.push_back(entry.path());
  }
  ASSERT_GE(files.size(), 20u);

  simdjson::dom::parser dom;
  TwitterV2Reader reader;
  std::size_t tweets = 0;
  std::size_t truncated_lines = 0;
  std::size_t stream_errors = 0;
  for (const fs::path& file : files) {
    SCOPED_TRACE(file.filename().string());
    std::ifstream in(file);
    std::string text;
    std::uint64_t line_number = 0;
    while (std::getline(in, text)) {
      ++line_number;
      SCOPED_TRACE("line " + std::to_string(line_number));
      simdjson::padded_string padded(text);
      RecordBatch batch;
      reader.read(std::string_view(padded.data(), padded.size()), line_number, batch);
      simdjson::dom::element document;
      if (text.find_first_not_of(" \t\r") == std::string::npos) {
        EXPECT_TRUE(batch.empty());
        continue;
      }
      if (dom.parse(padded).get(document)) {
        // streaming_output_with_error.jsonl ends with a cut line: rejected with its line.
        ++truncated_lines;
        EXPECT_TRUE(batch.posts.empty());
        ASSERT_EQ(batch.rejections.size(), 1u);
        EXPECT_EQ(batch.rejections[0].line, line_number);
        continue;
      }
      EXPECT_TRUE(batch.rejections.empty()) << batch.rejections.front().reason;
      std::vector<Expected> expected = expected_tweets(document);
      ASSERT_EQ(batch.posts.size(), expected.size());
      for (const Expected& e : expected) {
        const Post* post = nullptr;
        for (const Post& candidate : batch.posts) {
          if (candidate.id == e.id && candidate.embedded == e.embedded) post = &candidate;
        }
        ASSERT_TRUE(post) << "tweet " << e.id << " missing";
        EXPECT_EQ(post->provenance.line, line_number);
        compare(e, *post);
      }
      tweets += expected.size();
      simdjson::dom::array errors;
      std::size_t line_errors = document["errors"].get(errors) ? 0 : errors.size();
      std::size_t notice_errors = 0;
      for (const Notice& notice : batch.notices) notice_errors += notice.kind == NoticeKind::stream_error;
      EXPECT_EQ(notice_errors, line_errors);
      stream_errors += notice_errors;
      // Every profile the line gives (includes.users, a flattened line's author) is an account.
      std::vector<std::string> profiles;
      for (auto user : items(document["includes"]["users"])) profiles.push_back(str(user, "id"));
      if (document["author"].error() == simdjson::SUCCESS) profiles.push_back(str(document["author"], "id"));
      for (const std::string& id : profiles) {
        bool found = false;
        for (const Account& account : batch.accounts) found = found || account.id == id;
        EXPECT_TRUE(found) << "no account for user " << id;
      }
    }
  }
  EXPECT_EQ(truncated_lines, 1u);
  EXPECT_GT(tweets, 1000u);
  EXPECT_GT(stream_errors, 0u);
}

}  // namespace
}  // namespace leaktrace
