// The layout and the figure end to end, without a workspace: a generated graph with planted
// communities is laid out by BackboneLayout (community-aware start), sampled beyond the backbone,
// and drawn by render_static_map. For looking at what the layout and the figure do.
//
// layout_figure OUT.png|OUT.svg [--nodes N] [--edges M] [--communities C] [--iterations K]
//               [--sample FRACTION] [--width W --height H (pixels)] [--dpi D] [--labels L]
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "layout/backbone_layout.h"
#include "layout/layout_quality.h"
#include "layout/planted_graph.h"
#include "render/palette.h"
#include "render/static_map.h"

int main(int argc, char** argv) {
  using namespace leaktrace;
  if (argc < 2 || argv[1][0] == '-') {
    std::fprintf(stderr, "usage: layout_figure OUT.png|OUT.svg [--nodes N] [--edges M] [--communities C] [--iterations K]"
                         " [--sample FRACTION] [--width W] [--height H] [--dpi D] [--labels L]\n");
    return 2;
  }
  const std::string out = argv[1];
  PlantedGraphOptions graph_options{.nodes = 5000, .edges = 9000, .communities = 9, .mixing = 0.08, .seed = 3};
  int iterations = 300;
  double fraction = 0.3;
  StaticMapOptions figure;
  figure.format = StaticMapOptions::format_for_path(out);
  figure.width = 1800;
  figure.height = 1200;
  figure.dpi = 150;
  for (int i = 2; i + 1 < argc; i += 2) {
    const std::string name = argv[i];
    const char* value = argv[i + 1];
    if (name == "--nodes") graph_options.nodes = static_cast<std::uint32_t>(std::atol(value));
    else if (name == "--edges") graph_options.edges = std::strtoull(value, nullptr, 10);
    else if (name == "--communities") graph_options.communities = static_cast<std::uint32_t>(std::atol(value));
    else if (name == "--iterations") iterations = std::atoi(value);
    else if (name == "--sample") fraction = std::atof(value);
    else if (name == "--width") figure.width = std::atof(value);
    else if (name == "--height") figure.height = std::atof(value);
    else if (name == "--dpi") figure.dpi = std::atof(value);
    else if (name == "--labels") figure.labels = static_cast<std::size_t>(std::atol(value));
    else {
      std::fprintf(stderr, "layout_figure: unknown option %s\n", name.c_str());
      return 2;
    }
  }
  try {
    const PlantedGraph planted = make_planted_graph(graph_options);
    const LayoutGraph graph(planted.nodes, planted.edges);
    BackboneOptions options;
    options.communities = planted.community;
    options.iterations = iterations;
    BackboneLayout layout(graph, options);
    layout.run();
    const MapSample sample = sample_beyond_backbone(graph, layout.backbone(), layout.description(), fraction, 7);

    MapDocument document;
    document.title = "Planted communities laid out by ForceAtlas2";
    document.subject = "#example";
    std::vector<std::int64_t> index(graph.node_count(), -1);
    for (std::uint32_t v : sample.nodes) {
      index[v] = static_cast<std::int64_t>(document.nodes.size());
      MapNode node;
      node.id = "twitter:" + std::to_string(v);
      node.label = "account_" + std::to_string(v);
      node.community = planted.community[v];
      node.x = layout.x()[v];
      node.y = layout.y()[v];
      node.pagerank = graph.degree(v);  // a stand-in: degree
      node.size = std::sqrt(graph.degree(v) + 1.0);
      node.backbone = layout.backbone()[v] != 0;
      document.nodes.push_back(node);
    }
    for (const LayoutEdge& edge : planted.edges) {
      if (index[edge.source] >= 0 && index[edge.target] >= 0) {
        document.edges.push_back({static_cast<std::uint32_t>(index[edge.source]), static_cast<std::uint32_t>(index[edge.target]),
                                  edge.weight, MapEdgeType::repost, unknown_time});
      }
    }
    for (std::uint32_t c = 0; c < graph_options.communities; ++c) {
      MapCommunity community{"planted community " + std::to_string(c + 1), community_colour(c), 0};
      for (int member : planted.community) community.accounts += member == static_cast<int>(c);
      document.communities.push_back(community);
    }
    document.sampling = {sample.accounts_total, sample.accounts_shown, sample.edges_total, sample.edges_shown, sample.how};
    const StaticMapResult result = render_static_map(document, figure, out);
    std::vector<int> community = planted.community;
    for (std::uint32_t v = 0; v < graph.node_count(); ++v) {
      if (graph.degree(v) == 0) community[v] = -1;
    }
    std::printf("%s: %zu nodes, %zu edges, %zu labels, %zu legend rows; %s; silhouette vs planted communities %.3f\n",
                out.c_str(), result.nodes_drawn, result.edges_drawn, result.labels.size(), result.legend_rows,
                sample.how.c_str(), position_silhouette(layout.x(), layout.y(), community));
  } catch (const std::exception& error) {
    std::fprintf(stderr, "layout_figure: %s\n", error.what());
    return 2;
  }
  return 0;
}
