#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "analysis/account_ranking.h"
#include "analysis/communities.h"
#include "analysis/diffusion_parents.h"
#include "analysis/origin.h"
#include "analysis/subject.h"
#include "graph/account_graph.h"
#include "workspace/dataset.h"

namespace CLI {
class App;
}

namespace leaktrace {

// What every analysis subcommand reads: a workspace, or raw files ingested into a temporary one,
// and an optional subject; with the options that shape the shared steps (communities, parents).
struct AnalysisOptions {
  std::string workspace;
  std::vector<std::string> arguments;  // INPUT files and SUBJECT terms, told apart by their form
  std::string board;
  bool json = false;
  // Communities.
  std::string community_edges = "repost,quote,reply,mention";
  double resolution = 1.0;
  std::uint64_t seed = 42;
  // Diffusion parents of reposts (cascades, bridges).
  std::string parent = "latest-tie";
  std::string follow_graph;
};

void add_input_options(CLI::App& app, AnalysisOptions& options);
// Communities, and the diffusion parents their graph and the bridges and cascades rest on.
void add_community_options(CLI::App& app, AnalysisOptions& options);
void add_parent_options(CLI::App& app, AnalysisOptions& options);

// Loads once and computes each shared step on first use, so that a command (and the report) pays
// only for what it shows.
class AnalysisSession {
 public:
  explicit AnalysisSession(AnalysisOptions options);
  ~AnalysisSession();
  AnalysisSession(const AnalysisSession&) = delete;
  AnalysisSession& operator=(const AnalysisSession&) = delete;

  const AnalysisOptions& options() const { return options_; }
  const std::string& workspace_path() const { return workspace_path_; }
  bool temporary_workspace() const { return !temporary_dir_.empty(); }
  const std::vector<std::string>& inputs() const { return inputs_; }

  const Dataset& dataset();
  const Subject& subject() const { return subject_; }
  const SubjectMatch& subject_match();
  // All posts, all interaction types: who is tied to whom anywhere in the data.
  const AccountGraph& whole_graph();
  // The interactions made by the subject's shares (all types), plus every sharer.
  const AccountGraph& subject_graph();
  // The amplification graph communities are found on: everything the accounts did, reposts
  // rewired to their reconstructed diffusion parents (--parent), since the API names only roots.
  const AccountGraph& community_graph();
  const CommunityDetection& communities();
  const AccountRanking& ranking();  // on the subject graph
  const DiffusionParents& parents();  // of the subject's shares
  const FollowGraph* follow_graph();  // when --follow-graph was given
  const OriginTrace& origin(OriginParameters parameters = {});
  // The community of each node of `graph` (a graph of this session's dataset), -1 for none.
  std::vector<std::int64_t> communities_of(const AccountGraph& graph);
  // The most amplified accounts of the subject graph, as Dataset accounts.
  std::vector<std::uint32_t> hubs(std::size_t count);

 private:
  void ingest_inputs();

  AnalysisOptions options_;
  Subject subject_;
  std::vector<std::string> inputs_;
  std::string workspace_path_;
  std::string temporary_dir_;
  std::optional<Dataset> dataset_;
  std::unique_ptr<SubjectMatch> match_;
  std::unique_ptr<AccountGraph> whole_graph_;
  std::unique_ptr<AccountGraph> community_graph_;
  std::unique_ptr<AccountGraph> subject_graph_;
  std::unique_ptr<CommunityDetection> communities_;
  std::unique_ptr<AccountRanking> ranking_;
  std::unique_ptr<FollowGraph> follows_;
  std::unique_ptr<DiffusionParents> parents_;
  std::unique_ptr<SubjectMatch> all_posts_;
  std::unique_ptr<DiffusionParents> all_parents_;
  bool follows_loaded_ = false;
  std::unique_ptr<OriginTrace> origin_;
};

}  // namespace leaktrace
