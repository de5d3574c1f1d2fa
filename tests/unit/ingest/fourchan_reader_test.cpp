#include "ingest/fourchan_reader.h"

#include <gtest/gtest.h>
#include <simdjson.h>

#include <string>

namespace leaktrace {
namespace {

RecordBatch read_4chan(std::string_view json, std::string board = "pol", std::uint64_t first_line = 1) {
  std::string padded(json);
  padded.append(simdjson::SIMDJSON_PADDING, ' ');
  FourchanReader reader(ReaderOptions{std::move(board)});
  RecordBatch batch;
  reader.read(std::string_view(padded.data(), json.size()), first_line, batch);
  return batch;
}

// Thread 100 on the 4chan API, one post per line:
//
//   100 (OP, subject)  <-- 101 (no quote: answers the thread)
//        ^                 ^
//        |                 +-- 102 quotes >>101 and >>100: parent is the first, 101
//        +-- 103 quotes itself only: answers the thread
constexpr std::string_view official_thread = R"({"posts": [
{"no": 100, "resto": 0, "time": 1534967426, "tim": 1534967426150, "name": "Anonymous", "sub": "Leak &amp; more", "com": "Math-y thread<br><br>see https://example.org/very<wbr>long and <a href=\"https://linked.example/x\">https://linked.example/x</a>", "id": "AbCd1234"},
{"no": 101, "resto": 100, "time": 1534967448, "name": "Anonymous", "trip": "!!secret"},
{"no": 102, "resto": 100, "time": 1534967500, "name": "Tom &#039;T&#039;", "com": "<a href=\"#p101\" class=\"quotelink\">&gt;&gt;101</a><br><a href=\"#p100\" class=\"quotelink\">&gt;&gt;100</a><br><span class=\"quote\">&gt;greentext</span> it&#039;s &quot;fine&quot;", "id": "AbCd1234"},
{"no": 103, "resto": 100, "time": 1534967600, "com": "&gt;&gt;103 me, and <a href=\"/b/thread/7#p9\" class=\"quotelink\">&gt;&gt;&gt;/b/9</a> <a href=\"//boards.4chan.org/g/\" class=\"quotelink\">&gt;&gt;&gt;/g/</a> <span class=\"deadlink\">&gt;&gt;&gt;/x/55</span>"}
]})";

TEST(FourchanReader, OfficialThreadPostsKindsAndParents) {
  RecordBatch batch = read_4chan(official_thread);
  EXPECT_TRUE(batch.rejections.empty());
  ASSERT_EQ(batch.posts.size(), 4u);
  const Post& op = batch.posts[0];
  EXPECT_EQ(op.platform, Platform::fourchan);
  EXPECT_EQ(op.id, "pol/100");
  EXPECT_EQ(op.kind, PostKind::original);
  EXPECT_EQ(op.parent_id, "");
  EXPECT_EQ(op.conversation_id, "pol/100");
  EXPECT_EQ(op.channel, "pol");
  EXPECT_EQ(op.created_at, 1534967426000);
  EXPECT_EQ(op.provenance.line, 2u);
  EXPECT_EQ(op.text, "Leak & more\n\nMath-y thread\n\nsee https://example.org/verylong and https://linked.example/x");
  ASSERT_EQ(op.urls.size(), 2u);
  EXPECT_EQ(op.urls[0].expanded, "https://linked.example/x");
  EXPECT_EQ(op.urls[1].expanded, "https://example.org/verylong");
  EXPECT_TRUE(op.urls[0].canonical.empty());  // the pipeline canonicalises, not the reader
  EXPECT_TRUE(op.hashtags.empty());
  EXPECT_TRUE(op.mentions.empty());

  const Post& plain_reply = batch.posts[1];
  EXPECT_EQ(plain_reply.kind, PostKind::reply);
  EXPECT_EQ(plain_reply.parent_id, "pol/100");
  EXPECT_EQ(plain_reply.reply_to_id, "pol/100");
  EXPECT_EQ(plain_reply.text, "");
  EXPECT_EQ(plain_reply.provenance.line, 3u);

  const Post& quoting = batch.posts[2];
  EXPECT_EQ(quoting.kind, PostKind::reply);
  EXPECT_EQ(quoting.parent_id, "pol/101");
  EXPECT_EQ(quoting.reply_to_id, "pol/101");
  EXPECT_EQ(quoting.conversation_id, "pol/100");
  EXPECT_EQ(quoting.text, ">>101\n>>100\n>greentext it's \"fine\"");
  EXPECT_TRUE(quoting.urls.empty());

  const Post& self_quote = batch.posts[3];
  EXPECT_EQ(self_quote.kind, PostKind::reply);
  EXPECT_EQ(self_quote.parent_id, "pol/100");
  EXPECT_EQ(self_quote.provenance.line, 5u);
  ASSERT_EQ(self_quote.urls.size(), 3u);
  EXPECT_EQ(self_quote.urls[0].expanded, "https://boards.4chan.org/b/thread/7#p9");
  EXPECT_EQ(self_quote.urls[1].expanded, "https://boards.4chan.org/g/");
  EXPECT_EQ(self_quote.urls[2].expanded, "https://boards.4chan.org/x/post/55");
}

TEST(FourchanReader, AnonymousAccounts) {
  RecordBatch batch = read_4chan(official_thread);
  ASSERT_EQ(batch.accounts.size(), 4u);
  // Poster ID: one account per ID in the thread.
  EXPECT_EQ(batch.posts[0].author_id, "pol/100:AbCd1234");
  EXPECT_EQ(batch.accounts[0].id, "pol/100:AbCd1234");
  EXPECT_EQ(batch.accounts[0].platform, Platform::fourchan);
  EXPECT_EQ(batch.accounts[0].handle, "Anonymous");
  EXPECT_EQ(batch.accounts[0].observed_at, 1534967426000);
  // Tripcode: the same account on every board and thread.
  EXPECT_EQ(batch.posts[1].author_id, "!!secret");
  EXPECT_EQ(batch.accounts[1].handle, "Anonymous!!secret");
  EXPECT_EQ(batch.accounts[1].display_name, "Anonymous");
  EXPECT_EQ(batch.posts[2].author_id, "pol/100:AbCd1234");
  EXPECT_EQ(batch.accounts[2].display_name, "Tom 'T'");
  // Neither: one anonymous account for the thread.
  EXPECT_EQ(batch.posts[3].author_id, "thread:pol/100");
}

TEST(FourchanReader, BoardFromOptionsOrEmpty) {
  RecordBatch batch = read_4chan(R"({"posts":[{"no":5,"resto":0,"time":1}]})", "");
  ASSERT_EQ(batch.posts.size(), 1u);
  EXPECT_EQ(batch.posts[0].channel, "");
  EXPECT_EQ(batch.posts[0].created_at, 1000);
}

TEST(FourchanReader, FoolFuukaThread) {
  constexpr std::string_view archive = R"({"555": {
  "op": {"num": "555", "subnum": "0", "thread_num": "555", "op": "1", "timestamp": 1500000000, "name": "Anonymous",
         "trip": "!Ep8pui8Vw2", "title": "General", "comment": "Previous >>444\nhttps://pastebin.com/raw/AbCd1234.",
         "comment_processed": "ignored", "board": {"name": "Politically Incorrect", "shortname": "g"}},
  "posts": {
    "556": {"num": 556, "thread_num": 555, "op": 0, "timestamp": "1500000060", "poster_hash": "Xy12",
            "comment": ">>555 look >>>/b/999 and >>>/a/", "board": {"shortname": "g"}},
    "557": {"num": "557", "subnum": "1", "thread_num": "555", "op": "0", "timestamp": "1500000070", "comment": null},
    "558": {"num": "558", "thread_num": "555", "op": "0", "timestamp": 1500000080,
            "comment_processed": "<a href=\"https://archived.moe/g/thread/555/#556\" class=\"backlink\">&gt;&gt;556</a><br>ok"}
  }}})";
  RecordBatch batch = read_4chan(archive, "pol");
  EXPECT_TRUE(batch.rejections.empty());
  ASSERT_EQ(batch.posts.size(), 4u);
  const Post& op = batch.posts[0];
  EXPECT_EQ(op.id, "g/555");
  EXPECT_EQ(op.channel, "g");  // the archive names the board
  EXPECT_EQ(op.conversation_id, "g/555");
  EXPECT_EQ(op.created_at, 1500000000000);
  EXPECT_EQ(op.kind, PostKind::reply);  // an OP that quotes the previous thread answers it
  EXPECT_EQ(op.parent_id, "g/444");
  EXPECT_EQ(op.text, "General\n\nPrevious >>444\nhttps://pastebin.com/raw/AbCd1234.");
  ASSERT_EQ(op.urls.size(), 1u);
  EXPECT_EQ(op.urls[0].expanded, "https://pastebin.com/raw/AbCd1234");
  EXPECT_EQ(op.author_id, "!Ep8pui8Vw2");
  EXPECT_EQ(op.provenance.line, 2u);

  const Post& reply = batch.posts[1];
  EXPECT_EQ(reply.id, "g/556");
  EXPECT_EQ(reply.kind, PostKind::reply);
  EXPECT_EQ(reply.parent_id, "g/555");
  EXPECT_EQ(reply.created_at, 1500000060000);
  EXPECT_EQ(reply.author_id, "g/555:Xy12");
  EXPECT_EQ(reply.provenance.line, 6u);
  ASSERT_EQ(reply.urls.size(), 2u);
  EXPECT_EQ(reply.urls[0].expanded, "https://boards.4chan.org/b/post/999");
  EXPECT_EQ(reply.urls[1].expanded, "https://boards.4chan.org/a/");

  const Post& ghost = batch.posts[2];
  EXPECT_EQ(ghost.id, "pol/557_1");
  EXPECT_EQ(ghost.kind, PostKind::reply);
  EXPECT_EQ(ghost.parent_id, "pol/555");
  EXPECT_EQ(ghost.channel, "pol");  // no board object: the option
  EXPECT_EQ(ghost.author_id, "thread:pol/555");

  const Post& html_only = batch.posts[3];
  EXPECT_EQ(html_only.text, ">>556\nok");
  EXPECT_EQ(html_only.parent_id, "pol/556");
  EXPECT_TRUE(html_only.urls.empty());  // a quote link is a parent, not a citation
}

TEST(FourchanReader, FoolFuukaSinglePostAndError) {
  RecordBatch batch = read_4chan(R"({"num": "77", "thread_num": "70", "op": "0", "timestamp": 5, "comment": "x"})");
  ASSERT_EQ(batch.posts.size(), 1u);
  EXPECT_EQ(batch.posts[0].id, "pol/77");
  EXPECT_EQ(batch.posts[0].parent_id, "pol/70");
  EXPECT_EQ(batch.posts[0].conversation_id, "pol/70");

  batch = read_4chan(R"({"error": "Thread not found."})");
  EXPECT_TRUE(batch.posts.empty());
  ASSERT_EQ(batch.rejections.size(), 1u);
  EXPECT_NE(batch.rejections[0].reason.find("Thread not found."), std::string::npos);
}

TEST(FourchanReader, TruncatedThreadKeepsCompletePosts) {
  std::string json(official_thread.substr(0, official_thread.find("{\"no\": 103") + 20));
  RecordBatch batch = read_4chan(json, "pol", 10);
  ASSERT_EQ(batch.posts.size(), 3u);
  EXPECT_EQ(batch.posts[2].id, "pol/102");
  EXPECT_EQ(batch.posts[2].provenance.line, 13u);
  ASSERT_EQ(batch.rejections.size(), 1u);
  EXPECT_EQ(batch.rejections[0].line, 13u);
  EXPECT_NE(batch.rejections[0].reason.find("cut short"), std::string::npos);
}

TEST(FourchanReader, BadRecordsAreRejectedNotThrown) {
  RecordBatch batch = read_4chan("{\"posts\": [\n{\"resto\": 0, \"com\": \"no number\"},\n7,\n{\"no\": 8, \"resto\": 0}\n]}");
  ASSERT_EQ(batch.posts.size(), 1u);
  EXPECT_EQ(batch.posts[0].id, "pol/8");
  ASSERT_EQ(batch.rejections.size(), 2u);
  EXPECT_EQ(batch.rejections[0].line, 2u);
  EXPECT_NE(batch.rejections[0].reason.find("post number"), std::string::npos);
  EXPECT_EQ(batch.rejections[1].line, 3u);

  for (std::string_view bad : {"", "nul", "[1", "{\"posts\": 3}", "\"text\"", "{\"posts\":[{\"no\":\"1\"}]} trailing"}) {
    RecordBatch rejected = read_4chan(bad);
    EXPECT_FALSE(rejected.rejections.empty()) << bad;
  }
}

TEST(FourchanReader, StringNumbersAndLeadingZeros) {
  RecordBatch batch = read_4chan(R"({"posts":[{"no":"0012","resto":"0","time":"1534967426"}]})");
  ASSERT_EQ(batch.posts.size(), 1u);
  EXPECT_EQ(batch.posts[0].id, "pol/12");
  EXPECT_EQ(batch.posts[0].kind, PostKind::original);
  EXPECT_EQ(batch.posts[0].created_at, 1534967426000);
}

}  // namespace
}  // namespace leaktrace
