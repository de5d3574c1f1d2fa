// The analysis core on a workspace: load, graph build, PageRank, Leiden, bridges and origin, phase by
// phase, with the loaded Dataset's bytes per post; then Leiden beside python-igraph's on the same
// graph (bench/igraph_leiden_peer.py), each timing only the algorithm call.
//
//   analysis_benchmark WORKSPACE [SUBJECT] [--follow-graph FILE]
//
// LEAKTRACE_BENCH_KEEP=1 keeps the community graph's edge list, for the peers in ../shared/peers.
// Without a workspace it simulates and ingests a scenario first (LEAKTRACE_BENCH_TWEETS, default
// 1,000,000 tweets).
#include <sys/resource.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include <fmt/format.h>

#include "analysis/bridges.h"
#include "analysis/investigation.h"
#include "graph/igraph_adapter.h"
#include "graph/leaf_folding.h"
#include "simulate/simulation.h"
#include "workspace/dataset_loader.h"
#include "workspace/ingestion.h"

using namespace leaktrace;

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

long peak_rss_mib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;
}

std::string simulate_and_ingest(const std::filesystem::path& folder, std::string& follows) {
  simulate::ScenarioParameters parameters;
  parameters.tweets = std::getenv("LEAKTRACE_BENCH_TWEETS") ? std::stoull(std::getenv("LEAKTRACE_BENCH_TWEETS")) : 1000000;
  parameters.accounts = parameters.tweets / 6;
  simulate::Simulation(parameters, folder / "scenario").run();
  std::string workspace_path = (folder / "bench.db").string();
  auto workspace = Workspace::open_for_writing(workspace_path);
  IngestOptions options;
  options.stream.reader.board = "pol";
  Ingestion ingestion(workspace, {(folder / "scenario/tweets.jsonl.zst").string(), (folder / "scenario/4chan-thread.json").string(),
                                  (folder / "scenario/pastes.jsonl").string()}, options);
  ingestion.run();
  follows = (folder / "scenario/follows.tsv.zst").string();
  return workspace_path;
}

}  // namespace

int main(int argc, char** argv) {
  std::string workspace_path = argc > 1 ? argv[1] : "";
  std::string subject = argc > 2 ? argv[2] : "#MacronLeaks";
  std::string follows;
  for (int i = 3; i + 1 < argc; ++i) {
    if (std::string(argv[i]) == "--follow-graph") follows = argv[i + 1];
  }
  std::filesystem::path scratch = std::filesystem::temp_directory_path() / fmt::format("leaktrace-analysis-bench-{}", getpid());
  if (workspace_path.empty()) {
    std::filesystem::create_directories(scratch);
    workspace_path = simulate_and_ingest(scratch, follows);
  }

  auto start = std::chrono::steady_clock::now();
  Workspace workspace = Workspace::open_for_reading(workspace_path);
  Dataset dataset = load_dataset(workspace);
  const double load_s = seconds_since(start);
  const double bytes_per_post = static_cast<double>(dataset.memory_bytes()) / static_cast<double>(dataset.post_count());

  std::unique_ptr<FollowGraph> follow_graph;
  double follows_s = 0;
  if (!follows.empty()) {
    auto t = std::chrono::steady_clock::now();
    follow_graph = std::make_unique<FollowGraph>(read_follow_graph(follows, dataset).graph);
    follows_s = seconds_since(t);
  }
  InvestigationOptions options;
  options.parent = follow_graph ? ParentAssumption::follow_graph : ParentAssumption::latest_tie;
  options.follows = follow_graph.get();
  options.leiden_runs = 1;
  Investigation investigation(dataset, Subject::parse(subject), options);

  auto phase = [](auto&& work) {
    auto t = std::chrono::steady_clock::now();
    work();
    return seconds_since(t);
  };
  // In the order the report takes them: Leiden starts on the second core as soon as its graph is
  // built, and what does not need the communities is computed meanwhile.
  double subject_s = phase([&] { investigation.subject_match(); });
  // The whole graph (the subject graph on a second thread meanwhile) and the parents of every
  // repost; then Leiden forked, its copy building the community graph for itself while this
  // process builds it too.
  double community_graph_s = phase([&] { investigation.start_communities(); });
  // The set counts PageRank of the ranking (on the subject graph, every edge type, as
  // AccountRanking computes it); its sampled betweenness and k-core are timed apart, below.
  std::vector<double> pagerank;
  double pagerank_s = phase([&] { pagerank = ig::pagerank(investigation.subject_graph().directed(InteractionTypes::all()), 0.85); });
  double parents_s = phase([&] { investigation.parents(); });
  double leiden_s = phase([&] { investigation.communities(); });
  double bridges_s = phase([&] {
    BridgeDetection bridges(dataset, investigation.subject_match(), investigation.communities(), investigation.parents(),
                            follow_graph.get(), &investigation.whole_graph());
    bridges.run();
  });
  double origin_s = phase([&] { investigation.origin(); });
  const double analyses_s =
      subject_s + community_graph_s + pagerank_s + parents_s + leiden_s + bridges_s + origin_s;
  double ranking_s = phase([&] { investigation.ranking(); });
  double pagerank_difference = investigation.ranking().pagerank().size() == pagerank.size() ? 0 : 1;
  for (std::size_t i = 0; i < pagerank.size() && pagerank_difference == 0; ++i) {
    pagerank_difference = std::max(pagerank_difference, std::abs(pagerank[i] - investigation.ranking().pagerank()[i]));
  }
  if (pagerank_difference > 1e-12) {
    std::fprintf(stderr, "analysis_benchmark: the PageRank timed is not the ranking's\n");
    return 1;
  }

  // Correctness before the comparison.
  if (investigation.origin().chain().empty() || investigation.communities().modularity() <= 0) {
    std::fprintf(stderr, "analysis_benchmark: the analyses found no origin or no community structure\n");
    return 1;
  }

  // Leiden alone, ours and python-igraph's, on the same undirected graph.
  WeightedEdges undirected = investigation.community_graph().undirected(
      InteractionTypes::parse("repost,quote,reply,mention").with(InteractionType::follow));
  double our_leiden_s = 0;
  ig::Partition ours = ig::leiden_modularity(undirected, 1.0, 42, &our_leiden_s);
  // What CommunityDetection runs: the same graph with its leaves folded first (the folding timed too).
  ig::Partition folded;
  double folded_leiden_s = phase([&] { folded = ig::leiden_modularity_folded(undirected, 1.0, 42); });
  LeafFolding folding(undirected);
  folding.run();
  std::filesystem::create_directories(scratch);
  std::string edges = (scratch / "community-graph.txt").string();
  {
    std::ofstream out(edges);
    for (std::size_t i = 0; i < undirected.size(); ++i) out << undirected.from[i] << ' ' << undirected.to[i] << ' ' << undirected.weight[i] << '\n';
  }
  std::string peer_json;
  {
    std::string command = fmt::format("/usr/bin/python3 {}/igraph_leiden_peer.py {} {}", LEAKTRACE_BENCH_DIR, edges, undirected.node_count);
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    char buffer[4096];
    while (pipe && std::fgets(buffer, sizeof buffer, pipe.get())) peer_json += buffer;
  }

  fmt::print("workspace: {}\nposts {}, accounts {}; community graph {} nodes, {} undirected edges\n", workspace_path,
             dataset.post_count(), dataset.account_count(), undirected.node_count, undirected.size());
  fmt::print("load (not counted)         {:8.2f} s   Dataset {:.0f} bytes per post (target <= 200)\n", load_s, bytes_per_post);
  if (follow_graph) fmt::print("follower graph (not counted) {:6.2f} s   {} follows\n", follows_s, follow_graph->size());
  fmt::print("subject                    {:8.2f} s   {} shares\n", subject_s, investigation.subject_match().count());
  fmt::print("graphs (3) + parents, Leiden started {:5.2f} s   (whole graph and, on a second thread, subject graph; parents; "
             "Leiden {}; then the community graph here while the copy builds its own)\n",
             community_graph_s,
             investigation.communities().leiden_in_background() ? "in a forked copy, on the second core" : "here, when collected");
  fmt::print("PageRank                   {:8.2f} s   (while Leiden runs)\n", pagerank_s);
  fmt::print("subject's parents          {:8.2f} s   (while Leiden runs)\n", parents_s);
  fmt::print("Leiden collected + labels  {:8.2f} s   modularity {:.4f}\n", leiden_s, investigation.communities().modularity());
  fmt::print("bridges                    {:8.2f} s\n", bridges_s);
  fmt::print("origin                     {:8.2f} s   chain of {}\n", origin_s, investigation.origin().chain().size());
  fmt::print("analyses after load        {:8.2f} s   (target <= 60 on the 17M-tweet scenario)\n", analyses_s);
  fmt::print("ranking, with betweenness and k-core {:5.2f} s   (the accounts command's; not in the issue's set)\n", ranking_s);
  fmt::print("Leiden alone: leaktrace {:.2f} s (modularity {:.4f}); python-igraph: {}", our_leiden_s, ours.modularity,
             peer_json.empty() ? "did not run (python3-igraph missing, or killed for memory beside this process: run "
                                 "it alone on the LEAKTRACE_BENCH_KEEP edges)\n"
                               : peer_json);
  fmt::print("Leiden on the folded graph (what communities runs): {:.2f} s, folding included (modularity {:.4f}, {} "
             "communities); {} of {} nodes folded as leaves, {} without edges; {} nodes and {} edges left\n",
             folded_leiden_s, folded.modularity, folded.count, folding.leaves(), undirected.node_count,
             folding.isolated(), folding.folded().node_count, folding.folded().size());
  fmt::print("peak RSS {} MiB\n", peak_rss_mib());
  if (std::getenv("LEAKTRACE_BENCH_KEEP")) {
    fmt::print("kept {} (for ../shared/peers/igraph_peer.py)\n", edges);
  } else {
    std::filesystem::remove_all(scratch);
  }
  return 0;
}
