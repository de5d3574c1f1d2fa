#include "workspace/dataset_loader.h"

#include <gtest/gtest.h>

#include "unit/test_files.h"
#include "workspace/ingestion.h"

namespace leaktrace {
namespace {

std::string fixture(const std::string& name) { return std::string(LEAKTRACE_TEST_FIXTURES) + "/" + name; }

// The three fixtures: a 4chan thread (pol/124205675) citing a paste (Xy12AbCd), and a v1.1 stream
// whose first tweet (by first_spreader) links the thread and is retweeted by the_hub.
Dataset ingest_fixtures(const testing::TempDir& dir, bool texts) {
  auto workspace = Workspace::open_for_writing(dir.file("w.db"));
  IngestOptions options;
  options.stream.reader.board = "pol";
  Ingestion ingestion(workspace, {fixture("thread-4chan.json"), fixture("paste.jsonl"), fixture("stream-v1.jsonl")},
                      options);
  ingestion.run();
  auto reading = Workspace::open_for_reading(dir.file("w.db"));
  return load_dataset(reading, {.texts = texts});
}

TEST(DatasetLoader, LoadsPostsAccountsAndResolvesParentsAndCitations) {
  testing::TempDir dir;
  Dataset dataset = ingest_fixtures(dir, false);
  auto first = dataset.find_post(Platform::twitter, "860000000000000001");
  auto retweet = dataset.find_post(Platform::twitter, "860000000000000002");
  auto thread = dataset.find_post(Platform::fourchan, "pol/124205675");
  auto paste = dataset.find_post(Platform::pastebin, "Xy12AbCd");
  ASSERT_TRUE(first && retweet && thread && paste);

  EXPECT_EQ(dataset.post_kind(*retweet), PostKind::repost);
  EXPECT_EQ(dataset.post_parent(*retweet), *first);
  EXPECT_EQ(dataset.post_parent(*first), no_index);
  EXPECT_EQ(dataset.account_handle(dataset.post_author(*first)), "first_spreader");
  EXPECT_EQ(dataset.account_handle(dataset.post_author(*retweet)), "the_hub");
  EXPECT_EQ(dataset.account_followers(dataset.post_author(*retweet)), 900000);
  EXPECT_EQ(dataset.post_time(*first), 1494010140000);
  EXPECT_EQ(dataset.post_language(*first), "en");

  ASSERT_EQ(dataset.post_citations(*first).size(), 1u);
  EXPECT_EQ(dataset.post_citations(*first)[0], *thread);
  ASSERT_EQ(dataset.post_citations(*thread).size(), 1u);
  EXPECT_EQ(dataset.post_citations(*thread)[0], *paste);

  ASSERT_EQ(dataset.post_hashtags(*first).size(), 1u);
  EXPECT_EQ(dataset.hashtag(dataset.post_hashtags(*first)[0]), "macronleaks");
  ASSERT_EQ(dataset.post_urls(*first).size(), 1u);
  EXPECT_EQ(dataset.url_host(dataset.post_urls(*first)[0]), "boards.4chan.org");

  EXPECT_EQ(dataset.files().size(), 3u);
  const DatasetFile* file = dataset.file(dataset.post_file(*first));
  ASSERT_NE(file, nullptr);
  EXPECT_NE(file->path.find("stream-v1.jsonl"), std::string::npos);
  EXPECT_EQ(file->sha256.size(), 64u);
  EXPECT_EQ(dataset.post_line(*first), 1);
  EXPECT_FALSE(dataset.has_text());
  EXPECT_THROW(dataset.post_text(*first), std::logic_error);
}

TEST(DatasetLoader, PostsByTimeAreInTimeOrder) {
  testing::TempDir dir;
  Dataset dataset = ingest_fixtures(dir, true);
  const auto& order = dataset.posts_by_time();
  ASSERT_EQ(order.size(), dataset.post_count());
  for (std::size_t i = 1; i < order.size(); ++i) EXPECT_LE(dataset.post_time(order[i - 1]), dataset.post_time(order[i]));
  auto first = dataset.find_post(Platform::twitter, "860000000000000001");
  EXPECT_EQ(dataset.post_text(*first), "Leak thread https://t.co/a #MacronLeaks");
}

}  // namespace
}  // namespace leaktrace
