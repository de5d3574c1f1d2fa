#include "analysis/origin.h"

#include <gtest/gtest.h>

#include "unit/analysis/analysis_test_data.h"

namespace leaktrace {
namespace {

//   paste (t=0) <- 4chan OP (t=10, cites the paste, no #tag) <- reply (t=12)
//   tweet A (t=20, #leak, cites the OP) <- 12 retweets (t=21..32)
//   an unrelated earlier tweet B (t=5, #leak, cites nothing): the chain ignores it
class OriginTest : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::SmallDataset data;
    auto paster = data.account("paste:K", Platform::pastebin);
    auto anon = data.account("thread:pol/1", Platform::fourchan);
    auto alice = data.account("alice");
    auto bob = data.account("bob");
    paste_ = data.post("K", paster, 0, PostKind::original, "", Platform::pastebin);
    op_ = data.post("pol/1", anon, 10, PostKind::original, "", Platform::fourchan);
    data.builder().add_citation(op_, Platform::pastebin, "K");
    data.post("pol/2", anon, 12, PostKind::reply, "pol/1", Platform::fourchan);
    tweet_ = data.post("100", alice, 20);
    data.builder().add_hashtag(tweet_, "leak");
    data.builder().add_citation(tweet_, Platform::fourchan, "pol/1");
    early_ = data.post("50", bob, 5);
    data.builder().add_hashtag(early_, "leak");
    for (int i = 0; i < 12; ++i) {
      auto fan = data.account("fan" + std::to_string(i));
      data.post(std::to_string(200 + i), fan, 21 + i, PostKind::repost, "100");
    }
    dataset_ = data.finish();
    match_ = std::make_unique<SubjectMatch>(dataset_, Subject::parse("#leak"));
    match_->run();
  }
  Dataset dataset_;
  std::unique_ptr<SubjectMatch> match_;
  std::uint32_t paste_, op_, tweet_, early_;
};

TEST_F(OriginTest, ChainFollowsCitationsBackAcrossPlatforms) {
  OriginTrace origin(dataset_, *match_, nullptr, {.first_sharers = 3, .amplification_shares = 10});
  origin.run();
  ASSERT_EQ(origin.chain().size(), 3u);
  EXPECT_EQ(origin.chain()[0].post, paste_);
  EXPECT_EQ(origin.chain()[0].tie, OriginStep::Tie::none);
  EXPECT_EQ(origin.chain()[1].post, op_);
  EXPECT_EQ(origin.chain()[1].tie, OriginStep::Tie::cites);
  EXPECT_EQ(origin.chain()[2].post, tweet_);
  EXPECT_EQ(origin.traced_posts(), 16u);  // 14 shares, the OP and the paste
}

TEST_F(OriginTest, FirstAppearancesSharersAndAmplification) {
  OriginTrace origin(dataset_, *match_, nullptr, {.first_sharers = 3, .amplification_shares = 10});
  origin.run();
  ASSERT_EQ(origin.first_by_platform().size(), 3u);
  EXPECT_EQ(origin.first_by_platform()[0], std::make_pair(Platform::pastebin, paste_));
  EXPECT_EQ(origin.first_by_platform()[1].second, early_);  // twitter's first is the unrelated tweet at t=5
  EXPECT_EQ(origin.first_by_platform()[2], std::make_pair(Platform::fourchan, op_));
  ASSERT_EQ(origin.first_sharers().size(), 3u);
  EXPECT_EQ(origin.first_sharers()[0], early_);
  EXPECT_EQ(origin.first_sharers()[1], tweet_);
  ASSERT_TRUE(origin.amplification());
  EXPECT_EQ(origin.amplification()->post, tweet_);
  EXPECT_EQ(origin.amplification()->shares, 12);
  EXPECT_EQ(origin.amplification()->reached, 30);  // the 10th retweet
  EXPECT_TRUE(origin.first_by_community().empty());
}

TEST_F(OriginTest, NothingSharedGivesAnEmptyChain) {
  SubjectMatch none(dataset_, Subject::parse("#absent"));
  none.run();
  OriginTrace origin(dataset_, none);
  origin.run();
  EXPECT_TRUE(origin.chain().empty());
  EXPECT_FALSE(origin.amplification());
}

TEST(OriginTie, NamesAreTheWordsOfTheOutput) {
  EXPECT_EQ(origin_tie_name(OriginStep::Tie::cites), "cites");
  EXPECT_EQ(origin_tie_name(OriginStep::Tie::tied), "tied-to");
}

}  // namespace
}  // namespace leaktrace
