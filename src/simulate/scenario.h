#pragma once

#include <cstdint>
#include <future>
#include <string>
#include <vector>

#include "model/time.h"

namespace leaktrace::simulate {

// A community of the simulated population: the language it writes in and the time zone it lives in.
struct CommunityProfile {
  std::string label;     // what a researcher would call it, e.g. "us-alt-right"
  std::string language;  // BCP 47 code as Twitter's `lang` gives it
  int utc_offset_hours = 0;
};

// Everything that shapes a scenario. The defaults are the built-in demo scenario.
struct ScenarioParameters {
  std::uint64_t seed = 2017;
  std::uint64_t tweets = 200000;     // tweet lines in the stream (notices, duplicates and malformed lines come on top)
  std::uint64_t accounts = 40000;
  std::uint32_t communities = 5;
  std::uint32_t hubs = 4;            // amplifiers inside the origin community
  std::uint32_t bridges = 3;         // accounts per other community with ties outside it
  std::uint32_t bots = 60;           // the coordinated group
  std::uint32_t bursts = 12;         // synchronised bursts of the coordinated group
  double background_share = 0.3;     // tweets about other topics
  double cross_community_share = 0.04;  // reposts that cross a community boundary
  std::string subject_tag = "MacronLeaks";
  TimeMs start = 1493992800000;      // 2017-05-05T14:00:00Z
  TimeMs duration = 3 * 86400000LL;
  std::vector<std::string> languages;  // one per community; empty = the built-in rotation
  double noise_delete_share = 0.004;
  double noise_duplicate_share = 0.002;
  std::uint32_t noise_malformed = 5;
  std::uint32_t noise_limit = 6;
  bool compress = true;
  int threads = 0;  // 0 = the hardware's

  // How independent parts of the story are started with std::async: on threads of their own
  // when threads may be used, else deferred to the caller. Their results are the same either way.
  std::launch parts_launch() const;

  // Throws std::invalid_argument naming the parameter and the accepted range.
  void validate() const;
  // The profile of community `index`: label, language and time zone from the built-in rotation,
  // with the language overridden by `languages` when given.
  CommunityProfile community_profile(std::uint32_t index) const;
};

}  // namespace leaktrace::simulate
