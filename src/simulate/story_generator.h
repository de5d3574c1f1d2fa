#pragma once

#include <cstdint>
#include <vector>

#include "simulate/population.h"
#include "simulate/random.h"
#include "simulate/scenario.h"
#include "simulate/story.h"

namespace leaktrace::simulate {

// Tells the story of a leak on a population: a dump announced on a paste site, taken to a 4chan
// thread, first tweeted by one account linking the thread, amplified by hubs, carried by bridges
// into other communities, relayed in bursts by a coordinated group, over background chatter.
//
// Subject shares spread as a branching process in time order: each share exposes a Poisson number
// of accounts that grows with its author's followers, mostly inside its community, each after a
// delay from seconds to days, thinned by the community's daily rhythm. Retweets name the root as
// the API does; the share an account saw (its true parent) is kept apart for the truth file.
class StoryGenerator {
 public:
  StoryGenerator(const ScenarioParameters& parameters, const Population& population);
  void run();
  // Refuses before run().
  const Story& story() const;
  Story take_story();

 private:
  void spread_subject(Random& random, std::uint64_t shares);
  void coordinate_bursts(Random& random);
  // `count` posts about other topics, the first of them at index `first_index` of the story.
  std::vector<SimPost> background(Random& random, std::uint64_t count, std::uint32_t first_index) const;
  void write_thread(Random& random);
  void write_pastes(Random& random);
  void order_by_time();
  TimeMs delay_from(TimeMs from, std::uint32_t community, Random& random) const;

  const ScenarioParameters& parameters_;
  const Population& population_;
  Story story_;
  TimeMs origin_time_ = 0;
  TimeMs end_ = 0;
  bool finished_ = false;
};

}  // namespace leaktrace::simulate
