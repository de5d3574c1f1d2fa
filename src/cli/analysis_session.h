#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "analysis/investigation.h"
#include "graph/imported_network.h"
#include "workspace/dataset.h"
#include "workspace/dataset_loader.h"

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
  bool texts = false;  // load post texts even when the subject does not need them
  std::string community_edges = "repost,quote,reply,mention";
  double resolution = 1.0;
  std::uint64_t seed = 42;
  std::size_t leiden_runs = 0;
  std::string parent = "latest-tie";
  std::string follow_graph;
  std::vector<std::string> attribute_files;  // node attributes for an imported network
  OriginParameters origin;
};

void add_input_options(CLI::App& app, AnalysisOptions& options);
// Communities, and the diffusion parents their graph, the bridges and the cascades rest on.
void add_community_options(CLI::App& app, AnalysisOptions& options);
// For the commands that also read networks collected elsewhere (accounts, communities, export, map).
void add_network_options(CLI::App& app, AnalysisOptions& options);

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

  // The inputs are a network another tool produced (CSV edge list, GML, GraphML, GEXF) and not
  // posts: the commands that can work on a bare graph use network() instead of the dataset.
  bool reads_network() const { return network_.has_value(); }
  const ImportedNetwork& network() const;

  // Throws, saying what to give instead, when the inputs are a network.
  const Dataset& dataset();
  const Subject& subject() const { return subject_; }
  const FollowGraph* follow_graph();
  Investigation& investigation();
  // A post's text, from the dataset or, when it was loaded without texts, from the workspace.
  std::string post_text(std::uint32_t post);

  // The graph `accounts`, `communities`, `export` and `map` show: the imported network, or the
  // subject's graph; its ranking and communities, and each node's community.
  const AccountGraph& shown_graph();
  const AccountRanking& shown_ranking();
  const CommunityDetection& shown_communities();
  std::vector<std::int64_t> shown_communities_of_nodes();

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
  bool inputs_are_network() const;
  void read_network_inputs();

  AnalysisOptions options_;
  Subject subject_;
  std::vector<std::string> inputs_;
  std::string workspace_path_;
  std::string temporary_dir_;
  std::optional<ImportedNetwork> network_;
  std::optional<Dataset> dataset_;
  std::optional<Workspace> text_workspace_;
  std::unique_ptr<PostTextReader> text_reader_;
  std::optional<FollowGraph> follows_;
  bool follows_loaded_ = false;
  std::unique_ptr<Investigation> investigation_;
  std::unique_ptr<AccountRanking> network_ranking_;
  std::unique_ptr<CommunityDetection> network_communities_;
};

}  // namespace leaktrace
