#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "analysis/account_ranking.h"
#include "analysis/communities.h"
#include "analysis/diffusion_parents.h"
#include "analysis/follow_graph.h"
#include "analysis/origin.h"
#include "analysis/subject.h"
#include "graph/account_graph.h"
#include "graph/account_graph_builder.h"
#include "workspace/dataset.h"

namespace leaktrace {

struct InvestigationOptions {
  InteractionTypes community_edges = InteractionTypes::parse("repost,quote,reply,mention");
  double resolution = 1.0;
  std::uint64_t seed = 42;
  std::size_t leiden_runs = 0;  // CommunityParameters::runs
  ParentAssumption parent = ParentAssumption::latest_tie;
  const FollowGraph* follows = nullptr;  // a collected follower graph, if any
  OriginParameters origin;
};

// The analyses of one subject on one dataset, wired together: each step is computed on first use
// and kept, so that a command (and the report) pays only for what it shows.
//
// Communities are a property of the population, found on everything the accounts did, with
// reposts rewired to their reconstructed diffusion parents (the API names only the root of a
// retweet chain), plus follows when a follower graph was collected; the subject's shares label them.
class Investigation {
 public:
  Investigation(const Dataset& dataset, Subject subject, InvestigationOptions options = {});
  const Dataset& dataset() const { return dataset_; }
  const Subject& subject() const { return subject_; }
  const InvestigationOptions& options() const { return options_; }

  const SubjectMatch& subject_match();
  const AccountGraph& whole_graph();    // all posts, all interaction types: who is tied to whom
  const AccountGraph& subject_graph();  // what the subject's shares did, plus every sharer
  const AccountGraph& community_graph();
  // Begins Leiden on the community graph on the second core, so that what does not depend on the
  // communities (the community graph here, the ranking, the parents) can be computed meanwhile.
  void start_communities();
  const CommunityDetection& communities();
  const AccountRanking& ranking();  // on the subject graph
  const DiffusionParents& parents();  // of the subject's shares
  const OriginTrace& origin();
  // The community of each node of a graph of this dataset, -1 for none.
  std::vector<std::int64_t> communities_of(const AccountGraph& graph);
  // The most amplified accounts of the subject graph, as Dataset accounts.
  std::vector<std::uint32_t> hubs(std::size_t count);

 private:
  const AccountGraph* ties_for(ParentAssumption assumption);
  const DiffusionParents& parents_of_every_post();  // what the community graph's reposts come from
  AccountGraphOptions community_graph_options();
  CommunityParameters community_parameters() const;
  void make_communities(std::unique_ptr<ig::BackgroundLeiden> started = nullptr);
  AccountGraph build_subject_graph();

  const Dataset& dataset_;
  Subject subject_;
  InvestigationOptions options_;
  std::unique_ptr<SubjectMatch> match_;
  std::unique_ptr<AccountGraph> whole_graph_;
  std::unique_ptr<AccountGraph> subject_graph_;
  std::unique_ptr<AccountGraph> community_graph_;
  std::unique_ptr<CommunityDetection> communities_;
  std::unique_ptr<AccountRanking> ranking_;
  std::unique_ptr<DiffusionParents> parents_;
  std::unique_ptr<SubjectMatch> all_posts_;
  std::unique_ptr<DiffusionParents> all_parents_;
  std::unique_ptr<OriginTrace> origin_;
};

}  // namespace leaktrace
