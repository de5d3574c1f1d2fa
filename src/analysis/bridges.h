#pragma once

#include <cstdint>
#include <vector>

#include "analysis/analysis_base.h"
#include "analysis/communities.h"
#include "analysis/diffusion_parents.h"
#include "analysis/origin.h"
#include "workspace/dataset.h"

namespace leaktrace {

// The first account of a community to share the subject, and where it got it from.
struct Bridge {
  std::int64_t community = -1;
  std::uint32_t post = no_index;
  std::uint32_t from_post = no_index;      // no_index when nothing in the data leads to it
  std::int64_t from_community = -1;
  OriginStep::Tie tie = OriginStep::Tie::none;  // how `post` derives from `from_post`
};

// For each community, the first share of the subject by one of its accounts, and the share it
// came from: the post it reposts (under the diffusion-parent assumption given), quotes or answers;
// else the latest earlier share by an account it follows (`follows`) or, without a follower graph,
// interacted with (`ties`); else the earliest post it cites. In time order, these are the
// subject's jumps between communities.
class BridgeDetection : public Analysis {
 public:
  BridgeDetection(const Dataset& dataset, const SubjectMatch& subject, const CommunityDetection& communities,
                  const DiffusionParents& parents, const FollowGraph* follows = nullptr,
                  const AccountGraph* ties = nullptr);
  void run() override;

  const std::vector<Bridge>& bridges() const;  // in time order
  // Bridges whose source is in another community: the jumps.
  std::size_t jumps() const;

 private:
  const Dataset& dataset_;
  const SubjectMatch& subject_;
  const CommunityDetection& communities_;
  const DiffusionParents& parents_;
  const FollowGraph* follows_;
  const AccountGraph* ties_;
  std::vector<Bridge> bridges_;
};

}  // namespace leaktrace
