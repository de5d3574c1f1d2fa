#include "analysis/investigation.h"

#include <algorithm>
#include <exception>
#include <numeric>
#include <thread>
#include <unordered_map>

#include "graph/account_graph_builder.h"

namespace leaktrace {

Investigation::Investigation(const Dataset& dataset, Subject subject, InvestigationOptions options)
    : dataset_(dataset), subject_(std::move(subject)), options_(options) {
  if (options_.parent == ParentAssumption::follow_graph && !options_.follows) {
    throw std::invalid_argument("--parent follow-graph needs a follower graph: give --follow-graph FILE");
  }
}

const SubjectMatch& Investigation::subject_match() {
  if (!match_) {
    match_ = std::make_unique<SubjectMatch>(dataset_, subject_);
    match_->run();
  }
  return *match_;
}

const AccountGraph& Investigation::whole_graph() {
  if (!whole_graph_) whole_graph_ = std::make_unique<AccountGraph>(build_account_graph(dataset_));
  return *whole_graph_;
}

const AccountGraph& Investigation::subject_graph() {
  if (subject_.whole_dataset()) return whole_graph();
  if (!subject_graph_) subject_graph_ = std::make_unique<AccountGraph>(build_subject_graph());
  return *subject_graph_;
}

AccountGraph Investigation::build_subject_graph() {
  AccountGraphOptions graph_options;
  graph_options.posts = subject_match().shares();
  return build_account_graph(dataset_, graph_options);
}

const AccountGraph* Investigation::ties_for(ParentAssumption assumption) {
  return assumption == ParentAssumption::latest_tie ? &whole_graph() : nullptr;
}

const DiffusionParents& Investigation::parents_of_every_post() {
  if (!all_parents_) {
    all_posts_ = std::make_unique<SubjectMatch>(dataset_, Subject());
    all_posts_->run();
    all_parents_ = std::make_unique<DiffusionParents>(dataset_, *all_posts_, options_.parent,
                                                      ties_for(options_.parent), options_.follows);
    all_parents_->run();
  }
  return *all_parents_;
}

AccountGraphOptions Investigation::community_graph_options() {
  AccountGraphOptions graph_options;
  graph_options.types = options_.community_edges;
  graph_options.repost_parents = parents_of_every_post().parents();
  if (options_.follows) {
    graph_options.types = graph_options.types.with(InteractionType::follow);
    graph_options.follows = options_.follows->pairs();
  }
  return graph_options;
}

const AccountGraph& Investigation::community_graph() {
  if (!community_graph_) {
    community_graph_ = std::make_unique<AccountGraph>(build_account_graph(dataset_, community_graph_options()));
  }
  return *community_graph_;
}

void Investigation::start_communities() {
  if (!communities_) {
    // Until Leiden starts, the second core has nothing to do: it builds the subject graph.
    std::thread subject_graph_builder;
    std::exception_ptr failure;
    if (!subject_.whole_dataset() && !subject_graph_) {
      subject_match();  // here, not raced for by the builder
      subject_graph_builder = std::thread([&, this] {
        try {
          subject_graph_ = std::make_unique<AccountGraph>(build_subject_graph());
        } catch (...) {
          failure = std::current_exception();
        }
      });
    }
    std::unique_ptr<ig::BackgroundLeiden> leiden;
    try {
      if (!community_graph_) {
        parents_of_every_post();  // here, before the copy is made
        // Leiden begins in a forked copy that builds the community graph for itself (the same
        // one: the same function of the same data) while this process builds it too, for the
        // labels and what reads the communities after.
        const CommunityParameters parameters = community_parameters();
        if (subject_graph_builder.joinable()) subject_graph_builder.join();  // a forked copy has only the thread that forked
        leiden = std::make_unique<ig::BackgroundLeiden>(
            [this, types = parameters.types] {
              return build_account_graph(dataset_, community_graph_options()).undirected(types);
            },
            whole_graph().edges().size(), parameters.resolution, parameters.seed, parameters.runs);
        if (!leiden->in_background()) leiden.reset();  // a small graph: Leiden runs here, on the graph built here
      }
      make_communities(std::move(leiden));
    } catch (...) {
      if (subject_graph_builder.joinable()) subject_graph_builder.join();
      throw;
    }
    if (subject_graph_builder.joinable()) subject_graph_builder.join();
    if (failure) std::rethrow_exception(failure);
  }
  communities_->start();
}

const CommunityDetection& Investigation::communities() {
  if (!communities_) make_communities();
  if (!communities_->finished()) communities_->run();
  return *communities_;
}

CommunityParameters Investigation::community_parameters() const {
  CommunityParameters parameters;
  parameters.types = options_.community_edges;
  if (options_.follows) parameters.types = parameters.types.with(InteractionType::follow);
  parameters.resolution = options_.resolution;
  parameters.seed = options_.seed;
  parameters.runs = options_.leiden_runs;
  return parameters;
}

void Investigation::make_communities(std::unique_ptr<ig::BackgroundLeiden> started) {
  communities_ = std::make_unique<CommunityDetection>(community_graph(), &dataset_, community_parameters(),
                                                      subject_match().shares(), std::move(started));
}

const AccountRanking& Investigation::ranking() {
  if (!ranking_) {
    AccountRankingParameters parameters;
    parameters.seed = options_.seed;
    ranking_ = std::make_unique<AccountRanking>(subject_graph(), parameters);
    ranking_->run();
  }
  return *ranking_;
}

const DiffusionParents& Investigation::parents() {
  if (!parents_) {
    if (all_parents_) {
      // The community graph's parents of every post hold the subject's: no second search.
      parents_ = std::make_unique<DiffusionParents>(dataset_, subject_match(), *all_parents_);
    } else {
      parents_ = std::make_unique<DiffusionParents>(dataset_, subject_match(), options_.parent,
                                                    ties_for(options_.parent), options_.follows);
    }
    parents_->run();
  }
  return *parents_;
}

const OriginTrace& Investigation::origin() {
  if (!origin_) {
    origin_ = std::make_unique<OriginTrace>(dataset_, subject_match(), &communities(), options_.origin);
    origin_->run();
  }
  return *origin_;
}

std::vector<std::int64_t> Investigation::communities_of(const AccountGraph& graph) {
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

std::vector<std::uint32_t> Investigation::hubs(std::size_t count) {
  const AccountGraph& graph = subject_graph();
  const std::vector<double>& strength = ranking().in_strength();
  std::vector<std::uint32_t> order;
  for (std::uint32_t node = 0; node < graph.node_count(); ++node) {
    if (strength[node] > 0 && graph.node(node).account != no_index) order.push_back(node);
  }
  const auto top = order.begin() + static_cast<std::ptrdiff_t>(std::min(count, order.size()));
  std::partial_sort(order.begin(), top, order.end(), [&](std::uint32_t a, std::uint32_t b) {
    if (strength[a] != strength[b]) return strength[a] > strength[b];
    return graph.node(a).key < graph.node(b).key;
  });
  std::vector<std::uint32_t> accounts;
  for (auto it = order.begin(); it != top; ++it) accounts.push_back(graph.node(*it).account);
  return accounts;
}

}  // namespace leaktrace
