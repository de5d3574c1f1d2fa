#include "analysis/coordination.h"

#include <gtest/gtest.h>

#include <set>

#include "unit/analysis/analysis_test_data.h"

namespace leaktrace {
namespace {

constexpr TimeMs second = 1000;
constexpr TimeMs hour = 3600 * second;

std::set<std::string> handles(const Dataset& d, const CoordinatedCluster& cluster) {
  std::set<std::string> out;
  for (const AccountSignals& s : cluster.accounts) out.insert(std::string(d.account_handle(s.account)));
  return out;
}

TEST(Coordination, AccountsThatRepostTogetherEveryTimeAreOneCluster) {
  testing::SmallDataset data;
  auto source = data.account("source");
  std::vector<std::uint32_t> bots{data.account("bot1"), data.account("bot2"), data.account("bot3")};
  std::vector<std::uint32_t> crowd;
  for (int i = 0; i < 20; ++i) crowd.push_back(data.account("fan" + std::to_string(i)));
  int id = 0;
  for (int round = 0; round < 4; ++round) {
    const TimeMs posted = round * 6 * hour;
    const std::string original = "o" + std::to_string(round);
    data.post(original, source, posted);
    for (std::size_t b = 0; b < bots.size(); ++b) {
      data.post("r" + std::to_string(id++), bots[b], posted + 10 * hour / 60 + static_cast<TimeMs>(b) * 5 * second,
                PostKind::repost, original);
    }
    // The crowd reposts too, spread over hours: some of it lands near the bots by chance.
    for (std::size_t f = 0; f < crowd.size(); ++f) {
      if ((f + static_cast<std::size_t>(round)) % 2 == 0) continue;
      data.post("r" + std::to_string(id++), crowd[f], posted + static_cast<TimeMs>(f) * 13 * 60 * second,
                PostKind::repost, original);
    }
  }
  Dataset d = data.finish();
  SubjectMatch everything(d, Subject());
  everything.run();
  CoordinationDetection detection(d, everything);
  detection.run();
  ASSERT_EQ(detection.clusters().size(), 1u);
  const CoordinatedCluster& cluster = detection.clusters()[0];
  EXPECT_EQ(handles(d, cluster), (std::set<std::string>{"bot1", "bot2", "bot3"}));
  EXPECT_EQ(detection.pairs(), 3u);
  EXPECT_EQ(cluster.coactions, 12);  // three pairs, four posts
  ASSERT_EQ(cluster.actions.size(), 4u);
  for (const CoordinatedAction& action : cluster.actions) {
    EXPECT_EQ(action.kind, CoordinatedAction::Kind::repost);
    EXPECT_EQ(action.accounts, 3);
    EXPECT_EQ(action.last - action.first, 10 * second);
    EXPECT_EQ(d.post_author(action.example), source);
  }
}

TEST(Coordination, AccountsThatLinkTheSameUrlTogetherAreOneCluster) {
  testing::SmallDataset data;
  auto early = data.account("early");
  std::vector<std::uint32_t> bots{data.account("bot1"), data.account("bot2"), data.account("bot3")};
  const std::vector<std::string> urls = {"https://pastebin.com/a", "https://pastebin.com/b", "https://pastebin.com/c"};
  int id = 0;
  for (std::size_t round = 0; round < urls.size(); ++round) {
    const TimeMs at = static_cast<TimeMs>(round) * 6 * hour;
    data.builder().add_url(data.post("e" + std::to_string(round), early, at), urls[round], urls[round], "pastebin.com");
    for (std::size_t b = 0; b < bots.size(); ++b) {
      auto post = data.post("p" + std::to_string(id++), bots[b], at + 2 * hour + static_cast<TimeMs>(b) * 3 * second);
      data.builder().add_url(post, urls[round], urls[round], "pastebin.com");
    }
  }
  Dataset d = data.finish();
  SubjectMatch everything(d, Subject());
  everything.run();
  CoordinationDetection detection(d, everything);
  detection.run();
  ASSERT_EQ(detection.clusters().size(), 1u);
  const CoordinatedCluster& cluster = detection.clusters()[0];
  EXPECT_EQ(handles(d, cluster), (std::set<std::string>{"bot1", "bot2", "bot3"}));
  ASSERT_EQ(cluster.actions.size(), 3u);
  for (const CoordinatedAction& action : cluster.actions) {
    EXPECT_EQ(action.kind, CoordinatedAction::Kind::link);
    EXPECT_EQ(d.account_handle(d.post_author(action.example)), "bot1") << "the example is the cluster's, not the early poster's";
    EXPECT_EQ(action.first, d.post_time(action.example));
  }
}

TEST(Coordination, AFanWhoAlsoDoesMuchElseIsNotCoordinated) {
  testing::SmallDataset data;
  auto hub = data.account("hub");
  auto fan = data.account("fan");
  auto other = data.account("other");
  std::vector<std::uint32_t> bystanders;
  for (int i = 0; i < 3; ++i) bystanders.push_back(data.account("by" + std::to_string(i)));
  int id = 0;
  for (int round = 0; round < 12; ++round) {
    const std::string original = "o" + std::to_string(round);
    data.post(original, hub, round * hour);
    // `other` reposts five of the hub's posts, four of them within seconds of the fan; the fan
    // reposts all twelve, most of them long after.
    if (round < 5) data.post("r" + std::to_string(id++), other, round * hour + 2 * second, PostKind::repost, original);
    data.post("r" + std::to_string(id++), fan, round * hour + (round < 4 ? 5 * second : 20 * 60 * second),
              PostKind::repost, original);
    for (std::size_t b = 0; b < bystanders.size(); ++b) {
      data.post("r" + std::to_string(id++), bystanders[b], round * hour + static_cast<TimeMs>(b + 1) * 15 * 60 * second,
                PostKind::repost, original);
    }
  }
  Dataset d = data.finish();
  SubjectMatch everything(d, Subject());
  everything.run();
  CoordinationDetection detection(d, everything, {.min_accounts = 2});
  detection.run();
  for (const CoordinatedCluster& cluster : detection.clusters()) {
    EXPECT_FALSE(handles(d, cluster).contains("fan")) << "4 of the fan's 12 reposts together is not most of what the fan does";
  }
}

TEST(Coordination, SmallClustersAndSlowPairsAreLeftOut) {
  testing::SmallDataset data;
  auto source = data.account("source");
  auto a = data.account("a");
  auto b = data.account("b");
  for (int round = 0; round < 5; ++round) {
    const std::string original = "o" + std::to_string(round);
    data.post(original, source, round * hour);
    data.post("a" + std::to_string(round), a, round * hour + second, PostKind::repost, original);
    data.post("b" + std::to_string(round), b, round * hour + 2 * second, PostKind::repost, original);
  }
  Dataset d = data.finish();
  SubjectMatch everything(d, Subject());
  everything.run();
  CoordinationDetection pairs_only(d, everything);  // min_accounts 3
  pairs_only.run();
  EXPECT_EQ(pairs_only.pairs(), 1u);
  EXPECT_TRUE(pairs_only.clusters().empty());
  CoordinationDetection with_pairs(d, everything, {.min_accounts = 2});
  with_pairs.run();
  ASSERT_EQ(with_pairs.clusters().size(), 1u);
  EXPECT_EQ(handles(d, with_pairs.clusters()[0]), (std::set<std::string>{"a", "b"}));
  CoordinationDetection within_half_a_second(d, everything, {.window = 500, .min_accounts = 2});
  within_half_a_second.run();
  EXPECT_EQ(within_half_a_second.pairs(), 0u);
}

TEST(Coordination, ASharePastTheCrowdLimitIsPairedWithNone) {
  testing::SmallDataset data;
  auto source = data.account("source");
  std::vector<std::uint32_t> group;
  for (int i = 0; i < 6; ++i) group.push_back(data.account("g" + std::to_string(i)));
  int id = 0;
  for (int round = 0; round < 4; ++round) {
    const std::string original = "o" + std::to_string(round);
    data.post(original, source, round * 6 * hour);
    for (std::size_t g = 0; g < group.size(); ++g) {
      data.post("r" + std::to_string(id++), group[g], round * 6 * hour + hour + static_cast<TimeMs>(g) * second,
                PostKind::repost, original);
    }
  }
  Dataset d = data.finish();
  SubjectMatch everything(d, Subject());
  everything.run();
  CoordinationDetection unbounded(d, everything);
  unbounded.run();
  EXPECT_EQ(unbounded.pairs(), 15u);  // every pair of the six
  // With at most two earlier shares in the window, g3, g4 and g5 pair with no one.
  CoordinationDetection bounded(d, everything, {.max_crowd = 2});
  bounded.run();
  EXPECT_EQ(bounded.pairs(), 3u);
  ASSERT_EQ(bounded.clusters().size(), 1u);
  EXPECT_EQ(handles(d, bounded.clusters()[0]), (std::set<std::string>{"g0", "g1", "g2"}));
}

TEST(Coordination, RefusesAWindowThatIsNotPositive) {
  testing::SmallDataset data;
  Dataset d = data.finish();
  SubjectMatch everything(d, Subject());
  EXPECT_THROW(CoordinationDetection(d, everything, {.window = 0}), std::invalid_argument);
}

TEST(Coordination, NormalisedTextKeepsTheWordsOnly) {
  EXPECT_EQ(normalised_text("‼️ Офшоры Макрона молчат! https://t.co/x @a 🚨"), "офшоры макрона молчат");
  EXPECT_EQ(normalised_text("RT this: #MacronLeaks, NOW!!"), "rt this macronleaks now");
  EXPECT_EQ(normalised_text("@a @b http://x.y"), "");
}

}  // namespace
}  // namespace leaktrace
