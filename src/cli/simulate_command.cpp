#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/command.h"
#include "cli/progress_bar.h"
#include "model/time.h"
#include "render/json_writer.h"
#include "simulate/simulation.h"

namespace leaktrace {
namespace {

class SimulateCommand final : public Command {
 public:
  void configure(CLI::App& app) override {
    app.add_option("-o,--out", out_, "Folder to write the scenario into (created when missing)")->required();
    add_scenario_options(app, parameters_, start_, duration_hours_, no_compress_);
    app.add_flag("--json", json_, "Print what was written as JSON on stdout");
    app.footer(
        "Writes tweets.jsonl.zst (Twitter API v1.1 stream lines, with delete and limit notices, duplicates and a few "
        "malformed lines), 4chan-thread.json, pastes.jsonl and truth.json (the ground truth: origin chain, "
        "communities, hubs, bridges, coordinated bursts, true parents). The same seed gives the same bytes. Ingest "
        "with `leaktrace ingest --board pol DIR/tweets.jsonl.zst DIR/4chan-thread.json DIR/pastes.jsonl` (the 4chan "
        "thread API does not name its board).");
  }

  int run() override {
    apply_scenario_options(parameters_, start_, duration_hours_, no_compress_);
    simulate::Simulation simulation(parameters_, out_);
    simulation.run();
    const simulate::SimulationReport& report = simulation.report();
    if (json_) {
      JsonWriter json;
      json.begin_object()
          .key("out").value(out_)
          .key("seed").value(static_cast<std::int64_t>(parameters_.seed))
          .key("tweets").value(static_cast<std::int64_t>(report.tweets))
          .key("lines").value(static_cast<std::int64_t>(report.lines))
          .key("json_bytes").value(static_cast<std::int64_t>(report.json_bytes))
          .key("seconds").value(report.seconds_total)
          .key("seconds_story").value(report.seconds_story)
          .key("seconds_tweets").value(report.seconds_tweets)
          .key("files").begin_object();
      for (const simulate::SimulatedFile& file : report.files) json.key(file.name).value(static_cast<std::int64_t>(file.bytes));
      json.end_object().end_object();
      fmt::print("{}\n", json.str());
    } else {
      fmt::print("simulated {} tweets ({} lines, {} malformed on purpose) into {} in {:.2f} s ({} tweets/s)\n",
                 human_count(report.tweets), human_count(report.lines), report.noise.malformed, out_,
                 report.seconds_total,
                 human_count(static_cast<std::uint64_t>(static_cast<double>(report.tweets) / report.seconds_total)));
      for (const simulate::SimulatedFile& file : report.files) {
        fmt::print("  {:<20} {:>14} bytes\n", file.name, human_count(file.bytes));
      }
    }
    return exit_success;
  }

 private:
  simulate::ScenarioParameters parameters_;
  std::string out_;
  std::string start_;
  double duration_hours_ = 72.0;
  bool no_compress_ = false;
  bool json_ = false;
};

}  // namespace

void add_scenario_options(CLI::App& app, simulate::ScenarioParameters& parameters, std::string& start,
                          double& duration_hours, bool& no_compress) {
  app.add_option("--seed", parameters.seed, "Random seed: the same seed gives the same files")->capture_default_str();
  app.add_option("--posts", parameters.tweets, "Tweets in the stream (notices and noise come on top)")
      ->capture_default_str();
  app.add_option("--accounts", parameters.accounts, "Accounts in the population")->capture_default_str();
  app.add_option("--communities", parameters.communities, "Communities (each its own language and time zone)")
      ->capture_default_str();
  app.add_option("--hubs", parameters.hubs, "Hub accounts that amplify in the origin community")->capture_default_str();
  app.add_option("--bridges", parameters.bridges, "Bridge accounts per community, tied to another community")
      ->capture_default_str();
  app.add_option("--bots", parameters.bots, "Accounts of the coordinated group (0: none)")->capture_default_str();
  app.add_option("--bursts", parameters.bursts, "Synchronised bursts of the coordinated group")->capture_default_str();
  app.add_option("--background", parameters.background_share, "Share of tweets about other topics")
      ->capture_default_str();
  app.add_option("--cross", parameters.cross_community_share, "Share of follows (and so of exposures) that cross a community boundary")
      ->capture_default_str();
  app.add_option("--languages", parameters.languages, "One language per community (default: en fr ru de es it pt ja)")
      ->delimiter(',');
  app.add_option("--tag", parameters.subject_tag, "The subject hashtag, without '#'")->capture_default_str();
  app.add_option("--start", start, "Start of the collection, ISO 8601 (default 2017-05-05T14:00:00Z)");
  app.add_option("--duration", duration_hours, "Hours the collection covers")->capture_default_str();
  app.add_option("--malformed", parameters.noise_malformed, "Malformed lines to plant in the tweet file")
      ->capture_default_str();
  app.add_option("--threads", parameters.threads, "Threads that render and compress (0: one per core)");
  app.add_flag("--no-compress", no_compress, "Write tweets.jsonl instead of tweets.jsonl.zst");
}

void apply_scenario_options(simulate::ScenarioParameters& parameters, const std::string& start, double duration_hours,
                            bool no_compress) {
  if (!start.empty()) {
    auto parsed = parse_iso8601_time(start);
    if (!parsed) throw std::invalid_argument(fmt::format("--start '{}' is not a time: write it as 2017-05-05T14:00:00Z", start));
    parameters.start = *parsed;
  }
  parameters.duration = static_cast<TimeMs>(duration_hours * 3600000.0);
  parameters.compress = !no_compress;
}

std::unique_ptr<Command> make_simulate_command() { return std::make_unique<SimulateCommand>(); }

}  // namespace leaktrace
