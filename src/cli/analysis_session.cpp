#include "cli/analysis_session.h"

#include <unistd.h>

#include <filesystem>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/diagnostics.h"
#include "graph/network_reader.h"
#include "graph/node_attribute_table.h"
#include "ingest/format_sniffer.h"
#include "ingest/input_source.h"
#include "workspace/dataset_loader.h"
#include "workspace/ingestion.h"
#include "workspace/workspace.h"

namespace leaktrace {

void add_input_options(CLI::App& app, AnalysisOptions& options) {
  app.add_option("-w,--workspace", options.workspace,
                 fmt::format("Workspace to read (default {}, unless input files are given)", default_workspace_path));
  app.add_option("inputs", options.arguments,
                 "Input files or folders to ingest into a temporary workspace first, and the SUBJECT: #tag, "
                 "url:PREFIX, domain:example.org, text:/regex/, post:PLATFORM:ID, from:@handle (',' = any)");
  app.add_option("--board", options.board, "4chan board of input threads whose export does not name it (e.g. pol)");
  app.add_flag("--json", options.json, "Print the result as JSON");
}

void add_community_options(CLI::App& app, AnalysisOptions& options) {
  app.add_option("--resolution", options.resolution, "Leiden resolution (higher: smaller communities)")
      ->capture_default_str();
  app.add_option("--seed", options.seed, "Random seed of Leiden and of sampled betweenness")->capture_default_str();
  app.add_option("--leiden-runs", options.leiden_runs,
                 "Leiden runs from seeds seed, seed+1, ...; the most modular is kept (default: 5 up to 100,000 "
                 "accounts, else 1)");
  app.add_option("--community-edges", options.community_edges,
                 "Edge types communities are found on (repost, quote, reply, mention, citation, all); follows "
                 "too when --follow-graph is given")
      ->capture_default_str();
  app.add_option("--parent", options.parent,
                 "Whom a repost came from: root (as the API says), latest-tie (the earlier sharer the account "
                 "interacted with most, the latest of equals), follow-graph (the latest earlier sharer it follows; "
                 "needs --follow-graph)")
      ->capture_default_str();
  app.add_option("--follow-graph", options.follow_graph,
                 "A collected follower graph: lines 'FOLLOWER FOLLOWEE' (account ids or @handles; plain, gzip or "
                 "zstd). Communities use its follows too");
}

void add_network_options(CLI::App& app, AnalysisOptions& options) {
  app.add_option("--attributes", options.attribute_files,
                 "For an input network: a node attribute table (node<TAB>value lines, or a CSV with a header) "
                 "added by node id; repeatable");
}

AnalysisSession::AnalysisSession(AnalysisOptions options) : options_(std::move(options)) {
  std::string subject_text;
  for (const std::string& argument : options_.arguments) {
    if (Subject::looks_like_subject(argument) && !std::filesystem::exists(argument)) {
      subject_text += (subject_text.empty() ? "" : ",") + argument;
    } else {
      inputs_.push_back(argument);
    }
  }
  subject_ = Subject::parse(subject_text);
  parent_assumption_from_name(options_.parent);  // a bad --parent fails before any work
  InteractionTypes::parse(options_.community_edges);
  if (!inputs_.empty() && !options_.workspace.empty()) {
    throw std::invalid_argument("give either -w WORKSPACE or input files, not both");
  }
  if (inputs_.empty()) {
    workspace_path_ = options_.workspace.empty() ? default_workspace_path : options_.workspace;
  } else if (inputs_are_network()) {
    read_network_inputs();
  } else {
    ingest_inputs();
  }
}

// A network file is one no reader of posts recognises and that is no JSON either.
bool AnalysisSession::inputs_are_network() const {
  for (const std::string& path : inputs_) {
    if (path == "-" || std::filesystem::is_directory(path)) return false;
    std::string head(64 * 1024, '\0');
    try {
      InputSource input(path);
      head.resize(input.read(head.data(), head.size()));
    } catch (const InputError&) {
      return false;  // the ingest reports it
    }
    std::size_t first = head.find_first_not_of(" \t\r\n");
    if (sniff_format(head) || (first != std::string::npos && (head[first] == '{' || head[first] == '['))) return false;
    if (!detect_network_format(head)) return false;
  }
  return true;
}

void AnalysisSession::read_network_inputs() {
  if (inputs_.size() != 1) throw std::invalid_argument("give one network file at a time");
  network_ = read_network(inputs_.front());
  for (const InputRejection& r : network_->rejections) report_warning(fmt::format("{}:{}: {}", r.file, r.line, r.reason));
  for (const std::string& note : network_->notes) report_note(note);
  for (const std::string& file : options_.attribute_files) {
    NodeAttributeTable table = read_node_attribute_table(file);
    std::vector<InputRejection> unknown;
    network_->graph = with_node_attributes(network_->graph, table, &unknown);
    if (!unknown.empty()) report_note(fmt::format("{}: {} rows name no node of the network", file, unknown.size()));
  }
}

const ImportedNetwork& AnalysisSession::network() const {
  if (!network_) throw std::logic_error("the inputs are posts, not a network");
  return *network_;
}

AnalysisSession::~AnalysisSession() {
  if (!temporary_dir_.empty()) {
    std::error_code ignored;
    std::filesystem::remove_all(temporary_dir_, ignored);
  }
}

void AnalysisSession::ingest_inputs() {
  std::string pattern = (std::filesystem::temp_directory_path() / "leaktrace-XXXXXX").string();
  if (!mkdtemp(pattern.data())) throw std::runtime_error("cannot create a temporary folder for the workspace");
  temporary_dir_ = pattern;
  workspace_path_ = temporary_dir_ + "/workspace.db";
  auto workspace = Workspace::open_for_writing(workspace_path_);
  IngestOptions ingest;
  ingest.stream.reader.board = options_.board;
  Ingestion ingestion(workspace, inputs_, ingest);
  ingestion.run();
  for (const IngestedFile& file : ingestion.files()) {
    if (!file.error.empty()) report_warning(fmt::format("{}: {}", file.path, file.error));
  }
  if (ingestion.totals().rejected > 0) {
    report_note(fmt::format("{} records could not be read (ingest into a workspace and run `leaktrace info "
                            "--rejected` to list them)",
                            ingestion.totals().rejected));
  }
  if (ingestion.totals().posts_read == 0) throw std::runtime_error("no posts could be read from the input files");
}

std::string AnalysisSession::post_text(std::uint32_t post) {
  const Dataset& d = dataset();
  if (d.has_text()) return std::string(d.post_text(post));
  if (!text_reader_) {
    text_workspace_.emplace(Workspace::open_for_reading(workspace_path_));
    text_reader_ = std::make_unique<PostTextReader>(*text_workspace_, d);
  }
  return text_reader_->text(post);
}

const Dataset& AnalysisSession::dataset() {
  if (network_) {
    throw std::invalid_argument(fmt::format(
        "{} is a network, not posts: this command needs posts (a workspace, or native exports); accounts, "
        "communities, export and map also read networks",
        network_->path));
  }
  if (!dataset_) {
    Workspace workspace = Workspace::open_for_reading(workspace_path_);
    dataset_ = load_dataset(workspace, {.texts = subject_.needs_text() || options_.texts});
  }
  return *dataset_;
}

const FollowGraph* AnalysisSession::follow_graph() {
  if (!follows_loaded_) {
    follows_loaded_ = true;
    if (!options_.follow_graph.empty()) {
      FollowGraphFile file = read_follow_graph(options_.follow_graph, dataset());
      if (!file.damage.empty()) {
        report_warning(fmt::format("{}: {}; the follows before the damage are used", options_.follow_graph, file.damage));
      }
      if (file.unknown > 0) {
        report_note(fmt::format("{} lines of {} name accounts that are not in the data", file.unknown,
                                options_.follow_graph));
      }
      follows_ = std::move(file.graph);
    }
  }
  return follows_ ? &*follows_ : nullptr;
}

Investigation& AnalysisSession::investigation() {
  if (!investigation_) {
    InvestigationOptions options;
    options.community_edges = InteractionTypes::parse(options_.community_edges);
    options.resolution = options_.resolution;
    options.seed = options_.seed;
    options.leiden_runs = options_.leiden_runs;
    options.parent = parent_assumption_from_name(options_.parent);
    options.follows = follow_graph();
    options.origin = options_.origin;
    investigation_ = std::make_unique<Investigation>(dataset(), subject_, options);
  }
  return *investigation_;
}

}  // namespace leaktrace

namespace leaktrace {

const AccountGraph& AnalysisSession::shown_graph() {
  return network_ ? network_->graph : subject_graph();
}

const AccountRanking& AnalysisSession::shown_ranking() {
  if (!network_) return ranking();
  if (!network_ranking_) {
    AccountRankingParameters parameters;
    parameters.seed = options_.seed;
    parameters.directed = network_->directed;
    network_ranking_ = std::make_unique<AccountRanking>(network_->graph, parameters);
    network_ranking_->run();
  }
  return *network_ranking_;
}

const CommunityDetection& AnalysisSession::shown_communities() {
  if (!network_) return communities();
  if (!network_communities_) {
    CommunityParameters parameters;
    parameters.types = InteractionTypes::all();
    parameters.resolution = options_.resolution;
    parameters.seed = options_.seed;
    parameters.runs = options_.leiden_runs;
    network_communities_ = std::make_unique<CommunityDetection>(network_->graph, nullptr, parameters);
    network_communities_->run();
  }
  return *network_communities_;
}

std::vector<std::int64_t> AnalysisSession::shown_communities_of_nodes() {
  if (network_) return shown_communities().membership();
  return investigation().communities_of(subject_graph());
}

}  // namespace leaktrace
