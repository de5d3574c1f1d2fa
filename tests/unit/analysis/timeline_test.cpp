#include "analysis/timeline.h"

#include <gtest/gtest.h>

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
