#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analysis/analysis_base.h"
#include "analysis/communities.h"
#include "analysis/subject.h"
#include "workspace/dataset.h"

namespace leaktrace {

struct OriginParameters {
  std::size_t first_sharers = 20;
  // A post is amplified once this many reposts and quotes of it share the subject.
  std::int64_t amplification_shares = 10;
};

// One step of the origin chain and how it is tied to the step before it.
struct OriginStep {
  std::uint32_t post = no_index;
  // follows / tied: nothing in the post names a source, but its author follows (or interacted
  // with) the author of an earlier share: the likeliest place it saw the subject.
  enum class Tie { none, cites, reposts, quotes, answers, follows, tied } tie = Tie::none;
};
std::string_view origin_tie_name(OriginStep::Tie tie);

struct Amplification {
  std::uint32_t post = no_index;
  std::int64_t shares = 0;             // all reposts and quotes of it that share the subject
  TimeMs reached = unknown_time;        // when the amplification_shares-th of them came
};

// Where a subject started. The subject's shares, plus every post they cite or derive from followed
// back across platforms (even posts that do not match the subject: the paste a 4chan thread links),
// give each share an earliest source. The chain runs from the earliest source of all to the first
// share on the main platform (where most shares are) that traces back to it: paste -> 4chan thread ->
// first tweet. Also: the first appearance per platform and per community, the first sharers, and
// the first large amplification.
class OriginTrace : public Analysis {
 public:
  OriginTrace(const Dataset& dataset, const SubjectMatch& subject, const CommunityDetection* communities = nullptr,
              OriginParameters parameters = {});
  void run() override;

  const std::vector<OriginStep>& chain() const;  // earliest first; empty when nothing shares the subject
  const std::vector<std::pair<Platform, std::uint32_t>>& first_by_platform() const;  // in time order
  const std::vector<std::pair<std::int64_t, std::uint32_t>>& first_by_community() const;  // in time order
  const std::vector<std::uint32_t>& first_sharers() const;  // each account's first share, in time order
  const std::optional<Amplification>& amplification() const;
  std::size_t traced_posts() const;  // shares plus the posts traced back from them

 private:
  const Dataset& dataset_;
  const SubjectMatch& subject_;
  const CommunityDetection* communities_;
  OriginParameters parameters_;
  std::vector<OriginStep> chain_;
  std::vector<std::pair<Platform, std::uint32_t>> first_by_platform_;
  std::vector<std::pair<std::int64_t, std::uint32_t>> first_by_community_;
  std::vector<std::uint32_t> first_sharers_;
  std::optional<Amplification> amplification_;
  std::size_t traced_ = 0;
};

}  // namespace leaktrace
