#include "analysis/bridges.h"

#include <algorithm>
#include <tuple>

namespace leaktrace {

BridgeDetection::BridgeDetection(const Dataset& dataset, const SubjectMatch& subject,
                                 const CommunityDetection& communities, const DiffusionParents& parents,
                                 const FollowGraph* follows, const AccountGraph* ties)
    : dataset_(dataset), subject_(subject), communities_(communities), parents_(parents), follows_(follows),
      ties_(ties) {}

void BridgeDetection::run() {
  const Dataset& d = dataset_;
  bridges_.clear();
  std::vector<bool> seen(communities_.communities().size(), false);
  const std::vector<std::uint32_t>& shares = subject_.posts();
  // The latest share before `index` whose author `account` follows or is tied to.
  auto seen_through = [&](std::size_t index, std::uint32_t account) -> std::pair<std::uint32_t, OriginStep::Tie> {
    std::vector<bool> tied;
    if (!follows_ && ties_) {
      tied.assign(d.account_count(), false);
      if (std::uint32_t node = ties_->node_of_account(account); node != no_index) {
        for (const GraphEdge& e : ties_->out_edges(node)) {
          if (ties_->node(e.target).account != no_index) tied[ties_->node(e.target).account] = true;
        }
        for (std::uint32_t e : ties_->in_edges(node)) {
          std::uint32_t other = ties_->node(ties_->edges()[e].source).account;
          if (other != no_index) tied[other] = true;
        }
      }
    }
    for (std::size_t i = index; i-- > 0;) {
      std::uint32_t other = d.post_author(shares[i]);
      if (other == account) continue;
      if (follows_ && follows_->follows(account, other)) return {shares[i], OriginStep::Tie::follows};
      if (!follows_ && ties_ && tied[other]) return {shares[i], OriginStep::Tie::tied};
    }
    return {no_index, OriginStep::Tie::none};
  };
  for (std::size_t index = 0; index < shares.size(); ++index) {
    const std::uint32_t post = shares[index];
    std::int64_t community = communities_.community_of_account(d.post_author(post));
    if (community < 0 || seen[static_cast<std::size_t>(community)]) continue;
    seen[static_cast<std::size_t>(community)] = true;
    Bridge bridge;
    bridge.community = community;
    bridge.post = post;
    std::uint32_t parent = parents_.parent(post);
    if (parent != no_index) {
      bridge.from_post = parent;
      switch (d.post_kind(post)) {
        case PostKind::repost: bridge.tie = OriginStep::Tie::reposts; break;
        case PostKind::quote: bridge.tie = OriginStep::Tie::quotes; break;
        default: bridge.tie = OriginStep::Tie::answers; break;
      }
    } else {
      // Where it saw it comes first (a followee's, or a tied account's, earlier share); what it
      // links to says where the content is, not how the account came to it.
      std::tie(bridge.from_post, bridge.tie) = seen_through(index, d.post_author(post));
      if (bridge.from_post == no_index) {
        auto cited = d.post_citations(post);
        auto earliest = std::min_element(cited.begin(), cited.end(), [&](std::uint32_t a, std::uint32_t b) {
          return d.post_time(a) < d.post_time(b);
        });
        if (earliest != cited.end() && d.post_time(*earliest) <= d.post_time(post)) {
          bridge.from_post = *earliest;
          bridge.tie = OriginStep::Tie::cites;
        }
      }
    }
    if (bridge.from_post != no_index) {
      bridge.from_community = communities_.community_of_account(d.post_author(bridge.from_post));
    }
    bridges_.push_back(bridge);
  }
  mark_finished();
}

const std::vector<Bridge>& BridgeDetection::bridges() const {
  assure_finished("BridgeDetection");
  return bridges_;
}

std::size_t BridgeDetection::jumps() const {
  assure_finished("BridgeDetection");
  return static_cast<std::size_t>(std::count_if(bridges_.begin(), bridges_.end(), [](const Bridge& b) {
    return b.from_community >= 0 && b.from_community != b.community;
  }));
}

}  // namespace leaktrace
