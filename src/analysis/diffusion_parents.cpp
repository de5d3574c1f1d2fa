#include "analysis/diffusion_parents.h"

#include <stdexcept>
#include <unordered_map>

#include <fmt/format.h>

namespace leaktrace {

std::string_view parent_assumption_name(ParentAssumption assumption) {
  switch (assumption) {
    case ParentAssumption::root: return "root";
    case ParentAssumption::latest_tie: return "latest-tie";
    case ParentAssumption::follow_graph: return "follow-graph";
  }
  return "root";
}

ParentAssumption parent_assumption_from_name(std::string_view name) {
  for (ParentAssumption a : {ParentAssumption::root, ParentAssumption::latest_tie, ParentAssumption::follow_graph}) {
    if (parent_assumption_name(a) == name) return a;
  }
  throw std::invalid_argument(
      fmt::format("unknown parent assumption '{}'; --parent takes root, latest-tie or follow-graph FILE", name));
}

DiffusionParents::DiffusionParents(const Dataset& dataset, const SubjectMatch& subject, ParentAssumption assumption,
                                   const AccountGraph* ties, const FollowGraph* follows)
    : dataset_(dataset), subject_(subject), assumption_(assumption), ties_(ties), follows_(follows) {
  if (assumption_ == ParentAssumption::latest_tie && !ties_) {
    throw std::invalid_argument("the latest-tie assumption needs the account graph of ties");
  }
  if (assumption_ == ParentAssumption::follow_graph && !follows_) {
    throw std::invalid_argument("--parent follow-graph needs a follower graph: --parent follow-graph FILE");
  }
}

void DiffusionParents::run() {
  const Dataset& d = dataset_;
  const std::vector<bool>& shares = subject_.shares();
  parents_.assign(d.post_count(), no_index);
  rewired_ = 0;

  // Shares in time order, grouped by the post they repost.
  std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> reposts_of;
  for (std::uint32_t p : subject_.posts()) {
    std::uint32_t parent = d.post_parent(p);
    if (parent == no_index) continue;
    parents_[p] = parent;
    if (d.post_kind(p) == PostKind::repost && shares[parent]) reposts_of[parent].push_back(p);
  }
  if (assumption_ == ParentAssumption::root) {
    mark_finished();
    return;
  }

  // Neighbours of an account that have shared the current root so far: the latest share of each.
  std::unordered_map<std::uint32_t, std::uint32_t> latest_share;
  std::unordered_map<std::uint32_t, double> tie_weight;  // by node of the ties graph
  for (auto& [root_post, reposts] : reposts_of) {
    const std::uint32_t root = root_post;
    latest_share.clear();
    latest_share[d.post_author(root)] = root;
    for (std::uint32_t p : reposts) {
      const std::uint32_t account = d.post_author(p);
      const TimeMs time = d.post_time(p);
      std::uint32_t best = root;
      auto consider = [&](std::uint32_t other) {
        auto it = latest_share.find(other);
        if (it == latest_share.end() || it->second == root) return;
        std::uint32_t share = it->second;
        if (d.post_time(share) <= time && (best == root || d.post_time(share) > d.post_time(best))) best = share;
      };
      if (assumption_ == ParentAssumption::follow_graph) {
        // Scan whichever side is smaller: the account's followees or the sharers so far.
        const auto& followees = follows_->followees(account);
        if (followees.size() <= latest_share.size()) {
          for (std::uint32_t followee : followees) consider(followee);
        } else {
          for (const auto& [other, share] : latest_share) {
            if (follows_->follows(account, other)) consider(other);
          }
        }
      } else {
        // The earlier sharer the account is most tied to, counting its interactions with them
        // anywhere in the data except this repost; the root when no one is tied more than it.
        std::uint32_t node = ties_->node_of_account(account);
        if (node != no_index) {
          tie_weight.clear();
          for (const GraphEdge& e : ties_->out_edges(node)) tie_weight[e.target] += e.weight;
          for (std::uint32_t edge : ties_->in_edges(node)) tie_weight[ties_->edges()[edge].source] += ties_->edges()[edge].weight;
          const std::uint32_t root_node = ties_->node_of_account(d.post_author(root));
          double best_weight = 0;
          if (auto it = tie_weight.find(root_node); it != tie_weight.end()) best_weight = it->second - 1;
          for (const auto& [neighbour, weight] : tie_weight) {
            std::uint32_t other = ties_->node(neighbour).account;
            if (other == no_index || other == account || neighbour == root_node) continue;
            auto shared = latest_share.find(other);
            if (shared == latest_share.end() || shared->second == root || d.post_time(shared->second) > time) continue;
            std::uint32_t share = shared->second;
            bool stronger = weight > best_weight;
            bool as_strong_and_later = weight == best_weight && best != root && d.post_time(share) > d.post_time(best);
            if (stronger || as_strong_and_later) {
              best = share;
              best_weight = weight;
            }
          }
        }
      }
      parents_[p] = best;
      if (best != root) ++rewired_;
      auto [it, added] = latest_share.emplace(account, p);
      if (!added && d.post_time(p) >= d.post_time(it->second)) it->second = p;
    }
  }
  mark_finished();
}

std::uint32_t DiffusionParents::parent(std::uint32_t post) const {
  assure_finished("DiffusionParents");
  return parents_[post];
}
const std::vector<std::uint32_t>& DiffusionParents::parents() const {
  assure_finished("DiffusionParents");
  return parents_;
}
std::size_t DiffusionParents::rewired() const {
  assure_finished("DiffusionParents");
  return rewired_;
}

}  // namespace leaktrace
