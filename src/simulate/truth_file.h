#pragma once

#include <filesystem>
#include <string>

#include "simulate/population.h"
#include "simulate/scenario.h"
#include "simulate/stream_plan.h"
#include "simulate/story.h"
#include "simulate/tweet_text.h"

namespace leaktrace::simulate {

struct ScenarioFileNames {
  std::string tweets;
  std::string thread;
  std::string pastes;
};

// A community's first subject post and where its author got the subject from.
struct BridgeFact {
  std::uint32_t community = 0;
  std::uint32_t post = no_post;
  std::uint32_t from_post = no_post;  // no_post for the community where it started
};

// The first subject post of each community, in time order.
std::vector<BridgeFact> community_entries(const Story& story, const Population& population);

// Writes truth.json: what the analyses must find and never see. Ids are strings, as the API's
// id_str, so that 64-bit ids survive every JSON reader.
void write_truth_file(const std::filesystem::path& path, const ScenarioParameters& parameters,
                      const Population& population, const Story& story, const NoiseCounts& noise,
                      const ScenarioFileNames& files, const TweetTextComposer& composer);

}  // namespace leaktrace::simulate
