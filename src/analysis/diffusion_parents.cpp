#include "analysis/diffusion_parents.h"

#include <algorithm>
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

const std::vector<std::uint32_t>& FollowGraph::followees(std::uint32_t follower) const {
  if (followees_.empty() && !edges_.empty()) {
    std::uint32_t max_follower = 0;
    for (std::uint64_t e : edges_) max_follower = std::max(max_follower, static_cast<std::uint32_t>(e >> 32));
    followees_.resize(static_cast<std::size_t>(max_follower) + 1);
    for (std::uint64_t e : edges_) followees_[e >> 32].push_back(static_cast<std::uint32_t>(e));
  }
  static const std::vector<std::uint32_t> none;
  return follower < followees_.size() ? followees_[follower] : none;
}

std::vector<std::pair<std::uint32_t, std::uint32_t>> FollowGraph::pairs() const {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
  out.reserve(edges_.size());
  for (std::uint64_t e : edges_) out.emplace_back(static_cast<std::uint32_t>(e >> 32), static_cast<std::uint32_t>(e));
  std::sort(out.begin(), out.end());
  return out;
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
  std::vector<std::uint32_t> candidates;
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
        std::uint32_t node = ties_->node_of_account(account);
        if (node != no_index) {
          candidates.clear();
          for (const GraphEdge& e : ties_->out_edges(node)) candidates.push_back(e.target);
          for (std::uint32_t edge : ties_->in_edges(node)) candidates.push_back(ties_->edges()[edge].source);
          for (std::uint32_t neighbour : candidates) {
            std::uint32_t other = ties_->node(neighbour).account;
            if (other != no_index && other != account) consider(other);
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
