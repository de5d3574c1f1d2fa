#include "cli/map_building.h"

#include <csignal>

#include <algorithm>
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "analysis/post_link.h"
#include "layout/backbone_layout.h"
#include "render/palette.h"
#include "workspace/sqlite.h"
#include "workspace/workspace.h"

namespace leaktrace {
namespace {

MapEdgeType map_edge_type(InteractionType type) {
  switch (type) {
    case InteractionType::repost: return MapEdgeType::repost;
    case InteractionType::quote: return MapEdgeType::quote;
    case InteractionType::reply: return MapEdgeType::reply;
    case InteractionType::mention: return MapEdgeType::mention;
    case InteractionType::citation:
    case InteractionType::follow: return MapEdgeType::citation;
  }
  return MapEdgeType::repost;
}

LayoutGraph layout_graph_of(const AccountGraph& graph) {
  WeightedEdges undirected = graph.undirected();
  std::vector<LayoutEdge> edges(undirected.size());
  for (std::size_t i = 0; i < undirected.size(); ++i) {
    edges[i] = {undirected.from[i], undirected.to[i], static_cast<float>(undirected.weight[i])};
  }
  return LayoutGraph(graph.node_count(), edges);
}

// Texts of a few posts, read from the workspace when the dataset was loaded without them.
class PostTexts {
 public:
  PostTexts(const Dataset& dataset, const std::string& workspace) : dataset_(dataset) {
    if (!dataset.has_text()) {
      workspace_ = std::make_unique<Workspace>(Workspace::open_for_reading(workspace));
      query_ = std::make_unique<SqliteStatement>(workspace_->database().prepare("SELECT text FROM posts WHERE id = ?1"));
    }
  }
  std::string text(std::uint32_t post) {
    if (!query_) return std::string(dataset_.post_text(post));
    query_->bind(1, dataset_.post_row(post));
    std::string text = query_->step() && !query_->column_is_null(0) ? std::string(query_->column_text(0)) : "";
    query_->reset();
    return text;
  }

 private:
  const Dataset& dataset_;
  std::unique_ptr<Workspace> workspace_;
  std::unique_ptr<SqliteStatement> query_;
};

}  // namespace

GraphPositions lay_out(const AccountGraph& graph, const std::vector<std::int64_t>& communities,
                       const std::vector<double>& pagerank, const MapBuildOptions& options) {
  if (graph.node_count() == 0) return {};
  return lay_out(layout_graph_of(graph), communities, pagerank, options);
}

GraphPositions lay_out(const LayoutGraph& layout, const std::vector<std::int64_t>& communities,
                       const std::vector<double>& pagerank, const MapBuildOptions& options) {
  GraphPositions positions;
  if (layout.node_count() == 0) return positions;
  BackboneOptions backbone;
  backbone.iterations = options.iterations;
  std::size_t wide = 0;
  for (std::uint32_t node = 0; node < layout.node_count(); ++node) wide += layout.degree(node) >= options.min_degree;
  const std::size_t top = options.top > 0 ? options.top : (wide > options.max_backbone ? options.max_backbone : 0);
  if (top > 0) {
    backbone.rule = BackboneRule::top_score;
    backbone.top_count = top;
    backbone.score = pagerank;
  } else {
    backbone.min_degree = options.min_degree;
  }
  backbone.communities.assign(communities.begin(), communities.end());
  BackboneLayout run(layout, backbone);
  run.set_stop_flag(options.stop);
  run.run();
  positions.x = run.x();
  positions.y = run.y();
  positions.backbone = run.backbone();
  positions.description = run.description();
  positions.iterations = run.iterations_done();
  positions.interrupted = run.interrupted();
  return positions;
}

MapDocument build_map_document(AnalysisSession& session, const MapBuildOptions& options) {
  const AccountGraph& graph = session.shown_graph();
  const AccountRanking& ranking = session.shown_ranking();
  const CommunityDetection& communities = session.shown_communities();
  const std::vector<std::int64_t> community = session.shown_communities_of_nodes();
  const std::vector<double>& pagerank = ranking.pagerank();
  const LayoutGraph layout = layout_graph_of(graph);
  GraphPositions positions = lay_out(layout, community, pagerank, options);

  MapDocument doc;
  doc.title = options.title;
  doc.subject = session.subject().text();

  // Communities: the largest get a colour and a row in the legend.
  std::map<std::int64_t, int> shown_community;
  for (const Community& c : communities.communities()) {
    if (shown_community.size() >= options.max_communities || c.accounts < 2) break;
    int index = static_cast<int>(doc.communities.size());
    shown_community[c.id] = index;
    doc.communities.push_back({c.label.empty() ? fmt::format("community {}", c.id) : c.label,
                               community_colour(static_cast<std::size_t>(index)), c.accounts});
  }

  // What the map keeps of a large graph.
  MapSample sample = sample_beyond_backbone(layout, positions.backbone, positions.description, options.sample,
                                            session.options().seed, options.max_accounts);
  doc.sampling = {sample.accounts_total, sample.accounts_shown, sample.edges_total, sample.edges_shown, sample.how};
  std::vector<std::uint32_t> map_index(graph.node_count(), no_index);
  for (std::size_t i = 0; i < sample.nodes.size(); ++i) map_index[sample.nodes[i]] = static_cast<std::uint32_t>(i);

  // Each node's first share and most shared posts of the subject.
  std::vector<std::uint32_t> first_share(graph.node_count(), no_index);
  std::vector<std::vector<std::pair<std::int64_t, std::uint32_t>>> top_posts(sample.nodes.size());  // by map index
  std::vector<std::uint32_t> shares_of;  // reposts and quotes of each post, by post index
  const Dataset* d = session.reads_network() ? nullptr : &session.dataset();
  if (d) {
    const SubjectMatch& match = session.subject_match();
    shares_of.assign(d->post_count(), 0);
    for (std::uint32_t p : match.posts()) {
      PostKind kind = d->post_kind(p);
      if ((kind == PostKind::repost || kind == PostKind::quote) && d->post_parent(p) != no_index) {
        ++shares_of[d->post_parent(p)];
      }
    }
    for (std::uint32_t p : match.posts()) {
      std::uint32_t node = graph.node_of_account(d->post_author(p));
      if (node == no_index) continue;
      if (first_share[node] == no_index) first_share[node] = p;
      if (d->post_kind(p) != PostKind::repost && map_index[node] != no_index) top_posts[map_index[node]].emplace_back(shares_of[p], p);
    }
    doc.start = match.posts().empty() ? unknown_time : d->post_time(match.posts().front());
    doc.end = match.posts().empty() ? unknown_time : d->post_time(match.posts().back());
    PostTexts texts(*d, session.workspace_path());
    auto map_post = [&](std::uint32_t post, std::int64_t reposts) {
      return MapPost{post_url(*d, post), texts.text(post), d->post_time(post), reposts};
    };
    doc.nodes.resize(sample.nodes.size());
    for (std::size_t i = 0; i < sample.nodes.size(); ++i) {
      std::uint32_t node = sample.nodes[i];
      MapNode& n = doc.nodes[i];
      if (first_share[node] != no_index) {
        n.first_share = d->post_time(first_share[node]);
        n.first_share_post = map_post(first_share[node], shares_of[first_share[node]]);
      }
      if (auto& posts = top_posts[i]; !posts.empty()) {
        std::size_t keep = std::min(options.top_posts, posts.size());
        std::partial_sort(posts.begin(), posts.begin() + static_cast<std::ptrdiff_t>(keep), posts.end(),
                          [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
        for (std::size_t k = 0; k < keep; ++k) n.top_posts.push_back(map_post(posts[k].second, posts[k].first));
      }
      std::uint32_t account = graph.node(node).account;
      if (account != no_index) {
        n.name = std::string(d->account_name(account));
        n.followers = d->account_followers(account);
      }
    }
  } else {
    doc.nodes.resize(sample.nodes.size());
  }

  double max_rank = 0;
  for (double p : pagerank) max_rank = std::max(max_rank, p);
  for (std::size_t i = 0; i < sample.nodes.size(); ++i) {
    std::uint32_t node = sample.nodes[i];
    MapNode& n = doc.nodes[i];
    n.id = graph.node(node).key;
    n.label = graph.node(node).label;
    auto it = shown_community.find(community[node]);
    n.community = it == shown_community.end() ? -1 : it->second;
    n.x = positions.x[node];
    n.y = positions.y[node];
    n.pagerank = pagerank[node];
    n.size = max_rank > 0 ? 1.0 + 9.0 * std::sqrt(pagerank[node] / max_rank) : 1.0;
    n.backbone = positions.backbone[node] != 0;
  }
  for (const GraphEdge& e : graph.edges()) {
    if (e.type == InteractionType::follow) continue;
    std::uint32_t source = map_index[e.source];
    std::uint32_t target = map_index[e.target];
    if (source == no_index || target == no_index) continue;
    doc.edges.push_back({source, target, e.weight, map_edge_type(e.type), e.first});
  }
  return doc;
}

namespace {
std::atomic<bool> layout_stop_requested{false};
extern "C" void request_layout_stop(int) {
  layout_stop_requested.store(true);
  std::signal(SIGINT, SIG_DFL);
}
}  // namespace

LayoutInterruption::LayoutInterruption() {
  layout_stop_requested.store(false);
  std::signal(SIGINT, request_layout_stop);
}
LayoutInterruption::~LayoutInterruption() { std::signal(SIGINT, SIG_DFL); }
const std::atomic<bool>* LayoutInterruption::flag() const { return &layout_stop_requested; }

}  // namespace leaktrace
