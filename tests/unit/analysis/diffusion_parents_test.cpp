#include "analysis/diffusion_parents.h"

#include <gtest/gtest.h>

#include "graph/account_graph_builder.h"
#include "unit/analysis/analysis_test_data.h"

namespace leaktrace {
namespace {

// root by r (t=0); b reposts it (t=10), then c (t=20), then d (t=30). The API names r as the
// parent of all three. d replied to b twice elsewhere (its tie); c follows b.
class DiffusionParentsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::SmallDataset data;
    r_ = data.account("r");
    b_ = data.account("b");
    c_ = data.account("c");
    d_ = data.account("d");
    root_ = data.post("1", r_, 0);
    by_b_ = data.post("2", b_, 10, PostKind::repost, "1");
    by_c_ = data.post("3", c_, 20, PostKind::repost, "1");
    by_d_ = data.post("4", d_, 30, PostKind::repost, "1");
    auto other = data.post("5", b_, 1);
    data.post("6", d_, 2, PostKind::reply, "5");
    data.post("7", d_, 3, PostKind::reply, "5");
    (void)other;
    dataset_ = data.finish();
    match_ = std::make_unique<SubjectMatch>(dataset_, Subject::parse("post:twitter:1"));
    match_->run();
    ties_ = build_account_graph(dataset_);
    follows_.add(c_, b_);
  }
  Dataset dataset_;
  std::unique_ptr<SubjectMatch> match_;
  AccountGraph ties_;
  FollowGraph follows_;
  std::uint32_t r_, b_, c_, d_, root_, by_b_, by_c_, by_d_;
};

TEST_F(DiffusionParentsTest, RootAssumptionIsWhatTheApiSays) {
  DiffusionParents parents(dataset_, *match_, ParentAssumption::root);
  parents.run();
  EXPECT_EQ(parents.parent(by_b_), root_);
  EXPECT_EQ(parents.parent(by_c_), root_);
  EXPECT_EQ(parents.parent(by_d_), root_);
  EXPECT_EQ(parents.rewired(), 0u);
}

TEST_F(DiffusionParentsTest, LatestTieGoesThroughTheAccountOneIsTiedTo) {
  DiffusionParents parents(dataset_, *match_, ParentAssumption::latest_tie, &ties_);
  parents.run();
  EXPECT_EQ(parents.parent(by_b_), root_);
  EXPECT_EQ(parents.parent(by_c_), root_);  // c interacted with nobody
  EXPECT_EQ(parents.parent(by_d_), by_b_);  // d answered b twice
  EXPECT_EQ(parents.rewired(), 1u);
}

TEST_F(DiffusionParentsTest, FollowGraphGoesThroughTheLatestFollowedSharer) {
  DiffusionParents parents(dataset_, *match_, ParentAssumption::follow_graph, nullptr, &follows_);
  parents.run();
  EXPECT_EQ(parents.parent(by_c_), by_b_);
  EXPECT_EQ(parents.parent(by_d_), root_);  // d follows nobody
}

TEST_F(DiffusionParentsTest, ReadOffThoseOfEveryPostTheyAreTheSameAsSearchedAgain) {
  SubjectMatch everything(dataset_, Subject());
  everything.run();
  for (ParentAssumption assumption : {ParentAssumption::latest_tie, ParentAssumption::follow_graph}) {
    DiffusionParents of_every_post(dataset_, everything, assumption, &ties_, &follows_);
    of_every_post.run();
    DiffusionParents read_off(dataset_, *match_, of_every_post);
    read_off.run();
    DiffusionParents searched(dataset_, *match_, assumption, &ties_, &follows_);
    searched.run();
    EXPECT_EQ(read_off.parents(), searched.parents()) << parent_assumption_name(assumption);
    EXPECT_EQ(read_off.rewired(), searched.rewired());
    EXPECT_EQ(read_off.assumption(), assumption);
  }
}

TEST_F(DiffusionParentsTest, OnlyThoseOfEveryPostCanBeReadOff) {
  DiffusionParents of_the_subject(dataset_, *match_, ParentAssumption::latest_tie, &ties_);
  of_the_subject.run();
  DiffusionParents read_off(dataset_, *match_, of_the_subject);
  EXPECT_THROW(read_off.run(), std::invalid_argument);
}

TEST(ParentAssumption, NamesRoundTripAndBadOnesSayWhatIsAccepted) {
  for (ParentAssumption a : {ParentAssumption::root, ParentAssumption::latest_tie, ParentAssumption::follow_graph}) {
    EXPECT_EQ(parent_assumption_from_name(parent_assumption_name(a)), a);
  }
  try {
    parent_assumption_from_name("nearest");
    FAIL();
  } catch (const std::invalid_argument& error) {
    EXPECT_NE(std::string(error.what()).find("latest-tie"), std::string::npos);
  }
}

TEST(FollowGraph, FolloweesAndPairs) {
  FollowGraph graph;
  graph.add(1, 2);
  graph.add(1, 3);
  graph.add(2, 1);
  EXPECT_TRUE(graph.follows(1, 3));
  EXPECT_FALSE(graph.follows(3, 1));
  graph.add(1, 2);  // a repeat is one follow
  auto followees = graph.followees(1);
  EXPECT_EQ(std::vector<std::uint32_t>(followees.begin(), followees.end()), (std::vector<std::uint32_t>{2, 3}));
  EXPECT_EQ(graph.size(), 3u);
  EXPECT_TRUE(graph.followees(7).empty());
  EXPECT_EQ(graph.pairs(), (std::vector<std::pair<std::uint32_t, std::uint32_t>>{{1, 2}, {1, 3}, {2, 1}}));
}

}  // namespace
}  // namespace leaktrace
