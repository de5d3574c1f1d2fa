#include "ingest/pastebin_reader.h"

#include <gtest/gtest.h>
#include <simdjson.h>

#include <string>

namespace leaktrace {
namespace {

RecordBatch read_pastes(std::string_view json, std::uint64_t first_line = 1) {
  std::string padded(json);
  padded.append(simdjson::SIMDJSON_PADDING, ' ');
  PastebinReader reader;
  RecordBatch batch;
  reader.read(std::string_view(padded.data(), json.size()), first_line, batch);
  return batch;
}

TEST(PastebinReader, ScrapingRecordWithContent) {
  RecordBatch batch = read_pastes(
      R"json({"scrape_url": "https://scrape.pastebin.com/api_scrape_item.php?i=AbCd1234", "full_url": "https://pastebin.com/AbCd1234", "date": "1502114403", "key": "AbCd1234", "size": "42", "expire": "0", "title": "dump", "syntax": "text", "user": "leaker", "hits": "3", "content": "mirror: https://example.org/a.zip, again https://example.org/a.zip\nhttp://x.y/)"})json",
      7);
  EXPECT_TRUE(batch.rejections.empty());
  ASSERT_EQ(batch.posts.size(), 1u);
  const Post& paste = batch.posts[0];
  EXPECT_EQ(paste.platform, Platform::pastebin);
  EXPECT_EQ(paste.id, "AbCd1234");
  EXPECT_EQ(paste.author_id, "leaker");
  EXPECT_EQ(paste.created_at, 1502114403000);
  EXPECT_EQ(paste.kind, PostKind::original);
  EXPECT_EQ(paste.channel, "pastebin.com");
  EXPECT_EQ(paste.text, "dump\n\nmirror: https://example.org/a.zip, again https://example.org/a.zip\nhttp://x.y/)");
  EXPECT_EQ(paste.provenance.line, 7u);
  ASSERT_EQ(paste.urls.size(), 2u);  // duplicates once; the paste's own URL is not a citation
  EXPECT_EQ(paste.urls[0].expanded, "https://example.org/a.zip");
  EXPECT_EQ(paste.urls[1].expanded, "http://x.y/");
  ASSERT_EQ(batch.accounts.size(), 1u);
  EXPECT_EQ(batch.accounts[0].id, "leaker");
  EXPECT_EQ(batch.accounts[0].handle, "leaker");
  EXPECT_EQ(batch.accounts[0].platform, Platform::pastebin);
}

TEST(PastebinReader, AnonymousPasteWithoutContent) {
  RecordBatch batch = read_pastes(R"({"key": "Zz9", "date": 1502114403, "title": "Untitled", "user": ""})");
  ASSERT_EQ(batch.posts.size(), 1u);
  EXPECT_EQ(batch.posts[0].author_id, "paste:Zz9");
  EXPECT_EQ(batch.posts[0].text, "Untitled");
  EXPECT_EQ(batch.accounts[0].id, "paste:Zz9");
  EXPECT_EQ(batch.accounts[0].handle, "");

  batch = read_pastes(R"({"key": "Q1", "date": "not a date", "title": "", "content": "only content"})");
  ASSERT_EQ(batch.posts.size(), 1u);
  EXPECT_EQ(batch.posts[0].text, "only content");
  EXPECT_EQ(batch.posts[0].created_at, unknown_time);
}

TEST(PastebinReader, ArrayOfRecordsWithLines) {
  RecordBatch batch = read_pastes("[\n{\"key\": \"A1\", \"date\": \"1\"},\n{\"date\": \"2\"},\n{\"key\": \"A3\"}\n]", 1);
  ASSERT_EQ(batch.posts.size(), 2u);
  EXPECT_EQ(batch.posts[0].provenance.line, 2u);
  EXPECT_EQ(batch.posts[1].id, "A3");
  EXPECT_EQ(batch.posts[1].provenance.line, 4u);
  ASSERT_EQ(batch.rejections.size(), 1u);
  EXPECT_EQ(batch.rejections[0].line, 3u);
  EXPECT_NE(batch.rejections[0].reason.find("key"), std::string::npos);
}

TEST(PastebinReader, TruncatedArrayKeepsCompleteRecords) {
  RecordBatch batch = read_pastes("[{\"key\": \"A1\"},\n{\"key\": \"A2\"},\n{\"key\": \"A", 1);
  ASSERT_EQ(batch.posts.size(), 2u);
  ASSERT_EQ(batch.rejections.size(), 1u);
  EXPECT_EQ(batch.rejections[0].line, 2u);
}

TEST(PastebinReader, MalformedLinesAreRejected) {
  for (std::string_view bad : {"{\"key\": \"A1\"", "", "42", "{\"key\": \"x\"} {", "{\"key\": \"\\u12\"}"}) {
    RecordBatch batch = read_pastes(bad, 9);
    ASSERT_FALSE(batch.rejections.empty()) << bad;
    EXPECT_EQ(batch.rejections[0].line, 9u) << bad;
  }
}

}  // namespace
}  // namespace leaktrace
