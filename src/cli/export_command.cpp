#include <cmath>
#include <filesystem>
#include <fstream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/analysis_session.h"
#include "cli/command.h"
#include "cli/map_building.h"
#include "cli/network_export.h"
#include "render/csv_network_writer.h"
#include "render/gexf_writer.h"
#include "render/graphml_writer.h"
#include "render/palette.h"

namespace leaktrace {
namespace {

class ExportCommand final : public Command {
 public:
  void configure(CLI::App& app) override {
    add_input_options(app, options_);
    add_community_options(app, options_);
    add_network_options(app, options_);
    app.add_option("--format", format_, "gexf (Gephi), graphml, or csv (nodes.csv and edges.csv in a folder)")
        ->check(CLI::IsMember({"gexf", "graphml", "csv"}))
        ->required();
    app.add_option("-o,--out", out_, "The file (a folder for csv)")->required();
    app.add_option("--gexf-version", gexf_version_, "1.3, or 1.2draft for readers that know only that (networkx 2.x)")
        ->check(CLI::IsMember({"1.3", "1.2draft"}))
        ->capture_default_str();
    app.add_flag("--no-layout", no_layout_, "Leave positions out (large graphs export faster)");
    app.add_option("--iterations", build_.iterations, "ForceAtlas2 iterations for the positions")->capture_default_str();
    app.footer("Nodes are accounts, id PLATFORM:ACCOUNT_ID and label the handle, with community, PageRank, "
               "in-strength, followers and the time of their first share (Gephi's timeline plays it), laid out with "
               "ForceAtlas2 and coloured by community; edges are reposts, quotes, replies, mentions and citations "
               "with their weight and first time.");
  }

  int run() override {
    AnalysisSession session(options_);
    const AccountGraph& graph = session.shown_graph();
    const AccountRanking& ranking = session.shown_ranking();
    const std::vector<std::int64_t> community = session.shown_communities_of_nodes();
    NetworkExportOptions export_options;
    export_options.directed = session.reads_network() ? session.network().directed : true;
    export_options.title = session.subject().whole_dataset() ? "leaktrace account graph"
                                                              : "leaktrace account graph of " + session.subject().text();
    NetworkDocument doc = network_document(graph, export_options);
    const std::size_t n = graph.node_count();
    std::vector<NetworkValue> communities(n), pageranks(n), strengths(n), followers(n), first_shares(n);
    const Dataset* d = session.reads_network() ? nullptr : &session.dataset();
    std::vector<TimeMs> first(n, unknown_time);
    if (d) {
      for (std::uint32_t p : session.subject_match().posts()) {
        std::uint32_t node = graph.node_of_account(d->post_author(p));
        if (node != no_index && first[node] == unknown_time) first[node] = d->post_time(p);
      }
    }
    for (std::uint32_t i = 0; i < n; ++i) {
      communities[i] = community[i];
      pageranks[i] = ranking.pagerank()[i];
      strengths[i] = ranking.in_strength()[i];
      if (d && graph.node(i).account != no_index && d->account_followers(graph.node(i).account) >= 0) {
        followers[i] = d->account_followers(graph.node(i).account);
      }
      if (first[i] != unknown_time) {
        first_shares[i] = NetworkTime{first[i]};
        doc.nodes[i].start = first[i];
      }
      if (community[i] >= 0) {
        Rgb colour = community_rgb(static_cast<std::size_t>(community[i]));
        doc.nodes[i].colour = Rgb8{static_cast<std::uint8_t>(colour.r * 255 + 0.5), static_cast<std::uint8_t>(colour.g * 255 + 0.5),
                                   static_cast<std::uint8_t>(colour.b * 255 + 0.5)};
      }
      doc.nodes[i].size = 1.0 + 50.0 * std::sqrt(ranking.pagerank()[i]);
    }
    auto add = [&](const char* name, ColumnType type, std::vector<NetworkValue>& values) {
      for (const NetworkColumn& column : doc.node_columns) {
        if (column.name == name) return;  // an imported network's own attribute of that name stays
      }
      doc.add_node_column({name, type}, std::move(values));
    };
    add("community", ColumnType::integer, communities);
    add("pagerank", ColumnType::real, pageranks);
    add("in_strength", ColumnType::real, strengths);
    if (d) {
      add("followers", ColumnType::integer, followers);
      add("first_share", ColumnType::time, first_shares);
    }
    if (!no_layout_) {
      GraphPositions positions = lay_out(graph, community, ranking.pagerank(), build_);
      for (std::uint32_t i = 0; i < n; ++i) {
        doc.nodes[i].x = positions.x[i];
        doc.nodes[i].y = positions.y[i];
      }
    }
    doc.check();
    if (format_ == "csv") {
      std::filesystem::create_directories(out_);
      write_csv_network(doc, out_);
    } else {
      std::ofstream out(out_, std::ios::binary);
      if (!out) throw std::runtime_error(fmt::format("cannot write {}: check the folder exists and is writable", out_));
      if (format_ == "gexf") {
        write_gexf(doc, out, {gexf_version_ == "1.3" ? GexfVersion::v1_3 : GexfVersion::v1_2draft});
      } else {
        write_graphml(doc, out);
      }
      out.close();
      if (!out) throw std::runtime_error(fmt::format("cannot write {}", out_));
    }
    fmt::print("{} accounts and {} edges written to {} ({})\n", doc.nodes.size(), doc.edges.size(), out_, format_);
    return doc.nodes.empty() ? exit_partial : exit_success;
  }

 private:
  AnalysisOptions options_;
  MapBuildOptions build_;
  std::string format_;
  std::string out_;
  std::string gexf_version_ = "1.3";
  bool no_layout_ = false;
};

}  // namespace

std::unique_ptr<Command> make_export_command() { return std::make_unique<ExportCommand>(); }

}  // namespace leaktrace
