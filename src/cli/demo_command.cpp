#include <filesystem>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/command.h"
#include "simulate/scenario.h"
#include "simulate/simulation.h"

namespace leaktrace {
namespace {

class DemoCommand final : public Command {
 public:
  void configure(CLI::App& app) override {
    app.add_option("-o,--out", out_, "Folder for the scenario, the workspace and the outputs")->capture_default_str();
    add_scenario_options(app, parameters_, start_, duration_hours_, no_compress_);
    app.footer(
        "Simulates the built-in scenario (a leak spreading from a paste site through a 4chan thread to five "
        "communities on Twitter, about 200,000 tweets, with the follower graph a researcher would collect), ingests "
        "it, prints the workspace summary and writes the report (HTML and Markdown) with its map.");
  }

  int run() override {
    namespace fs = std::filesystem;
    const fs::path out = out_;
    const fs::path scenario = out / "scenario";
    const fs::path workspace = out / "leaktrace.db";
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(workspace.string() + suffix);

    std::vector<std::string> simulate{"--out", scenario.string(), "--seed", std::to_string(parameters_.seed),
                                      "--posts", std::to_string(parameters_.tweets), "--accounts",
                                      std::to_string(parameters_.accounts), "--communities",
                                      std::to_string(parameters_.communities)};
    // The remaining options pass through unchanged when given.
    for (const auto& [flag, value] : forwarded_options()) {
      simulate.push_back(flag);
      simulate.push_back(value);
    }
    if (no_compress_) simulate.push_back("--no-compress");
    if (int status = run_subcommand("simulate", simulate); status != exit_success) return status;
    fmt::print("\n");
    if (int status = run_subcommand("ingest", {"-q", "--board", "pol", "-w", workspace.string(),
                                               (scenario / (no_compress_ ? "tweets.jsonl" : "tweets.jsonl.zst")).string(),
                                               (scenario / simulate::Simulation::thread_file).string(),
                                               (scenario / simulate::Simulation::pastes_file).string()});
        status == exit_fatal) {
      return status;
    }
    fmt::print("\n");
    if (int status = run_subcommand("info", {"-w", workspace.string()}); status != exit_success) return status;
    fmt::print("\n");
    const fs::path report = out / "report.html";
    const fs::path markdown = out / "report.md";
    const std::string follows = (scenario / (no_compress_ ? "follows.tsv" : "follows.tsv.zst")).string();
    const std::string subject = "#" + parameters_.subject_tag;
    if (int status = run_subcommand("report", {"-w", workspace.string(), subject, "--follow-graph", follows, "--parent",
                                               "follow-graph", "-o", report.string(), "--md", markdown.string()});
        status == exit_fatal) {
      return status;
    }
    fmt::print("\ndemo outputs:\n  report     {}\n  markdown   {}\n  scenario   {}/ (truth.json is the ground truth)\n"
               "  workspace  {}\n\nexplore further, e.g.:\n  leaktrace origin -w {} '{}'\n  leaktrace bridges -w {} '{}' "
               "--follow-graph {} --parent follow-graph\n",
               report.string(), markdown.string(), scenario.string(), workspace.string(), workspace.string(), subject,
               workspace.string(), subject, follows);
    return exit_success;
  }

 private:
  std::vector<std::pair<std::string, std::string>> forwarded_options() const {
    std::vector<std::pair<std::string, std::string>> options{
        {"--hubs", std::to_string(parameters_.hubs)},
        {"--bridges", std::to_string(parameters_.bridges)},
        {"--bots", std::to_string(parameters_.bots)},
        {"--bursts", std::to_string(parameters_.bursts)},
        {"--background", fmt::format("{}", parameters_.background_share)},
        {"--cross", fmt::format("{}", parameters_.cross_community_share)},
        {"--tag", parameters_.subject_tag},
        {"--duration", fmt::format("{}", duration_hours_)},
        {"--malformed", std::to_string(parameters_.noise_malformed)},
        {"--threads", std::to_string(parameters_.threads)},
    };
    if (!start_.empty()) options.emplace_back("--start", start_);
    if (!parameters_.languages.empty()) {
      std::string languages;
      for (const std::string& language : parameters_.languages) languages += (languages.empty() ? "" : ",") + language;
      options.emplace_back("--languages", languages);
    }
    return options;
  }

  simulate::ScenarioParameters parameters_;
  std::string out_ = "demo-output";
  std::string start_;
  double duration_hours_ = 72.0;
  bool no_compress_ = false;
};

}  // namespace

std::unique_ptr<Command> make_demo_command() { return std::make_unique<DemoCommand>(); }

}  // namespace leaktrace
