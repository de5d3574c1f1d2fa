#include "analysis/cascades.h"

#include <gtest/gtest.h>

#include "graph/account_graph_builder.h"
#include "unit/analysis/analysis_test_data.h"

namespace leaktrace {
namespace {

// root by r (t=0) reposted by a (t=1), b (t=2), c (t=3); c interacted with b elsewhere (a reply), so
// latest-tie puts c under b. A quote by q (t=4) of the root and a repost of the quote by a (t=5).
// A second original by r (t=6) nobody shared.
class CascadesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::SmallDataset data;
    auto r = data.account("r"), a = data.account("a"), b = data.account("b"), c = data.account("c"), q = data.account("q");
    root_ = data.post("1", r, 0);
    data.post("2", a, 1, PostKind::repost, "1");
    data.post("3", b, 2, PostKind::repost, "1");
    data.post("4", c, 3, PostKind::repost, "1");
    data.post("5", q, 4, PostKind::quote, "1");
    data.post("6", a, 5, PostKind::repost, "5");
    lonely_ = data.post("7", r, 6);
    auto elsewhere = data.post("8", b, -10);
    data.post("9", c, -9, PostKind::reply, "8");
    (void)elsewhere;
    dataset_ = data.finish();
    match_ = std::make_unique<SubjectMatch>(dataset_, Subject::parse("from:@r"));
    match_->run();
    ties_ = build_account_graph(dataset_);
  }
  Dataset dataset_;
  std::unique_ptr<SubjectMatch> match_;
  AccountGraph ties_;
  std::uint32_t root_, lonely_;
};

TEST_F(CascadesTest, TreesUnderTheRootAssumption) {
  DiffusionParents parents(dataset_, *match_, ParentAssumption::root);
  parents.run();
  CascadeReconstruction cascades(dataset_, *match_, parents);
  cascades.run();
  ASSERT_EQ(cascades.tree_count(), 2u);
  EXPECT_EQ(cascades.roots()[0], root_);
  // Breadth-first, each parent's children in time order: the reposts and the quote, then the
  // repost of the quote.
  const CascadeTree tree = cascades.tree(0);
  ASSERT_EQ(tree.size(), 6u);
  EXPECT_EQ(tree.id, "1");
  std::vector<std::string> posts;
  std::vector<std::uint32_t> in_tree;
  for (const CascadeNode& node : tree.nodes) {
    posts.push_back(node.post);
    in_tree.push_back(node.parent);
  }
  EXPECT_EQ(posts, (std::vector<std::string>{"1", "2", "3", "4", "5", "6"}));
  EXPECT_EQ(in_tree, (std::vector<std::uint32_t>{no_index, 0, 0, 0, 0, 4}));
  EXPECT_EQ(tree.nodes[5].user, dataset_.account_native_id(dataset_.post_author(cascades.tree_posts(0)[5])));
  EXPECT_EQ(cascades.tree_posts(1).front(), lonely_);
  EXPECT_EQ(cascades.roots()[1], lonely_);
  const CascadeMetrics& big = cascades.metrics()[0];
  EXPECT_EQ(big.size, 6u);  // the root, three reposts, the quote and the repost of the quote
  EXPECT_EQ(big.depth, 2u);
  EXPECT_EQ(big.max_breadth, 4u);
  EXPECT_EQ(cascades.metrics()[1].size, 1u);
  ASSERT_FALSE(cascades.spreaders().empty());
  EXPECT_EQ(dataset_.account_handle(cascades.spreaders()[0].first), "r");
  EXPECT_EQ(cascades.spreaders()[0].second, 4);
  CascadeDatasetSummary summary = cascades.summary();
  EXPECT_EQ(summary.trees, 2u);
  EXPECT_EQ(summary.posts, 7u);
  EXPECT_EQ(summary.users, 5u);  // r, a, b, c, q
  EXPECT_EQ(summary.max_posts, 6u);
  EXPECT_EQ(summary.min_posts, 1u);
  EXPECT_DOUBLE_EQ(summary.average_posts, 3.5);
}

TEST_F(CascadesTest, LatestTieDeepensTheTreeAndMovesTheSpreaders) {
  DiffusionParents root_parents(dataset_, *match_, ParentAssumption::root);
  root_parents.run();
  DiffusionParents tie_parents(dataset_, *match_, ParentAssumption::latest_tie, &ties_);
  tie_parents.run();
  CascadeReconstruction under_root(dataset_, *match_, root_parents);
  CascadeReconstruction under_ties(dataset_, *match_, tie_parents);
  under_root.run();
  under_ties.run();
  EXPECT_EQ(under_ties.metrics()[0].size, 6u);
  EXPECT_EQ(under_ties.metrics()[0].depth, 2u);
  EXPECT_GT(under_ties.metrics()[0].structural_virality, under_root.metrics()[0].structural_virality);
  EXPECT_EQ(spreaders_under(dataset_, *match_, root_parents), under_root.spreaders()) << "the same without the trees";
  EXPECT_EQ(spreaders_under(dataset_, *match_, tie_parents), under_ties.spreaders());
  std::vector<SpreaderChange> changes = compare_spreaders(under_root, under_ties, 3);
  bool b_gained = false;
  for (const SpreaderChange& change : changes) {
    if (dataset_.account_handle(change.account) == "b") b_gained = change.first == 0 && change.second == 1;
  }
  EXPECT_TRUE(b_gained);
}

}  // namespace
}  // namespace leaktrace
