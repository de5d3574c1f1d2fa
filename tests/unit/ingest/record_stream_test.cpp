#include "ingest/record_stream.h"

#include <filesystem>

#include <gtest/gtest.h>

#include "unit/test_files.h"

namespace leaktrace {
namespace {

using testing::TempDir;

std::string tweet_line(int id, const std::string& url = "") {
  std::string urls = url.empty() ? "" : R"({"url":"https://t.co/x","expanded_url":")" + url + R"("})";
  return R"({"created_at":"Fri May 05 20:49:00 +0000 2017","id_str":")" + std::to_string(id) +
         R"(","text":"t","user":{"id_str":"7","screen_name":"u"},"entities":{"hashtags":[],"urls":[)" + urls +
         R"(],"user_mentions":[]}})";
}

struct Collected {
  std::vector<Post> posts;
  std::vector<Rejection> rejections;
  std::vector<Notice> notices;
  std::size_t batches = 0;
};

Collected collect(RecordStream& stream) {
  Collected out;
  RecordBatch batch;
  while (stream.next(batch)) {
    ++out.batches;
    out.posts.insert(out.posts.end(), batch.posts.begin(), batch.posts.end());
    out.rejections.insert(out.rejections.end(), batch.rejections.begin(), batch.rejections.end());
    out.notices.insert(out.notices.end(), batch.notices.begin(), batch.notices.end());
  }
  return out;
}

RecordStreamOptions mapped_options(bool mapped) {
  RecordStreamOptions options;
  options.map_min_bytes = mapped ? 1 : ~std::uint64_t{0};
  options.batch_posts = 500;
  return options;
}

TEST(RecordStream, MappedFileReadsAsTheBufferedOne) {
  // The last line has no newline and ends exactly on a page boundary: the parser's padding would
  // run past the mapping if it were parsed in place.
  TempDir dir;
  std::string text;
  for (int i = 1; i <= 2000; ++i) {
    text += tweet_line(i, i % 3 == 0 ? "https://example.org/" + std::to_string(i) : "");
    text += i % 7 == 0 ? "\r\n\n" : "\n";
  }
  text += "{\"created_at\": broken\n";
  std::string last = tweet_line(99999);
  std::size_t page = 4096;
  std::size_t fill = page - (text.size() + last.size()) % page;
  last.insert(last.find("\"t\""), std::string(fill, 'x'));
  text += last;
  ASSERT_EQ(text.size() % page, 0u);
  std::string path = dir.write("a.jsonl", text);
  RecordStream buffered(path, mapped_options(false));
  RecordStream mapped(path, mapped_options(true));
  Collected expected = collect(buffered);
  Collected got = collect(mapped);
  ASSERT_EQ(got.posts.size(), 2001u);
  ASSERT_EQ(got.posts.size(), expected.posts.size());
  for (std::size_t i = 0; i < got.posts.size(); ++i) {
    EXPECT_EQ(got.posts[i].id, expected.posts[i].id);
    EXPECT_EQ(got.posts[i].provenance.line, expected.posts[i].provenance.line);
    EXPECT_EQ(got.posts[i].text, expected.posts[i].text);
    ASSERT_EQ(got.posts[i].urls.size(), expected.posts[i].urls.size());
  }
  ASSERT_EQ(got.rejections.size(), 1u);
  EXPECT_EQ(got.rejections[0].line, expected.rejections[0].line);
  EXPECT_EQ(got.posts.back().provenance.line, mapped.lines_read());
  EXPECT_EQ(mapped.lines_read(), buffered.lines_read());
  EXPECT_EQ(mapped.source().raw_bytes_read(), text.size());
  EXPECT_EQ(mapped.source().sha256_hex(), buffered.source().sha256_hex());
  EXPECT_EQ(mapped.source().sha256_hex().size(), 64u);
}

TEST(RecordStream, MappedDocumentIsReadWhole) {
  TempDir dir;
  std::string path = dir.write("a.json", "[\n  " + tweet_line(1) + ",\n  " + tweet_line(2) + "\n]");
  RecordStream stream(path, mapped_options(true));
  EXPECT_EQ(stream.layout(), Layout::document);
  Collected got = collect(stream);
  ASSERT_EQ(got.posts.size(), 2u);
  EXPECT_EQ(got.posts[1].provenance.line, 3u);
  EXPECT_EQ(stream.source().raw_bytes_read(), std::filesystem::file_size(path));
}

TEST(RecordStream, KeepsLineNumbersAcrossBlankAndCrlfLines) {
  TempDir dir;
  std::string path = dir.write("a.jsonl", tweet_line(1) + "\r\n\n   \n" + tweet_line(2) + "\n");
  RecordStream stream(path, {});
  EXPECT_EQ(stream.format(), Format::twitter_v1);
  EXPECT_EQ(stream.layout(), Layout::lines);
  Collected got = collect(stream);
  ASSERT_EQ(got.posts.size(), 2u);
  EXPECT_EQ(got.posts[0].provenance.line, 1u);
  EXPECT_EQ(got.posts[1].id, "2");
  EXPECT_EQ(got.posts[1].provenance.line, 4u);
  EXPECT_TRUE(got.rejections.empty());
}

TEST(RecordStream, ReadsALastLineWithoutNewline) {
  TempDir dir;
  RecordStream stream(dir.write("a.jsonl", tweet_line(1) + "\n" + tweet_line(2)), {});
  Collected got = collect(stream);
  ASSERT_EQ(got.posts.size(), 2u);
  EXPECT_EQ(got.posts[1].provenance.line, 2u);
}

TEST(RecordStream, LinesSplitAcrossReadsAreWhole) {
  TempDir dir;
  std::string text;
  for (int i = 1; i <= 3000; ++i) text += tweet_line(i) + "\n";
  RecordStreamOptions options;
  options.chunk_bytes = 64;  // far smaller than a line: every line crosses reads
  options.batch_posts = 100;
  RecordStream stream(dir.write("a.jsonl", text), options);
  Collected got = collect(stream);
  ASSERT_EQ(got.posts.size(), 3000u);
  EXPECT_TRUE(got.rejections.empty());
  EXPECT_EQ(got.posts[2999].id, "3000");
  EXPECT_EQ(got.posts[2999].provenance.line, 3000u);
  EXPECT_GE(got.batches, 30u);
}

TEST(RecordStream, HugeLineIsRejectedAndTheRestRead) {
  TempDir dir;
  std::string huge = R"({"created_at":"x","id_str":"9","text":")" + std::string(5000, 'a') + "\"}";
  RecordStreamOptions options;
  options.chunk_bytes = 512;
  options.max_line_bytes = 1024;
  RecordStream stream(dir.write("a.jsonl", tweet_line(1) + "\n" + huge + "\n" + tweet_line(3) + "\n"), options);
  Collected got = collect(stream);
  ASSERT_EQ(got.posts.size(), 2u);
  EXPECT_EQ(got.posts[1].id, "3");
  EXPECT_EQ(got.posts[1].provenance.line, 3u);
  ASSERT_EQ(got.rejections.size(), 1u);
  EXPECT_EQ(got.rejections[0].line, 2u);
  EXPECT_NE(got.rejections[0].reason.find("longer than"), std::string::npos);
}

TEST(RecordStream, MalformedLinesAreRejectedWithTheirLine) {
  TempDir dir;
  RecordStream stream(dir.write("a.jsonl", tweet_line(1) + "\nnot json\n" + tweet_line(3).substr(0, 50) + "\n" +
                                               tweet_line(4) + "\n"),
                      {});
  Collected got = collect(stream);
  ASSERT_EQ(got.posts.size(), 2u);
  ASSERT_EQ(got.rejections.size(), 2u);
  EXPECT_EQ(got.rejections[0].line, 2u);
  EXPECT_EQ(got.rejections[1].line, 3u);
}

TEST(RecordStream, CanonicalisesUrls) {
  TempDir dir;
  RecordStream stream(dir.write("a.jsonl", tweet_line(1, "https://www.Pastebin.com/raw/AbC123?utm_source=x") + "\n"),
                      {});
  Collected got = collect(stream);
  ASSERT_EQ(got.posts.size(), 1u);
  ASSERT_EQ(got.posts[0].urls.size(), 1u);
  EXPECT_EQ(got.posts[0].urls[0].expanded, "https://www.Pastebin.com/raw/AbC123?utm_source=x");
  EXPECT_EQ(got.posts[0].urls[0].canonical, "https://pastebin.com/AbC123");
}

TEST(RecordStream, PrettyPrintedDocumentIsReadWhole) {
  TempDir dir;
  std::string text = "[\n" + tweet_line(1) + ",\n\n" + tweet_line(2) + "\n]\n";
  RecordStream stream(dir.write("a.json", text), {});
  EXPECT_EQ(stream.layout(), Layout::document);
  Collected got = collect(stream);
  ASSERT_EQ(got.posts.size(), 2u);
  EXPECT_EQ(got.posts[0].provenance.line, 2u);
  EXPECT_EQ(got.posts[1].provenance.line, 4u);
}

TEST(RecordStream, UnknownFormatNamesTheFileAndTheFix) {
  TempDir dir;
  std::string path = dir.write("people.csv", "name,handle\nalice,@a\n");
  try {
    RecordStream stream(path, {});
    FAIL() << "expected UnknownFormatError";
  } catch (const UnknownFormatError& error) {
    std::string message = error.what();
    EXPECT_NE(message.find(path), std::string::npos);
    EXPECT_NE(message.find("--format"), std::string::npos);
  }
}

TEST(RecordStream, FormatCanBeForced) {
  TempDir dir;
  RecordStreamOptions options;
  options.format = Format::pastebin;
  RecordStream stream(dir.write("odd.jsonl", R"({"key":"Ab12","date":"1494007200","title":"t","user":""})" "\n"),
                      options);
  EXPECT_EQ(stream.format(), Format::pastebin);
  Collected got = collect(stream);
  ASSERT_EQ(got.posts.size(), 1u);
  EXPECT_EQ(got.posts[0].platform, Platform::pastebin);
}

}  // namespace
}  // namespace leaktrace

namespace leaktrace {
namespace {

TEST(RecordStream, FoldsHashtagsAndKeepsOneProfilePerAccountPerBatch) {
  TempDir dir;
  auto line = [](int id, const std::string& time, int followers) {
    return R"({"created_at":")" + time + R"(","id_str":")" + std::to_string(id) +
           R"(","text":"t","user":{"id_str":"7","screen_name":"u)" + std::to_string(followers) +
           R"(","followers_count":)" + std::to_string(followers) +
           R"(},"entities":{"hashtags":[{"text":"MacronLEAKS"}],"urls":[],"user_mentions":[]}})" + "\n";
  };
  RecordStream stream(dir.write("a.jsonl", line(1, "Fri May 05 20:00:00 +0000 2017", 20) +
                                               line(2, "Fri May 05 19:00:00 +0000 2017", 10) +
                                               line(3, "Fri May 05 21:00:00 +0000 2017", 30)),
                      {});
  RecordBatch batch;
  ASSERT_TRUE(stream.next(batch));
  ASSERT_EQ(batch.posts.size(), 3u);
  EXPECT_EQ(batch.posts[0].hashtags, std::vector<std::string>{"macronleaks"});
  ASSERT_EQ(batch.accounts.size(), 1u);
  EXPECT_EQ(batch.accounts[0].followers, 30) << "the latest profile";
  EXPECT_EQ(batch.accounts[0].observed_at, *parse_twitter_v1_time("Fri May 05 21:00:00 +0000 2017"));
  EXPECT_EQ(batch.accounts[0].first_observed_at, *parse_twitter_v1_time("Fri May 05 19:00:00 +0000 2017"));
}

TEST(RecordStream, CitationsAreFoundWithCanonicalUrls) {
  TempDir dir;
  RecordStream stream(dir.write("a.jsonl", tweet_line(1, "https://x.com/someone/status/42?s=20") + "\n"), {});
  RecordBatch batch;
  ASSERT_TRUE(stream.next(batch));
  ASSERT_EQ(batch.posts.at(0).urls.size(), 1u);
  const PostUrl& url = batch.posts[0].urls[0];
  EXPECT_EQ(url.canonical, "https://twitter.com/i/status/42");
  ASSERT_TRUE(url.cites);
  EXPECT_EQ(url.cites->platform, Platform::twitter);
  EXPECT_EQ(url.cites->post_id, "42");
}

}  // namespace
}  // namespace leaktrace
