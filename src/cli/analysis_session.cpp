#include "cli/analysis_session.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <numeric>
#include <sstream>
#include <unordered_map>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/diagnostics.h"
#include "graph/account_graph_builder.h"
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
  app.add_option("--community-edges", options.community_edges,
                 "Edge types communities are found on (repost, quote, reply, mention, citation, all); follows "
                 "too when --follow-graph is given")
      ->capture_default_str();
  add_parent_options(app, options);
}

void add_parent_options(CLI::App& app, AnalysisOptions& options) {
  app.add_option("--parent", options.parent,
                 "Whom a repost came from: root (as the API says), latest-tie (the latest earlier sharer the "
                 "account interacted with), follow-graph (the latest earlier sharer it follows; with --follow-graph)")
      ->capture_default_str();
  app.add_option("--follow-graph", options.follow_graph,
                 "Follower graph for --parent follow-graph: lines 'FOLLOWER FOLLOWEE' (account ids or @handles)");
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
  if (!inputs_.empty() && !options_.workspace.empty()) {
    throw std::invalid_argument("give either -w WORKSPACE or input files, not both");
  }
  if (inputs_.empty()) {
    workspace_path_ = options_.workspace.empty() ? default_workspace_path : options_.workspace;
  } else {
    ingest_inputs();
  }
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

const Dataset& AnalysisSession::dataset() {
  if (!dataset_) {
    Workspace workspace = Workspace::open_for_reading(workspace_path_);
    dataset_ = load_dataset(workspace, {.texts = subject_.needs_text()});
  }
  return *dataset_;
}

const SubjectMatch& AnalysisSession::subject_match() {
  if (!match_) {
    match_ = std::make_unique<SubjectMatch>(dataset(), subject_);
    match_->run();
  }
  return *match_;
}

const AccountGraph& AnalysisSession::whole_graph() {
  if (!whole_graph_) whole_graph_ = std::make_unique<AccountGraph>(build_account_graph(dataset()));
  return *whole_graph_;
}

const AccountGraph& AnalysisSession::subject_graph() {
  if (!subject_graph_) {
    if (subject_.whole_dataset()) return whole_graph();
    AccountGraphOptions graph_options;
    graph_options.posts = subject_match().shares();
    subject_graph_ = std::make_unique<AccountGraph>(build_account_graph(dataset(), graph_options));
  }
  return *subject_graph_;
}

const CommunityDetection& AnalysisSession::communities() {
  if (!communities_) {
    // Communities are a property of the population, found on everything it did; the subject's
    // shares label them.
    CommunityParameters parameters;
    parameters.types = InteractionTypes::parse(options_.community_edges);
    if (follow_graph()) parameters.types = parameters.types.with(InteractionType::follow);
    parameters.resolution = options_.resolution;
    parameters.seed = options_.seed;
    communities_ = std::make_unique<CommunityDetection>(community_graph(), &dataset(), parameters,
                                                        subject_match().shares());
    communities_->run();
  }
  return *communities_;
}

const AccountRanking& AnalysisSession::ranking() {
  if (!ranking_) {
    AccountRankingParameters parameters;
    parameters.seed = options_.seed;
    ranking_ = std::make_unique<AccountRanking>(subject_graph(), parameters);
    ranking_->run();
  }
  return *ranking_;
}

const FollowGraph* AnalysisSession::follow_graph() {
  if (follows_loaded_) return follows_.get();
  follows_loaded_ = true;
  if (options_.follow_graph.empty()) return nullptr;
  const Dataset& d = dataset();
  std::unordered_map<std::string, std::uint32_t> by_name;
  for (std::uint32_t a = 0; a < d.account_count(); ++a) {
    by_name.emplace(std::string(d.account_native_id(a)), a);
    if (!d.account_handle(a).empty()) by_name.emplace("@" + std::string(d.account_handle(a)), a);
  }
  follows_ = std::make_unique<FollowGraph>();
  InputSource input(options_.follow_graph);  // plain, gzip or zstd
  std::string buffer(1 << 20, '\0');
  std::string line;
  std::size_t unknown = 0;
  auto take = [&](std::string_view text) {
    if (text.empty() || text[0] == '#') return;
    std::size_t split = text.find_first_of(" \t,");
    if (split == std::string_view::npos) return;
    std::string_view follower = text.substr(0, split);
    std::string_view followee = text.substr(split + 1);
    while (!followee.empty() && (followee.front() == ' ' || followee.front() == '\t')) followee.remove_prefix(1);
    while (!followee.empty() && (followee.back() == '\r' || followee.back() == ' ')) followee.remove_suffix(1);
    auto a = by_name.find(std::string(follower));
    auto b = by_name.find(std::string(followee));
    if (a == by_name.end() || b == by_name.end()) {
      ++unknown;
      return;
    }
    follows_->add(a->second, b->second);
  };
  while (std::size_t got = input.read(buffer.data(), buffer.size())) {
    std::string_view chunk(buffer.data(), got);
    while (!chunk.empty()) {
      std::size_t newline = chunk.find('\n');
      if (newline == std::string_view::npos) {
        line.append(chunk);
        break;
      }
      line.append(chunk.substr(0, newline));
      take(line);
      line.clear();
      chunk.remove_prefix(newline + 1);
    }
  }
  take(line);
  if (input.damage()) report_warning(fmt::format("{}: {}", options_.follow_graph, *input.damage()));
  if (unknown > 0) report_note(fmt::format("{} follower-graph lines name accounts not in the data", unknown));
  return follows_.get();
}

const DiffusionParents& AnalysisSession::parents() {
  if (!parents_) {
    ParentAssumption assumption = parent_assumption_from_name(options_.parent);
    if (assumption == ParentAssumption::follow_graph && options_.follow_graph.empty()) {
      throw std::invalid_argument("--parent follow-graph needs --follow-graph FILE");
    }
    parents_ = std::make_unique<DiffusionParents>(dataset(), subject_match(), assumption,
                                                  assumption == ParentAssumption::latest_tie ? &whole_graph() : nullptr,
                                                  follow_graph());
    parents_->run();
  }
  return *parents_;
}

const AccountGraph& AnalysisSession::community_graph() {
  if (!community_graph_) {
    ParentAssumption assumption = parent_assumption_from_name(options_.parent);
    if (assumption == ParentAssumption::follow_graph && !follow_graph()) {
      throw std::invalid_argument("--parent follow-graph needs --follow-graph FILE");
    }
    all_posts_ = std::make_unique<SubjectMatch>(dataset(), Subject());
    all_posts_->run();
    all_parents_ = std::make_unique<DiffusionParents>(dataset(), *all_posts_, assumption,
                                                      assumption == ParentAssumption::latest_tie ? &whole_graph() : nullptr,
                                                      follow_graph());
    all_parents_->run();
    AccountGraphOptions graph_options;
    graph_options.types = InteractionTypes::parse(options_.community_edges);
    graph_options.repost_parents = all_parents_->parents();
    if (const FollowGraph* follows = follow_graph()) {
      graph_options.types = graph_options.types.with(InteractionType::follow);
      graph_options.follows = follows->pairs();
    }
    community_graph_ = std::make_unique<AccountGraph>(build_account_graph(dataset(), graph_options));
  }
  return *community_graph_;
}

const OriginTrace& AnalysisSession::origin(OriginParameters parameters) {
  if (!origin_) {
    origin_ = std::make_unique<OriginTrace>(dataset(), subject_match(), &communities(), parameters);
    origin_->run();
  }
  return *origin_;
}

std::vector<std::int64_t> AnalysisSession::communities_of(const AccountGraph& graph) {
  const CommunityDetection& found = communities();
  const AccountGraph& whole = community_graph();
  std::unordered_map<std::string_view, std::uint32_t> threads;  // nodes that are no single account
  for (std::uint32_t n = 0; n < whole.node_count(); ++n) {
    if (whole.node(n).account == no_index) threads.emplace(whole.node(n).key, n);
  }
  std::vector<std::int64_t> out(graph.node_count(), -1);
  for (std::uint32_t n = 0; n < graph.node_count(); ++n) {
    if (graph.node(n).account != no_index) {
      out[n] = found.community_of_account(graph.node(n).account);
    } else if (auto it = threads.find(graph.node(n).key); it != threads.end()) {
      out[n] = found.membership()[it->second];
    }
  }
  return out;
}

std::vector<std::uint32_t> AnalysisSession::hubs(std::size_t count) {
  const AccountGraph& graph = subject_graph();
  const std::vector<double>& strength = ranking().in_strength();
  std::vector<std::uint32_t> order(graph.node_count());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    if (strength[a] != strength[b]) return strength[a] > strength[b];
    return graph.node(a).key < graph.node(b).key;
  });
  std::vector<std::uint32_t> accounts;
  for (std::uint32_t node : order) {
    if (accounts.size() >= count || strength[node] <= 0) break;
    if (graph.node(node).account != no_index) accounts.push_back(graph.node(node).account);
  }
  return accounts;
}

}  // namespace leaktrace
