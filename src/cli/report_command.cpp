#include <chrono>
#include <filesystem>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "analysis/timeline.h"
#include "cli/analysis_session.h"
#include "cli/command.h"
#include "cli/diagnostics.h"
#include "cli/map_building.h"
#include "cli/report_building.h"
#include "render/html_report.h"
#include "render/markdown_report.h"
#include "render/static_map.h"

namespace leaktrace {
namespace {

class ReportCommand final : public Command {
 public:
  void configure(CLI::App& app) override {
    add_input_options(app, options_);
    add_community_options(app, options_);
    app.add_option("-o,--out", out_, "The report: one self-contained HTML file")->capture_default_str();
    app.add_option("--md", markdown_, "Also the same content as Markdown, its figures as SVG files beside it");
    app.add_option("--title", build_.title, "Title of the report");
    app.add_option("--bin", bin_, "Timeline bin (30s, 10m, 1h...); chosen from the time span when not given");
    app.add_flag("--no-map", no_map_, "Leave the map out (faster on very large graphs)");
    app.add_flag("--timings", build_.timings, "Print how long each step took, on stderr");
    app.add_option("--iterations", build_.map_options.iterations, "ForceAtlas2 iterations for the map")
        ->capture_default_str();
    app.add_option("--max-accounts", build_.map_options.max_accounts, "At most this many accounts on the map")
        ->capture_default_str();
    app.add_option("--sample", build_.map_options.sample, "Share of the accounts outside the map's backbone shown")
        ->capture_default_str();
    app.footer("Where and when it started, who carried it, which communities it reached and when, how concentrated "
               "the amplification was: summary, origin chain, timeline by community, top accounts, communities, "
               "bridges, cascades, the map, and the methods (inputs with sha256, parameters, rejected records, the "
               "command line that reproduces it).");
  }

  int run() override {
    const auto start = std::chrono::steady_clock::now();
    if (!bin_.empty()) build_.bin = parse_duration(bin_);
    build_.map = !no_map_;
    build_.command_line = this_command_line();
    AnalysisSession session(options_);
    ReportDocument doc;
    {
      LayoutInterruption interruption;
      build_.map_options.stop = interruption.flag();
      doc = build_report_document(session, build_);
    }
    write_html_report(doc, {}, out_);
    fmt::print("report: {}\n", std::filesystem::absolute(out_).string());
    if (!markdown_.empty()) {
      MarkdownReportOptions md;
      std::filesystem::path markdown(markdown_);
      if (doc.map) {
        const std::filesystem::path figure = markdown.parent_path() / (markdown.stem().string() + "-map.svg");
        StaticMapOptions figure_options;
        figure_options.format = FigureFormat::svg;
        render_static_map(*doc.map, figure_options, figure.string());
        md.map_image = figure.filename().string();
      }
      for (const auto& file : write_markdown_report(doc, md, markdown)) fmt::print("  {}\n", file.string());
      if (!md.map_image.empty()) fmt::print("  {}\n", (markdown.parent_path() / md.map_image).string());
    }
    if (!options_.json) {
      report_note(fmt::format("report written in {:.1f} s", std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count()));
    }
    return doc.chain.empty() ? exit_partial : exit_success;
  }

 private:
  AnalysisOptions options_;
  ReportBuildOptions build_;
  std::string out_ = "report.html";
  std::string markdown_;
  std::string bin_;
  bool no_map_ = false;
};

}  // namespace

std::unique_ptr<Command> make_report_command() { return std::make_unique<ReportCommand>(); }

}  // namespace leaktrace
