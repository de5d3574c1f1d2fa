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
  // By account, where its shares are in time order (positions in `shares`, ascending).
  std::vector<std::uint32_t> first_position(d.account_count() + 1, 0);
  for (std::uint32_t p : shares) ++first_position[d.post_author(p) + 1];
  for (std::uint32_t a = 0; a < d.account_count(); ++a) first_position[a + 1] += first_position[a];
  std::vector<std::uint32_t> positions(shares.size());
  {
    std::vector<std::uint32_t> next(first_position.begin(), first_position.end() - 1);
    for (std::size_t i = 0; i < shares.size(); ++i) positions[next[d.post_author(shares[i])]++] = static_cast<std::uint32_t>(i);
  }
  // The latest share before `index` whose author `account` follows or is tied to: the latest
  // before it of each followee or tied account, the latest of those.
  auto seen_through = [&](std::size_t index, std::uint32_t account) -> std::pair<std::uint32_t, OriginStep::Tie> {
    std::size_t latest = index;
    auto consider = [&](std::uint32_t other) {
      if (other == no_index || other == account) return;
      auto first = positions.begin() + first_position[other];
      auto last = positions.begin() + first_position[other + 1];
      auto after = std::lower_bound(first, last, static_cast<std::uint32_t>(index));
      if (after != first && (latest == index || *(after - 1) > latest)) latest = *(after - 1);
    };
    OriginStep::Tie tie = OriginStep::Tie::none;
    if (follows_) {
      for (std::uint32_t followee : follows_->followees(account)) consider(followee);
      tie = OriginStep::Tie::follows;
    } else if (ties_) {
      if (std::uint32_t node = ties_->node_of_account(account); node != no_index) {
        for (const GraphEdge& e : ties_->out_edges(node)) consider(ties_->node(e.target).account);
        for (std::uint32_t e : ties_->in_edges(node)) consider(ties_->node(ties_->edges()[e].source).account);
      }
      tie = OriginStep::Tie::tied;
    }
    if (latest == index) return {no_index, OriginStep::Tie::none};
    return {shares[latest], tie};
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
