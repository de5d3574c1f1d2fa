#pragma once

#include <cstdint>
#include <vector>

#include "model/time.h"
#include "simulate/random.h"
#include "simulate/scenario.h"
#include "simulate/story.h"

namespace leaktrace::simulate {

enum class StreamLineKind : unsigned char { tweet, deletion, limit, duplicate, truncated, invalid_utf8 };

struct StreamLine {
  TimeMs time = 0;
  std::uint64_t value = 0;  // the post index; for a limit notice, the undelivered count
  StreamLineKind kind = StreamLineKind::tweet;
};

struct NoiseCounts {
  std::uint64_t deletions = 0;
  std::uint64_t limits = 0;
  std::uint64_t duplicates = 0;
  std::uint64_t malformed = 0;
  std::vector<std::uint64_t> malformed_lines;  // 1-based line numbers in the tweet file
};

// The lines of the tweet file in the order a collector wrote them: every tweet, then the noise of
// a real collection mixed in by time: deletion and limit notices, duplicated lines, and a few
// malformed lines (cut copies of tweets that are also written whole, so nothing is lost).
class StreamPlan {
 public:
  StreamPlan(const ScenarioParameters& parameters, const Story& story);
  void run();
  const std::vector<StreamLine>& lines() const;
  const NoiseCounts& noise() const;

 private:
  const ScenarioParameters& parameters_;
  const Story& story_;
  std::vector<StreamLine> lines_;
  NoiseCounts noise_;
  bool finished_ = false;
};

}  // namespace leaktrace::simulate
