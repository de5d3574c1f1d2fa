#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "analysis/investigation.h"
#include "workspace/dataset.h"

namespace CLI {
class App;
}

namespace leaktrace {

// What every analysis subcommand reads: a workspace, or raw files ingested into a temporary one,
// and an optional subject; with the options that shape the shared steps.
struct AnalysisOptions {
  std::string workspace;
  std::vector<std::string> arguments;  // INPUT files and SUBJECT terms, told apart by their form
  std::string board;
  bool json = false;
  std::string community_edges = "repost,quote,reply,mention";
  double resolution = 1.0;
  std::uint64_t seed = 42;
  std::string parent = "latest-tie";
  std::string follow_graph;
  OriginParameters origin;
};

void add_input_options(CLI::App& app, AnalysisOptions& options);
// Communities, and the diffusion parents their graph, the bridges and the cascades rest on.
void add_community_options(CLI::App& app, AnalysisOptions& options);

// The command line's side of an Investigation: finds the inputs and the subject among the
// arguments, ingests raw files into a temporary workspace (removed at the end), loads the dataset
// (with texts only when the subject needs them) and the follower graph.
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
  const FollowGraph* follow_graph();
  Investigation& investigation();

  // Shorthands for the investigation's steps.
  const SubjectMatch& subject_match() { return investigation().subject_match(); }
  const AccountGraph& whole_graph() { return investigation().whole_graph(); }
  const AccountGraph& subject_graph() { return investigation().subject_graph(); }
  const AccountGraph& community_graph() { return investigation().community_graph(); }
  const CommunityDetection& communities() { return investigation().communities(); }
  const AccountRanking& ranking() { return investigation().ranking(); }
  const DiffusionParents& parents() { return investigation().parents(); }
  const OriginTrace& origin() { return investigation().origin(); }

 private:
  void ingest_inputs();

  AnalysisOptions options_;
  Subject subject_;
  std::vector<std::string> inputs_;
  std::string workspace_path_;
  std::string temporary_dir_;
  std::optional<Dataset> dataset_;
  std::optional<FollowGraph> follows_;
  bool follows_loaded_ = false;
  std::unique_ptr<Investigation> investigation_;
};

}  // namespace leaktrace
