#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "simulate/scenario.h"
#include "simulate/stream_plan.h"
#include "simulate/tweet_stream_writer.h"

namespace leaktrace::simulate {

struct SimulatedFile {
  std::string name;
  std::uint64_t bytes = 0;
};

struct SimulationReport {
  std::vector<SimulatedFile> files;  // tweets, thread, pastes, truth, follows
  std::uint64_t follows = 0;         // lines of the follower graph
  std::uint64_t tweets = 0;
  std::uint64_t lines = 0;
  std::uint64_t json_bytes = 0;      // the tweet file before compression
  NoiseCounts noise;
  double seconds_story = 0.0;        // population and diffusion
  double seconds_tweets = 0.0;       // rendering and compressing the tweet file (the other files beside it)
  double seconds_total = 0.0;
};

// Simulates a scenario into a folder: tweets.jsonl.zst (or .jsonl), 4chan-thread.json,
// pastes.jsonl, truth.json and follows.tsv.zst (or .tsv). The same parameters give the same bytes.
class Simulation {
 public:
  // `coding` overrides what parameters.compress asks for (benchmarks compare the codings).
  Simulation(ScenarioParameters parameters, std::filesystem::path directory,
             std::optional<TweetFileCoding> coding = std::nullopt);
  void run();
  const SimulationReport& report() const;

  static constexpr const char* thread_file = "4chan-thread.json";
  static constexpr const char* pastes_file = "pastes.jsonl";
  static constexpr const char* truth_file = "truth.json";

 private:
  ScenarioParameters parameters_;
  std::filesystem::path directory_;
  TweetFileCoding coding_;
  SimulationReport report_;
  bool finished_ = false;
};

}  // namespace leaktrace::simulate
