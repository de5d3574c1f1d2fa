#include <atomic>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/analysis_session.h"
#include "cli/command.h"
#include "cli/diagnostics.h"
#include "cli/map_building.h"
#include "render/html_map.h"
#include "render/static_map.h"

namespace leaktrace {
namespace {

class MapCommand final : public Command {
 public:
  void configure(CLI::App& app) override {
    add_input_options(app, options_);
    add_community_options(app, options_);
    add_network_options(app, options_);
    app.add_option("-o,--out", out_, "The interactive map: one self-contained HTML file")->capture_default_str();
    app.add_option("--png", png_, "Also the map as a PNG figure for publication");
    app.add_option("--svg", svg_, "Also the map as an SVG figure");
    app.add_option("--width", width_, "Figure width in pixels")->capture_default_str();
    app.add_option("--height", height_, "Figure height in pixels")->capture_default_str();
    app.add_option("--dpi", dpi_, "Figure resolution (PNG)")->capture_default_str();
    app.add_option("--labels", labels_, "Accounts labelled on the figure")->capture_default_str();
    app.add_option("--title", build_.title, "Title of the map");
    app.add_option("--iterations", build_.iterations, "ForceAtlas2 iterations on the backbone")->capture_default_str();
    app.add_option("--min-degree", build_.min_degree, "Backbone: accounts with at least this many neighbours")
        ->capture_default_str();
    app.add_option("--top", build_.top, "Backbone: the top N accounts by PageRank instead");
    app.add_option("--sample", build_.sample, "Share of the accounts outside the backbone the map shows")
        ->capture_default_str();
    app.add_option("--max-accounts", build_.max_accounts, "At most this many accounts on the map")->capture_default_str();
    app.footer("ForceAtlas2 (Jacomy et al. 2014) lays out the backbone, from community-aware positions; the other "
               "accounts are placed next to a neighbour; the legend says when the map shows a sample. Ctrl-C stops the "
               "layout where it is and still writes the map.");
  }

  int run() override {
    AnalysisSession session(options_);
    if (build_.title.empty()) {
      build_.title = session.subject().whole_dataset() ? "propagation map" : "propagation of " + session.subject().text();
    }
    MapDocument doc;
    {
      LayoutInterruption interruption;
      build_.stop = interruption.flag();
      doc = build_map_document(session, build_);
    }
    if (doc.nodes.empty()) {
      report_error("nothing to map: no account shares the subject");
      return exit_partial;
    }
    write_html_map_page(doc, {.title = build_.title}, out_);
    fmt::print("map of {} accounts and {} edges: {}\n", doc.nodes.size(), doc.edges.size(), out_);
    for (const auto& [path, format] : {std::pair{png_, FigureFormat::png}, std::pair{svg_, FigureFormat::svg}}) {
      if (path.empty()) continue;
      StaticMapOptions figure;
      figure.format = format;
      figure.width = width_;
      figure.height = height_;
      figure.dpi = dpi_;
      figure.labels = labels_;
      render_static_map(doc, figure, path);
      fmt::print("figure: {}\n", path);
    }
    return exit_success;
  }

 private:
  AnalysisOptions options_;
  MapBuildOptions build_;
  std::string out_ = "map.html";
  std::string png_;
  std::string svg_;
  double width_ = 2400;
  double height_ = 1800;
  double dpi_ = 200;
  std::size_t labels_ = 25;
};

}  // namespace

std::unique_ptr<Command> make_map_command() { return std::make_unique<MapCommand>(); }

}  // namespace leaktrace
