#include "simulate/stream_plan.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace leaktrace::simulate {

StreamPlan::StreamPlan(const ScenarioParameters& parameters, const Story& story)
    : parameters_(parameters), story_(story) {}

void StreamPlan::run() {
  Random random = Random::derived(parameters_.seed, 2);
  const std::vector<SimPost>& posts = story_.posts;
  const std::uint64_t count = posts.size();
  lines_.reserve(count + count / 50 + 64);
  for (std::uint64_t i = 0; i < count; ++i) lines_.push_back({posts[i].time, i, StreamLineKind::tweet});

  const TimeMs end = parameters_.start + parameters_.duration;
  noise_.deletions = static_cast<std::uint64_t>(std::llround(static_cast<double>(count) * parameters_.noise_delete_share));
  for (std::uint64_t i = 0; i < noise_.deletions; ++i) {
    std::uint64_t post = random.below(count);
    TimeMs time = posts[post].time + 1 + static_cast<TimeMs>(random.lognormal(7200.0, 1.5) * 1000.0);
    lines_.push_back({std::min(time, end + 3600000), post, StreamLineKind::deletion});
  }
  noise_.duplicates =
      static_cast<std::uint64_t>(std::llround(static_cast<double>(count) * parameters_.noise_duplicate_share));
  for (std::uint64_t i = 0; i < noise_.duplicates; ++i) {
    std::uint64_t post = random.below(count);
    lines_.push_back({posts[post].time + 1 + static_cast<TimeMs>(random.below(5000)), post, StreamLineKind::duplicate});
  }
  noise_.malformed = parameters_.noise_malformed;
  for (std::uint64_t i = 0; i < noise_.malformed; ++i) {
    std::uint64_t post = random.below(count);
    StreamLineKind kind = i == 1 ? StreamLineKind::invalid_utf8 : StreamLineKind::truncated;
    lines_.push_back({posts[post].time + 1 + static_cast<TimeMs>(random.below(3000)), post, kind});
  }
  noise_.limits = parameters_.noise_limit;
  std::vector<TimeMs> limit_times(noise_.limits);
  for (TimeMs& time : limit_times) {
    time = parameters_.start + static_cast<TimeMs>(random.uniform() * static_cast<double>(parameters_.duration));
  }
  std::sort(limit_times.begin(), limit_times.end());
  std::uint64_t undelivered = 0;
  for (TimeMs time : limit_times) {
    undelivered += 1 + random.below(4000);  // the stream's count is cumulative
    lines_.push_back({time, undelivered, StreamLineKind::limit});
  }
  // The tweets come first and already in time order (the story's order): sorting the noise alone
  // and merging it in gives the order of a stable sort of everything by time.
  auto by_time = [](const StreamLine& a, const StreamLine& b) { return a.time < b.time; };
  const auto noise_begin = lines_.begin() + static_cast<std::ptrdiff_t>(count);
  if (!std::is_sorted(lines_.begin(), noise_begin, by_time)) {
    std::stable_sort(lines_.begin(), lines_.end(), by_time);
  } else {
    std::stable_sort(noise_begin, lines_.end(), by_time);
    std::inplace_merge(lines_.begin(), noise_begin, lines_.end(), by_time);
  }
  for (std::uint64_t i = 0; i < lines_.size(); ++i) {
    if (lines_[i].kind == StreamLineKind::truncated || lines_[i].kind == StreamLineKind::invalid_utf8) {
      noise_.malformed_lines.push_back(i + 1);
    }
  }
  finished_ = true;
}

const std::vector<StreamLine>& StreamPlan::lines() const {
  if (!finished_) throw std::logic_error("the stream is not planned yet: call StreamPlan::run() first");
  return lines_;
}

const NoiseCounts& StreamPlan::noise() const {
  if (!finished_) throw std::logic_error("the stream is not planned yet: call StreamPlan::run() first");
  return noise_;
}

}  // namespace leaktrace::simulate
