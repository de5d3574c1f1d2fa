#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "analysis/analysis_base.h"
#include "analysis/communities.h"
#include "analysis/subject.h"
#include "workspace/dataset.h"

namespace leaktrace {

// "10m", "1h", "30s", "2d" -> milliseconds; throws std::invalid_argument saying how to write one.
TimeMs parse_duration(std::string_view text);
// "2017-05-05T20:49=first tweet" -> an event; throws std::invalid_argument.
struct TimelineEvent {
  TimeMs time = unknown_time;
  std::string label;
};
TimelineEvent parse_timeline_event(std::string_view text);

struct TimelineParameters {
  TimeMs bin = 10 * 60 * 1000;
  enum class By { platform, community } by = By::platform;
  std::vector<TimelineEvent> events;
  // Accounts counted as hubs for the "first hub" milestone (Dataset account indices).
  std::vector<std::uint32_t> hubs;
  // First-in-community milestones only for communities of at least this many accounts.
  std::int64_t milestone_community_accounts = 10;
  // By community: a series for each of the this many largest (ids below it), the rest summed in
  // one series "other" (community -1); 0 keeps every community apart (a 17M-post dataset has
  // hundreds of thousands).
  std::size_t max_communities = 0;
};

struct TimelineSeries {
  std::string name;  // platform name, or community id as text
  std::int64_t community = -1;
  std::vector<std::int64_t> counts;  // per bin
  std::int64_t total = 0;
};

struct Milestone {
  TimeMs time = unknown_time;
  std::string kind;   // first-on-platform, first-in-community, first-hub, peak, event
  std::string label;
  std::uint32_t post = no_index;
};

// Volume of the subject per time bin, by platform or by community, with its milestones: first post
// on each platform, first in each community, first share by a hub, the peak bin, and the user's
// events.
class Timeline : public Analysis {
 public:
  Timeline(const Dataset& dataset, const SubjectMatch& subject, const CommunityDetection* communities,
           TimelineParameters parameters);
  void run() override;

  TimeMs start() const;  // start of the first bin
  TimeMs bin() const { return parameters_.bin; }
  std::size_t bin_count() const;
  const std::vector<TimelineSeries>& series() const;
  const std::vector<std::int64_t>& totals() const;
  const std::vector<Milestone>& milestones() const;  // in time order
  std::size_t peak_bin() const;

 private:
  const Dataset& dataset_;
  const SubjectMatch& subject_;
  const CommunityDetection* communities_;
  TimelineParameters parameters_;
  TimeMs start_ = unknown_time;
  std::vector<TimelineSeries> series_;
  std::vector<std::int64_t> totals_;
  std::vector<Milestone> milestones_;
  std::size_t peak_ = 0;
};

}  // namespace leaktrace
