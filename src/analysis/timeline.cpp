#include "analysis/timeline.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <stdexcept>

#include <fmt/format.h>

namespace leaktrace {

TimeMs parse_duration(std::string_view text) {
  constexpr std::string_view help = "write a duration as a number and a unit: 30s, 10m, 1h, 2d";
  if (text.size() < 2) throw std::invalid_argument(fmt::format("duration '{}': {}", text, help));
  double value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size() - 1, value);
  if (error != std::errc() || end != text.data() + text.size() - 1 || value <= 0) {
    throw std::invalid_argument(fmt::format("duration '{}': {}", text, help));
  }
  TimeMs unit = 0;
  switch (text.back()) {
    case 's': unit = 1000; break;
    case 'm': unit = 60 * 1000; break;
    case 'h': unit = 3600 * 1000; break;
    case 'd': unit = 24 * 3600 * 1000; break;
    default: throw std::invalid_argument(fmt::format("duration '{}': {}", text, help));
  }
  auto ms = static_cast<TimeMs>(value * static_cast<double>(unit));
  if (ms < 1000) throw std::invalid_argument(fmt::format("duration '{}' is under a second; {}", text, help));
  return ms;
}

TimelineEvent parse_timeline_event(std::string_view text) {
  std::size_t equals = text.find('=');
  if (equals == std::string_view::npos || equals == 0 || equals + 1 == text.size()) {
    throw std::invalid_argument(
        fmt::format("event '{}': write --event TIME=LABEL, e.g. --event 2017-05-05T22:00=media-silence", text));
  }
  auto time = parse_iso8601_time(text.substr(0, equals));
  if (!time) {
    throw std::invalid_argument(fmt::format("event '{}': the time is not ISO 8601 (2017-05-05T22:00:00Z)", text));
  }
  return {*time, std::string(text.substr(equals + 1))};
}

Timeline::Timeline(const Dataset& dataset, const SubjectMatch& subject, const CommunityDetection* communities,
                   TimelineParameters parameters)
    : dataset_(dataset), subject_(subject), communities_(communities), parameters_(std::move(parameters)) {
  if (parameters_.bin <= 0) throw std::invalid_argument("--bin must be positive, e.g. 10m");
  if (parameters_.by == TimelineParameters::By::community && !communities_) {
    throw std::invalid_argument("a timeline by community needs the communities");
  }
}

void Timeline::run() {
  const Dataset& d = dataset_;
  std::vector<std::uint32_t> posts;
  for (std::uint32_t p : subject_.posts()) {
    if (d.post_time(p) != unknown_time) posts.push_back(p);
  }
  series_.clear();
  totals_.clear();
  milestones_.clear();
  if (posts.empty()) {
    mark_finished();
    return;
  }
  const TimeMs first = d.post_time(posts.front());
  const TimeMs last = d.post_time(posts.back());
  start_ = first - ((first % parameters_.bin) + parameters_.bin) % parameters_.bin;
  const auto bins = static_cast<std::size_t>((last - start_) / parameters_.bin + 1);
  totals_.assign(bins, 0);

  const bool by_community = parameters_.by == TimelineParameters::By::community;
  const std::size_t community_count = by_community ? communities_->communities().size() : 0;
  const std::size_t apart = parameters_.max_communities > 0 ? std::min(parameters_.max_communities, community_count)
                                                             : community_count;
  const std::size_t other = apart < community_count ? apart : SIZE_MAX;  // the series of the rest
  const std::size_t series_count = by_community ? apart + (other != SIZE_MAX ? 1 : 0) : platform_count;
  std::vector<TimelineSeries> all(series_count);
  for (std::size_t s = 0; s < series_count; ++s) {
    if (by_community) {
      all[s].community = s == other ? -1 : static_cast<std::int64_t>(s);
      all[s].name = s == other ? "other" : std::to_string(s);
    } else {
      all[s].name = std::string(platform_name(static_cast<Platform>(s)));
    }
  }
  std::array<bool, platform_count> platform_seen{};
  std::vector<bool> community_seen(communities_ ? communities_->communities().size() : 0, false);
  std::vector<bool> hub(d.account_count(), false);
  for (std::uint32_t a : parameters_.hubs) hub[a] = true;
  bool hub_seen = false;
  for (std::uint32_t p : posts) {
    const auto bin = static_cast<std::size_t>((d.post_time(p) - start_) / parameters_.bin);
    ++totals_[bin];
    std::int64_t community = communities_ ? communities_->community_of_account(d.post_author(p)) : -1;
    std::size_t s = by_community ? std::min(static_cast<std::size_t>(std::max<std::int64_t>(community, 0)), other)
                                 : static_cast<std::size_t>(d.post_platform(p));
    if (!by_community || community >= 0) {
      if (all[s].counts.empty()) all[s].counts.assign(bins, 0);  // only series that count something
      ++all[s].counts[bin];
      ++all[s].total;
    }
    auto platform = static_cast<std::size_t>(d.post_platform(p));
    if (!platform_seen[platform]) {
      platform_seen[platform] = true;
      milestones_.push_back({d.post_time(p), "first-on-platform", std::string(platform_name(d.post_platform(p))), p});
    }
    if (community >= 0 && !community_seen[static_cast<std::size_t>(community)]) {
      community_seen[static_cast<std::size_t>(community)] = true;
      if (communities_->communities()[static_cast<std::size_t>(community)].accounts >=
          parameters_.milestone_community_accounts) {
        milestones_.push_back({d.post_time(p), "first-in-community", std::to_string(community), p});
      }
    }
    if (!hub_seen && hub[d.post_author(p)]) {
      hub_seen = true;
      milestones_.push_back({d.post_time(p), "first-hub", "@" + std::string(d.account_handle(d.post_author(p))), p});
    }
  }
  peak_ = static_cast<std::size_t>(std::max_element(totals_.begin(), totals_.end()) - totals_.begin());
  milestones_.push_back({start_ + static_cast<TimeMs>(peak_) * parameters_.bin, "peak",
                         fmt::format("{} posts in {} min", totals_[peak_], parameters_.bin / 60000), no_index});
  for (const TimelineEvent& event : parameters_.events) milestones_.push_back({event.time, "event", event.label, no_index});
  std::stable_sort(milestones_.begin(), milestones_.end(),
                   [](const Milestone& a, const Milestone& b) { return a.time < b.time; });
  for (TimelineSeries& s : all) {
    if (s.total > 0) series_.push_back(std::move(s));
  }
  mark_finished();
}

TimeMs Timeline::start() const {
  assure_finished("Timeline");
  return start_;
}
std::size_t Timeline::bin_count() const {
  assure_finished("Timeline");
  return totals_.size();
}
const std::vector<TimelineSeries>& Timeline::series() const {
  assure_finished("Timeline");
  return series_;
}
const std::vector<std::int64_t>& Timeline::totals() const {
  assure_finished("Timeline");
  return totals_;
}
const std::vector<Milestone>& Timeline::milestones() const {
  assure_finished("Timeline");
  return milestones_;
}
std::size_t Timeline::peak_bin() const {
  assure_finished("Timeline");
  return peak_;
}

}  // namespace leaktrace
