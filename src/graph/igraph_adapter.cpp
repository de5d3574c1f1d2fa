#include "graph/igraph_adapter.h"

#include <igraph/igraph.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <numeric>
#include <optional>
#include <span>
#include <string>
#include <thread>

#include <fmt/format.h>

#include "graph/leaf_folding.h"

namespace leaktrace::ig {
namespace {

thread_local std::string last_error;
const std::atomic<bool>* interruption_flag = nullptr;

void record_error(const char* reason, const char* file, int line, igraph_error_t error) {
  last_error = fmt::format("{} ({})", reason ? reason : "", igraph_strerror(error));
  IGRAPH_FINALLY_FREE();
}

void ignore_warning(const char*, const char*, int) {}

igraph_error_t check_interruption(void*) {
  return interruption_flag && interruption_flag->load() ? IGRAPH_INTERRUPTED : IGRAPH_SUCCESS;
}

void install_handlers() {
  static std::once_flag once;
  std::call_once(once, [] {
    igraph_set_error_handler(record_error);
    igraph_set_warning_handler(ignore_warning);
    igraph_set_interruption_handler(check_interruption);
  });
}

void check(igraph_error_t code, const char* what) {
  if (code == IGRAPH_SUCCESS) return;
  if (code == IGRAPH_INTERRUPTED) throw IgraphError(fmt::format("{} interrupted", what));
  throw IgraphError(fmt::format("igraph {} failed: {}", what, last_error));
}

class Vector {
 public:
  explicit Vector(igraph_integer_t size = 0) {
    install_handlers();
    check(igraph_vector_init(&v_, size), "vector");
  }
  explicit Vector(const std::vector<double>& values) : Vector(static_cast<igraph_integer_t>(values.size())) {
    for (std::size_t i = 0; i < values.size(); ++i) VECTOR(v_)[i] = values[i];
  }
  ~Vector() { igraph_vector_destroy(&v_); }
  Vector(const Vector&) = delete;
  Vector& operator=(const Vector&) = delete;
  igraph_vector_t* get() { return &v_; }
  std::vector<double> values() const {
    std::vector<double> out(static_cast<std::size_t>(igraph_vector_size(&v_)));
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = VECTOR(v_)[i];
    return out;
  }

 private:
  igraph_vector_t v_;
};

class IntVector {
 public:
  explicit IntVector(igraph_integer_t size = 0) {
    install_handlers();
    check(igraph_vector_int_init(&v_, size), "vector");
  }
  explicit IntVector(const std::vector<std::int64_t>& values) : IntVector(static_cast<igraph_integer_t>(values.size())) {
    for (std::size_t i = 0; i < values.size(); ++i) VECTOR(v_)[i] = values[i];
  }
  ~IntVector() { igraph_vector_int_destroy(&v_); }
  IntVector(const IntVector&) = delete;
  IntVector& operator=(const IntVector&) = delete;
  igraph_vector_int_t* get() { return &v_; }
  std::vector<std::int64_t> values() const {
    std::vector<std::int64_t> out(static_cast<std::size_t>(igraph_vector_int_size(&v_)));
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = VECTOR(v_)[i];
    return out;
  }

 private:
  igraph_vector_int_t v_;
};

class Graph {
 public:
  Graph(const WeightedEdges& edges, bool directed) : weights_(edges.weight) {
    install_handlers();
    IntVector pairs(static_cast<igraph_integer_t>(2 * edges.size()));
    for (std::size_t i = 0; i < edges.size(); ++i) {
      VECTOR(*pairs.get())[2 * i] = edges.from[i];
      VECTOR(*pairs.get())[2 * i + 1] = edges.to[i];
    }
    check(igraph_create(&graph_, pairs.get(), edges.node_count, directed), "create");
  }
  ~Graph() { igraph_destroy(&graph_); }
  Graph(const Graph&) = delete;
  Graph& operator=(const Graph&) = delete;
  igraph_t* get() { return &graph_; }
  igraph_vector_t* weights() { return weights_.get(); }

 private:
  igraph_t graph_;
  Vector weights_;
};

class RandomSeed {
 public:
  explicit RandomSeed(std::uint64_t seed) { igraph_rng_seed(igraph_rng_default(), seed); }
};

std::int64_t count_of(const std::vector<std::int64_t>& membership) {
  std::int64_t count = 0;
  for (std::int64_t c : membership) count = std::max(count, c + 1);
  return count;
}

std::vector<double> pagerank_of(Graph& graph, double damping, bool directed) {
  Vector result;
  igraph_real_t value = 0;
  check(igraph_pagerank(graph.get(), IGRAPH_PAGERANK_ALGO_PRPACK, result.get(), &value, igraph_vss_all(), directed,
                        damping, graph.weights(), nullptr),
        "PageRank");
  return result.values();
}

std::vector<double> betweenness_of(Graph& graph, bool directed, std::span<const std::uint32_t> sources) {
  IntVector source_ids(static_cast<igraph_integer_t>(sources.size()));
  for (std::size_t i = 0; i < sources.size(); ++i) VECTOR(*source_ids.get())[i] = sources[i];
  igraph_vs_t source_set;
  check(igraph_vs_vector(&source_set, source_ids.get()), "vertex set");
  Vector result;
  check(igraph_betweenness_subset(graph.get(), result.get(), igraph_vss_all(), directed, source_set, igraph_vss_all(),
                                  nullptr),
        "betweenness");
  igraph_vs_destroy(&source_set);
  return result.values();
}

}  // namespace

void set_interruption_flag(const std::atomic<bool>* stop) {
  install_handlers();
  interruption_flag = stop;
}

std::vector<double> pagerank(const WeightedEdges& edges, double damping, bool directed) {
  if (edges.node_count == 0) return {};
  Graph graph(edges, directed);
  return pagerank_of(graph, damping, directed);
}

namespace {

// igraph's Leiden on CPM with these node weights and this resolution per unit of weight: the
// membership, the number of communities and, in `objective`, the sum over ordered pairs of nodes
// in one community of A_ij - resolution n_i n_j (igraph's quality before it divides by 2m).
Partition leiden_cpm(const WeightedEdges& undirected, const std::vector<double>& node_weight,
                     double resolution_per_weight, std::uint64_t seed, double* algorithm_seconds,
                     double* objective = nullptr) {
  Partition partition;
  if (undirected.size() == 0) {
    // Nothing to join; igraph's Leiden would not stop on a graph without edges.
    partition.count = undirected.node_count;
    partition.membership.resize(undirected.node_count);
    std::iota(partition.membership.begin(), partition.membership.end(), 0);
    if (objective) {
      *objective = 0;
      for (double n : node_weight) *objective -= resolution_per_weight * n * n;
    }
    return partition;
  }
  Graph graph(undirected, false);
  Vector node_weights(node_weight);
  IntVector membership(undirected.node_count);
  igraph_integer_t clusters = 0;
  igraph_real_t quality = 0;
  RandomSeed random(seed);
  auto start = std::chrono::steady_clock::now();
  // One iteration (local moves, refinement and aggregation, level after level until nothing
  // merges): what igraph 0.10's "until an iteration changes nothing" (-1) ran on every graph we
  // measured it on, same partition for the same seed, but -1 never ends on some graphs (two
  // nodes too heavy to join, as folded leaves make them).
  constexpr igraph_integer_t iterations = 1;
  check(igraph_community_leiden(graph.get(), graph.weights(), node_weights.get(), resolution_per_weight, 0.01, false,
                                iterations, membership.get(), &clusters, &quality),
        "Leiden");
  if (algorithm_seconds) *algorithm_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  partition.membership = membership.values();
  partition.count = clusters;
  if (objective) *objective = quality * 2 * undirected.total_weight();
  return partition;
}

}  // namespace

Partition leiden_modularity(const WeightedEdges& undirected, double resolution, std::uint64_t seed,
                            double* algorithm_seconds) {
  if (undirected.node_count == 0) return {};
  std::vector<double> strength(undirected.node_count, 0.0);
  for (std::size_t i = 0; i < undirected.size(); ++i) {
    strength[undirected.from[i]] += undirected.weight[i];
    strength[undirected.to[i]] += undirected.weight[i];
  }
  const double two_m = 2 * undirected.total_weight();
  Partition partition =
      leiden_cpm(undirected, strength, two_m > 0 ? resolution / two_m : resolution, seed, algorithm_seconds);
  partition.modularity = modularity(undirected, partition.membership, resolution);
  return partition;
}

Partition leiden_modularity_folded(const WeightedEdges& undirected, double resolution, std::uint64_t seed) {
  if (undirected.node_count == 0) return {};
  LeafFolding folding(undirected);
  folding.run();
  const double two_m = 2 * undirected.total_weight();
  double objective = 0;
  Partition folded = leiden_cpm(folding.folded(), folding.node_weight(), two_m > 0 ? resolution / two_m : resolution,
                                seed, nullptr, &objective);
  Partition partition;
  partition.count = folded.count;
  partition.membership = folding.unfold(folded.membership, partition.count);
  // Modularity from the folded graph's objective, without a second igraph graph of every edge:
  // the folded edges, always inside a community, add twice their weight.
  const double folded_away = two_m - 2 * folding.folded().total_weight();
  partition.modularity = two_m > 0 ? (objective + folded_away) / two_m : 0;
  return partition;
}

namespace {

Partition best_leiden(const WeightedEdges& undirected, double resolution, std::uint64_t seed, std::size_t runs) {
  constexpr std::uint32_t small_graph = 100000;  // nodes: a run takes milliseconds
  if (runs == 0) runs = undirected.node_count <= small_graph ? 5 : 1;
  Partition best = leiden_modularity_folded(undirected, resolution, seed);
  for (std::size_t run = 1; run < runs; ++run) {
    Partition other = leiden_modularity_folded(undirected, resolution, seed + run);
    if (other.modularity > best.modularity) best = std::move(other);
  }
  return best;
}

std::string partition_bytes(const Partition& partition) {
  std::string out(sizeof(std::int64_t) + sizeof(double) + partition.membership.size() * sizeof(std::int64_t), '\0');
  char* at = out.data();
  std::memcpy(at, &partition.count, sizeof partition.count);
  std::memcpy(at + sizeof partition.count, &partition.modularity, sizeof partition.modularity);
  std::memcpy(at + sizeof partition.count + sizeof partition.modularity, partition.membership.data(),
              partition.membership.size() * sizeof(std::int64_t));
  return out;
}

std::optional<Partition> partition_from(const std::string& bytes) {
  Partition partition;
  const std::size_t header = sizeof partition.count + sizeof partition.modularity;
  if (bytes.size() < header || (bytes.size() - header) % sizeof(std::int64_t) != 0) return std::nullopt;
  std::memcpy(&partition.count, bytes.data(), sizeof partition.count);
  std::memcpy(&partition.modularity, bytes.data() + sizeof partition.count, sizeof partition.modularity);
  partition.membership.resize((bytes.size() - header) / sizeof(std::int64_t));
  std::memcpy(partition.membership.data(), bytes.data() + header, bytes.size() - header);
  return partition;
}

}  // namespace

BackgroundLeiden::BackgroundLeiden(WeightedEdges undirected, double resolution, std::uint64_t seed, std::size_t runs)
    : resolution_(resolution), seed_(seed), runs_(runs) {
  const std::size_t edge_count = undirected.size();
  undirected_ = [edges = std::move(undirected)] { return edges; };
  begin(edge_count);
}

BackgroundLeiden::BackgroundLeiden(std::function<WeightedEdges()> undirected, std::size_t edge_count, double resolution,
                                   std::uint64_t seed, std::size_t runs)
    : undirected_(std::move(undirected)), resolution_(resolution), seed_(seed), runs_(runs) {
  begin(edge_count);
}

void BackgroundLeiden::begin(std::size_t edge_count) {
  // Forking costs a few milliseconds and the copy's page tables: worth it from about a second.
  constexpr std::size_t worth_a_copy = 200000;
  if (edge_count < worth_a_copy) return;
  task_ = std::make_unique<ForkedTask>([this] { return partition_bytes(best_leiden(undirected_(), resolution_, seed_, runs_)); });
  if (!task_->started()) task_.reset();
}

BackgroundLeiden::~BackgroundLeiden() = default;

bool BackgroundLeiden::in_background() const { return task_ != nullptr; }

Partition BackgroundLeiden::partition() {
  if (task_) {
    std::optional<std::string> bytes = task_->wait();
    task_.reset();
    if (bytes) {
      if (std::optional<Partition> partition = partition_from(*bytes)) return std::move(*partition);
    }
  }
  return best_leiden(undirected_(), resolution_, seed_, runs_);
}

Partition louvain(const WeightedEdges& undirected, double resolution, std::uint64_t seed) {
  Partition partition;
  if (undirected.node_count == 0) return partition;
  Graph graph(undirected, false);
  IntVector membership(undirected.node_count);
  Vector modularities;
  RandomSeed random(seed);
  check(igraph_community_multilevel(graph.get(), graph.weights(), resolution, membership.get(), nullptr,
                                    modularities.get()),
        "Louvain");
  partition.membership = membership.values();
  partition.count = count_of(partition.membership);
  partition.modularity = modularity(undirected, partition.membership, resolution);
  return partition;
}

double modularity(const WeightedEdges& undirected, const std::vector<std::int64_t>& membership, double resolution) {
  if (undirected.node_count == 0 || undirected.size() == 0) return 0;
  Graph graph(undirected, false);
  IntVector groups(membership);
  igraph_real_t value = 0;
  check(igraph_modularity(graph.get(), groups.get(), graph.weights(), resolution, false, &value), "modularity");
  return value;
}

namespace {

// PageRank (when `damping` is given) and sampled betweenness on one igraph graph, built once.
Centrality centrality(const WeightedEdges& edges, std::optional<double> damping, bool directed,
                      std::span<const std::uint32_t> sources) {
  Centrality out;
  if (edges.node_count == 0) return out;
  Graph graph(edges, directed);
  auto pagerank_if_wanted = [&] {
    if (damping) out.pagerank = pagerank_of(graph, *damping, directed);
  };
  // On a large graph the sampled searches are the longest step: half the sources go to a forked
  // copy (ForkedTask), which has the graph already, while this process computes PageRank and its
  // half. Forking costs a few milliseconds: worth it from about a second of searching.
  constexpr double searches_worth_two_cores = 5e7;
  const bool large = static_cast<double>(edges.size()) * static_cast<double>(sources.size()) >= searches_worth_two_cores;
  if (!large || sources.size() < 2 || std::thread::hardware_concurrency() < 2) {
    pagerank_if_wanted();
    out.betweenness = betweenness_of(graph, directed, sources);
    return out;
  }
  const std::span<const std::uint32_t> mine = sources.first(sources.size() / 2);
  const std::span<const std::uint32_t> theirs = sources.subspan(sources.size() / 2);
  ForkedTask copy([&] {
    std::vector<double> part = betweenness_of(graph, directed, theirs);
    return std::string(reinterpret_cast<const char*>(part.data()), part.size() * sizeof(double));
  });
  pagerank_if_wanted();
  if (!copy.started()) {
    out.betweenness = betweenness_of(graph, directed, sources);
    return out;
  }
  out.betweenness = betweenness_of(graph, directed, mine);
  std::optional<std::string> bytes = copy.wait();
  std::vector<double> part(out.betweenness.size());
  if (bytes && bytes->size() == part.size() * sizeof(double)) {
    std::memcpy(part.data(), bytes->data(), bytes->size());
  } else {
    part = betweenness_of(graph, directed, theirs);
  }
  for (std::size_t i = 0; i < part.size(); ++i) out.betweenness[i] += part[i];
  return out;
}

}  // namespace

Centrality pagerank_and_betweenness(const WeightedEdges& edges, double damping, bool directed,
                                    const std::vector<std::uint32_t>& sources) {
  return centrality(edges, damping, directed, sources);
}

std::vector<double> betweenness_from_sources(const WeightedEdges& edges, bool directed,
                                             const std::vector<std::uint32_t>& sources) {
  return centrality(edges, std::nullopt, directed, sources).betweenness;
}

std::vector<std::int64_t> coreness(const WeightedEdges& edges) {
  if (edges.node_count == 0) return {};
  Graph graph(edges, false);
  IntVector cores;
  check(igraph_coreness(graph.get(), cores.get(), IGRAPH_ALL), "coreness");
  return cores.values();
}

double compare_partitions(const std::vector<std::int64_t>& a, const std::vector<std::int64_t>& b,
                          PartitionComparison method) {
  if (a.size() != b.size()) throw std::invalid_argument("partitions to compare must cover the same nodes");
  if (a.empty()) return 0;
  IntVector first(a);
  IntVector second(b);
  igraph_real_t result = 0;
  check(igraph_compare_communities(first.get(), second.get(), &result,
                                   method == PartitionComparison::nmi ? IGRAPH_COMMCMP_NMI
                                                                      : IGRAPH_COMMCMP_ADJUSTED_RAND),
        "community comparison");
  return result;
}

}  // namespace leaktrace::ig
