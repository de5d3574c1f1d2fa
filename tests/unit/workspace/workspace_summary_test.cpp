#include "workspace/workspace_summary.h"

#include <gtest/gtest.h>

#include "unit/test_files.h"
#include "workspace/ingestion.h"

namespace leaktrace {
namespace {

using testing::TempDir;

std::string fixture(const std::string& name) { return std::string(LEAKTRACE_TEST_FIXTURES) + "/" + name; }

TEST(WorkspaceSummary, CountsWhatTheFixturesHold) {
  TempDir dir;
  auto workspace = Workspace::open_for_writing(dir.file("w.db"));
  IngestOptions options;
  options.stream.reader.board = "pol";
  Ingestion(workspace, {fixture("stream-v1.jsonl"), fixture("paste.jsonl"), fixture("thread-4chan.json")}, options)
      .run();
  WorkspaceSummary summary(workspace);
  EXPECT_THROW(summary.posts(), std::logic_error);
  summary.run();
  // stream-v1.jsonl: 3 valid tweets (one embedded original equals the first), 3 bad lines, one
  // deletion, two limit notices (17 then 40 undelivered); paste.jsonl: 1; thread: OP and a reply.
  EXPECT_EQ(summary.posts(), 6);
  EXPECT_EQ(summary.accounts(), 6);
  EXPECT_EQ(summary.mentioned_only_accounts(), 1);
  EXPECT_EQ(summary.platforms().at("twitter"), 3);
  EXPECT_EQ(summary.platforms().at("4chan"), 2);
  EXPECT_EQ(summary.platforms().at("pastebin"), 1);
  EXPECT_EQ(summary.kinds().at("original"), 3);
  EXPECT_EQ(summary.kinds().at("repost"), 1);
  EXPECT_EQ(summary.kinds().at("reply"), 2);
  EXPECT_EQ(summary.rejected(), 3);
  EXPECT_EQ(summary.deletions(), 1);
  EXPECT_EQ(summary.citations(), 3);
  EXPECT_EQ(summary.resolved_citations(), 3);
  ASSERT_EQ(summary.collection_gaps().size(), 2u);
  EXPECT_EQ(summary.collection_gaps()[0].undelivered, 17);
  EXPECT_EQ(summary.collection_gaps()[1].undelivered, 23);
  EXPECT_EQ(summary.undelivered_posts(), 40);
  EXPECT_EQ(format_iso8601_time(summary.first()), "2017-05-05T18:00:00.000Z");
  EXPECT_EQ(format_iso8601_time(summary.last()), "2017-05-05T20:10:00.000Z");
  ASSERT_FALSE(summary.top_hashtags().empty());
  EXPECT_EQ(summary.top_hashtags()[0], (std::pair<std::string, std::int64_t>{"macronleaks", 2}));
  EXPECT_EQ(summary.files().size(), 3u);
}

}  // namespace
}  // namespace leaktrace
