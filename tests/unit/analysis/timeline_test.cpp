#include "analysis/timeline.h"

#include <gtest/gtest.h>

#include "analysis/communities.h"
#include "graph/account_graph_builder.h"
#include "unit/analysis/analysis_test_data.h"

namespace leaktrace {
namespace {

constexpr TimeMs minute = 60 * 1000;

TEST(ParseDuration, UnitsAndErrors) {
  EXPECT_EQ(parse_duration("10m"), 10 * minute);
  EXPECT_EQ(parse_duration("1h"), 60 * minute);
  EXPECT_EQ(parse_duration("30s"), 30000);
  EXPECT_EQ(parse_duration("1.5d"), 36 * 60 * minute);
  for (const char* bad : {"", "m", "10", "10x", "-1m", "0.1s"}) EXPECT_THROW(parse_duration(bad), std::invalid_argument) << bad;
}

TEST(ParseTimelineEvent, TimeAndLabel) {
  TimelineEvent event = parse_timeline_event("2017-05-05T22:00:00Z=media silence");
  EXPECT_EQ(event.time, *parse_iso8601_time("2017-05-05T22:00:00Z"));
  EXPECT_EQ(event.label, "media silence");
  EXPECT_THROW(parse_timeline_event("yesterday=x"), std::invalid_argument);
  EXPECT_THROW(parse_timeline_event("2017-05-05T22:00:00Z"), std::invalid_argument);
}

// Shares at minutes 1, 2, 15 (twitter) and 3 (4chan), in 10-minute bins from minute 0.
TEST(Timeline, CountsPerBinAndMilestones) {
  testing::SmallDataset data;
  auto a = data.account("a");
  auto hub = data.account("hub");
  auto anon = data.account("thread:pol/1", Platform::fourchan);
  for (auto [id, author, at] : {std::tuple{"1", a, 1}, {"2", a, 2}, {"3", hub, 15}}) {
    data.builder().add_hashtag(data.post(id, author, at * minute), "leak");
  }
  data.builder().add_hashtag(data.post("pol/1", anon, 3 * minute, PostKind::original, "", Platform::fourchan), "leak");
  Dataset dataset = data.finish();
  SubjectMatch match(dataset, Subject::parse("#leak"));
  match.run();
  TimelineParameters parameters;
  parameters.hubs = {hub};
  parameters.events = {{25 * minute, "silence"}};
  Timeline timeline(dataset, match, nullptr, parameters);
  timeline.run();
  EXPECT_EQ(timeline.start(), 0);
  EXPECT_EQ(timeline.totals(), (std::vector<std::int64_t>{3, 1}));
  ASSERT_EQ(timeline.series().size(), 2u);
  EXPECT_EQ(timeline.series()[0].name, "twitter");
  EXPECT_EQ(timeline.series()[0].counts, (std::vector<std::int64_t>{2, 1}));
  EXPECT_EQ(timeline.series()[1].name, "4chan");
  EXPECT_EQ(timeline.peak_bin(), 0u);
  std::vector<std::string> kinds;
  for (const Milestone& m : timeline.milestones()) kinds.push_back(m.kind);
  EXPECT_EQ(kinds, (std::vector<std::string>{"peak", "first-on-platform", "first-on-platform", "first-hub", "event"}));
  EXPECT_EQ(timeline.milestones()[3].label, "@hub");
}

// Three groups (5, 4 and 3 accounts) that repost only each other's #leak posts, minute after
// minute: three communities, the largest first.
TEST(Timeline, ByCommunityTheLargestApartAndTheRestAsOther) {
  testing::SmallDataset data;
  int id = 0;
  TimeMs at = 0;
  for (int size : {5, 4, 3}) {
    std::vector<std::uint32_t> group;
    for (int i = 0; i < size; ++i) group.push_back(data.account("g" + std::to_string(size) + "_" + std::to_string(i)));
    for (std::uint32_t author : group) {
      const std::string original = std::to_string(id++);
      data.builder().add_hashtag(data.post(original, author, at += minute), "leak");
      for (std::uint32_t other : group) {
        if (other != author) data.post(std::to_string(id++), other, at += minute, PostKind::repost, original);
      }
    }
  }
  Dataset dataset = data.finish();
  SubjectMatch match(dataset, Subject::parse("#leak"));
  match.run();
  AccountGraph graph = build_account_graph(dataset);
  CommunityDetection communities(graph, &dataset);
  communities.run();
  ASSERT_EQ(communities.communities().size(), 3u);
  TimelineParameters parameters;
  parameters.by = TimelineParameters::By::community;
  parameters.bin = 1000 * minute;
  Timeline every(dataset, match, &communities, parameters);
  every.run();
  ASSERT_EQ(every.series().size(), 3u);
  EXPECT_EQ(every.series()[0].total, 25);  // 5 originals, 5 x 4 reposts
  EXPECT_EQ(every.series()[1].total, 16);
  EXPECT_EQ(every.series()[2].total, 9);

  parameters.max_communities = 1;
  Timeline largest(dataset, match, &communities, parameters);
  largest.run();
  ASSERT_EQ(largest.series().size(), 2u);
  EXPECT_EQ(largest.series()[0].community, 0);
  EXPECT_EQ(largest.series()[0].total, 25);
  EXPECT_EQ(largest.series()[1].name, "other");
  EXPECT_EQ(largest.series()[1].community, -1);
  EXPECT_EQ(largest.series()[1].total, 25);
  EXPECT_EQ(largest.series()[1].counts, (std::vector<std::int64_t>{25}));
  EXPECT_EQ(largest.totals(), every.totals());
}

TEST(Timeline, ByCommunityNeedsCommunities) {
  Dataset empty = DatasetBuilder().finish();
  SubjectMatch match(empty, Subject());
  match.run();
  TimelineParameters parameters;
  parameters.by = TimelineParameters::By::community;
  EXPECT_THROW(Timeline(empty, match, nullptr, parameters), std::invalid_argument);
}

}  // namespace
}  // namespace leaktrace
