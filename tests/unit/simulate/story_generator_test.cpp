#include "simulate/story_generator.h"

#include <algorithm>
#include <map>
#include <set>

#include <gtest/gtest.h>

#include "simulate/truth_file.h"

namespace leaktrace::simulate {
namespace {

constexpr TimeMs hour = 3600000;

class Story200k : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    parameters_ = new ScenarioParameters;  // the built-in demo scenario
    Random random = Random::derived(parameters_->seed, 0);
    population_ = new Population(*parameters_, random);
    StoryGenerator generator(*parameters_, *population_);
    generator.run();
    story_ = new Story(generator.take_story());
  }
  static void TearDownTestSuite() {
    delete story_;
    delete population_;
    delete parameters_;
  }
  static const SimAccount& author(std::uint32_t post) { return population_->account(story_->posts[post].account); }

  static ScenarioParameters* parameters_;
  static Population* population_;
  static Story* story_;
};
ScenarioParameters* Story200k::parameters_ = nullptr;
Population* Story200k::population_ = nullptr;
Story* Story200k::story_ = nullptr;

TEST_F(Story200k, HasExactlyTheTweetsAskedForInTimeOrderWithUniqueSnowflakeIds) {
  const auto& posts = story_->posts;
  ASSERT_EQ(posts.size(), parameters_->tweets);
  std::set<std::uint64_t> ids;
  for (std::size_t i = 0; i < posts.size(); ++i) {
    ids.insert(posts[i].id);
    if (i > 0) ASSERT_LE(posts[i - 1].time, posts[i].time);
    // Snowflake ids carry their time: milliseconds since Twitter's epoch in the high bits.
    ASSERT_EQ(static_cast<TimeMs>(posts[i].id >> 22) + 1288834974657, posts[i].time);
  }
  EXPECT_EQ(ids.size(), posts.size());
}

TEST_F(Story200k, TheOriginComesBeforeEverySubjectTweet) {
  const auto& posts = story_->posts;
  const Paste& dump = story_->pastes[story_->origin_paste];
  const ChanPost& opening = story_->thread.front();
  EXPECT_TRUE(dump.origin);
  EXPECT_LT(dump.time, opening.time);
  EXPECT_LT(opening.time, posts[story_->first_tweet].time);
  EXPECT_EQ(story_->posts[story_->first_tweet].link, LinkKind::thread);
  EXPECT_EQ(author(story_->first_tweet).role, Role::first_spreader);
  for (std::uint32_t i = 0; i < story_->first_tweet; ++i) EXPECT_NE(posts[i].topic, 0) << i;
  for (std::size_t i = 1; i < story_->thread.size(); ++i) EXPECT_GT(story_->thread[i].number, story_->thread[i - 1].number);
}

TEST_F(Story200k, SharesPointAtEarlierPostsAndRetweetsAtTheRoot) {
  const auto& posts = story_->posts;
  std::size_t reposts = 0;
  for (std::uint32_t i = 0; i < posts.size(); ++i) {
    const SimPost& post = posts[i];
    if (post.exposure != no_post) {
      ASSERT_LT(posts[post.exposure].time, post.time);
      ASSERT_EQ(posts[post.exposure].topic, 0);
    }
    if (post.kind == PostKind::repost) {
      ++reposts;
      ASSERT_NE(post.target, no_post);
      ASSERT_NE(posts[post.target].kind, PostKind::repost);
      ASSERT_NE(posts[post.target].account, post.account);
    }
  }
  EXPECT_GT(reposts, posts.size() / 3);
}

TEST_F(Story200k, CascadesAreDeepAsWellAsWide) {
  const auto& posts = story_->posts;
  std::vector<std::uint32_t> depth(posts.size(), 0);
  std::map<std::uint32_t, std::uint32_t> children;
  std::uint32_t deepest = 0;
  for (std::uint32_t i = 0; i < posts.size(); ++i) {
    if (posts[i].exposure == no_post) continue;
    depth[i] = depth[posts[i].exposure] + 1;
    deepest = std::max(deepest, depth[i]);
    ++children[posts[i].exposure];
  }
  std::uint32_t widest = 0;
  for (const auto& [post, count] : children) widest = std::max(widest, count);
  EXPECT_GE(deepest, 8u);
  EXPECT_GE(widest, 500u);
}

TEST_F(Story200k, FollowersAndActivityAreHeavyTailed) {
  std::vector<std::uint32_t> followers;
  std::map<std::uint32_t, std::uint32_t> tweets_by_account;
  for (const SimAccount& account : population_->accounts()) followers.push_back(account.followers);
  for (const SimPost& post : story_->posts) ++tweets_by_account[post.account];
  std::sort(followers.begin(), followers.end());
  EXPECT_GT(followers.back(), 300 * followers[followers.size() / 2]);
  std::vector<std::uint32_t> activity;
  for (const auto& [account, count] : tweets_by_account) activity.push_back(count);
  std::sort(activity.rbegin(), activity.rend());
  std::uint64_t top = 0, total = 0;
  for (std::size_t i = 0; i < activity.size(); ++i) {
    total += activity[i];
    if (i < activity.size() / 10) top += activity[i];
  }
  EXPECT_GT(static_cast<double>(top) / static_cast<double>(total), 0.4);  // the top tenth writes a large share
}

TEST_F(Story200k, RepostingStaysMostlyInsideCommunities) {
  std::uint64_t inside = 0, across = 0;
  for (const SimPost& post : story_->posts) {
    if (post.exposure == no_post || post.burst != no_post) continue;
    (author(post.exposure).community == population_->account(post.account).community ? inside : across)++;
  }
  double share = static_cast<double>(across) / static_cast<double>(inside + across);
  EXPECT_GT(share, parameters_->cross_community_share * 0.5);
  EXPECT_LT(share, parameters_->cross_community_share * 1.5);
}

TEST_F(Story200k, EachCommunityFollowsItsOwnDailyRhythm) {
  for (std::uint32_t c = 0; c < population_->communities().size(); ++c) {
    const int offset = population_->community(c).profile.utc_offset_hours;
    std::uint64_t night = 0, evening = 0;
    for (const SimPost& post : story_->posts) {
      if (population_->account(post.account).community != c) continue;
      const std::int64_t local_hour = (((post.time / hour + offset) % 24) + 24) % 24;
      if (local_hour >= 2 && local_hour < 6) ++night;
      if (local_hour >= 18 && local_hour < 22) ++evening;
    }
    EXPECT_LT(static_cast<double>(night), 0.5 * static_cast<double>(evening)) << "community " << c;
  }
}

TEST_F(Story200k, RepostDelaysRunFromSecondsToDays) {
  std::vector<TimeMs> delays;
  for (const SimPost& post : story_->posts) {
    if (post.kind == PostKind::repost && post.exposure != no_post && post.burst == no_post) {
      delays.push_back(post.time - story_->posts[post.exposure].time);
    }
  }
  std::sort(delays.begin(), delays.end());
  EXPECT_LT(delays[delays.size() / 10], 60 * 1000);   // a tenth within a minute
  EXPECT_GT(delays[delays.size() * 995 / 1000], 12 * hour);  // and a tail past half a day
}

TEST_F(Story200k, HubsAmplifyEarlyInTheOriginCommunity) {
  ASSERT_EQ(story_->hub_posts.size(), parameters_->hubs);
  const TimeMs first = story_->posts[story_->first_tweet].time;
  for (std::uint32_t post : story_->hub_posts) {
    EXPECT_EQ(author(post).role, Role::hub);
    EXPECT_EQ(author(post).community, 0u);
    EXPECT_LT(story_->posts[post].time - first, hour);
  }
}

TEST_F(Story200k, TheSubjectReachesEveryCommunityThroughAnEarlierShare) {
  std::vector<BridgeFact> entries = community_entries(*story_, *population_);
  ASSERT_EQ(entries.size(), population_->communities().size());
  EXPECT_EQ(entries.front().post, story_->first_tweet);
  std::size_t designated = 0;
  for (std::size_t i = 1; i < entries.size(); ++i) {
    ASSERT_NE(entries[i].from_post, no_post);
    EXPECT_NE(author(entries[i].from_post).community, entries[i].community);
    EXPECT_GE(story_->posts[entries[i].post].time, story_->posts[entries[i - 1].post].time);
    designated += author(entries[i].post).role == Role::bridge;
  }
  EXPECT_GE(designated, 1u);
}

TEST_F(Story200k, BotsPostInSynchronisedBurstsFromFreshDefaultAccounts) {
  ASSERT_EQ(story_->bursts.size(), parameters_->bursts);
  for (const Burst& burst : story_->bursts) {
    ASSERT_FALSE(burst.posts.empty());
    TimeMs earliest = INT64_MAX, latest = INT64_MIN;
    for (std::uint32_t post : burst.posts) {
      const SimAccount& bot = author(post);
      EXPECT_EQ(bot.role, Role::bot);
      EXPECT_TRUE(bot.default_profile);
      EXPECT_GT(bot.created_at, parameters_->start - 60 * 24 * hour);
      earliest = std::min(earliest, story_->posts[post].time);
      latest = std::max(latest, story_->posts[post].time);
    }
    EXPECT_LT(latest - earliest, 60 * 1000);
    EXPECT_LT(story_->posts[burst.target].time, earliest);
  }
}

}  // namespace
}  // namespace leaktrace::simulate
