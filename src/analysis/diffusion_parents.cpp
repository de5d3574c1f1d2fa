#include "analysis/diffusion_parents.h"

#include <algorithm>
#include <optional>
#include <span>
#include <stdexcept>

#include <fmt/format.h>

namespace leaktrace {
namespace {

// How much each node of the ties graph interacted with each other, either way and of any type:
// one sorted row of (neighbour, weight) per node, so a pair's weight is one binary search.
class TieTable {
 public:
  explicit TieTable(const AccountGraph& ties) {
    WeightedEdges pairs = ties.undirected();
    offsets_.assign(static_cast<std::size_t>(ties.node_count()) + 1, 0);
    for (std::size_t i = 0; i < pairs.size(); ++i) {
      ++offsets_[pairs.from[i] + 1];
      ++offsets_[pairs.to[i] + 1];
    }
    for (std::uint32_t n = 0; n < ties.node_count(); ++n) offsets_[n + 1] += offsets_[n];
    rows_.resize(offsets_.back());
    std::vector<std::size_t> next(offsets_.begin(), offsets_.end() - 1);
    // Pairs come sorted by (from, to), so each row fills in ascending neighbour order.
    for (std::size_t i = 0; i < pairs.size(); ++i) rows_[next[pairs.to[i]]++] = {pairs.from[i], pairs.weight[i]};
    for (std::size_t i = 0; i < pairs.size(); ++i) rows_[next[pairs.from[i]]++] = {pairs.to[i], pairs.weight[i]};
  }
  std::span<const std::pair<std::uint32_t, double>> row(std::uint32_t node) const {
    return {rows_.data() + offsets_[node], rows_.data() + offsets_[node + 1]};
  }
  double weight(std::uint32_t a, std::uint32_t b) const {
    auto r = row(a);
    auto it = std::lower_bound(r.begin(), r.end(), b, [](const auto& entry, std::uint32_t n) { return entry.first < n; });
    return it != r.end() && it->first == b ? it->second : 0;
  }

 private:
  std::vector<std::size_t> offsets_;
  std::vector<std::pair<std::uint32_t, double>> rows_;
};

}  // namespace

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

DiffusionParents::DiffusionParents(const Dataset& dataset, const SubjectMatch& subject,
                                   const DiffusionParents& of_every_post)
    : dataset_(dataset), subject_(subject), assumption_(of_every_post.assumption_), ties_(of_every_post.ties_),
      follows_(of_every_post.follows_), of_every_post_(&of_every_post) {}

void DiffusionParents::run() {
  const Dataset& d = dataset_;
  const std::vector<bool>& shares = subject_.shares();
  parents_.assign(d.post_count(), no_index);
  rewired_ = 0;
  if (of_every_post_) {
    const std::vector<std::uint32_t>& wider = of_every_post_->parents();
    if (of_every_post_->subject_.count() != d.post_count()) {
      throw std::invalid_argument("diffusion parents can be read off only those of every post of the dataset");
    }
    for (std::uint32_t p : subject_.posts()) {
      const std::uint32_t parent = d.post_parent(p);
      if (parent == no_index) continue;
      // A repost that matches by itself while its root does not stays under the root, as below.
      const bool grouped = d.post_kind(p) == PostKind::repost && shares[parent];
      parents_[p] = grouped ? wider[p] : parent;
      if (grouped && parents_[p] != parent) ++rewired_;
    }
    mark_finished();
    return;
  }

  // Shares that repost a share, grouped by the post they repost, each group in time order.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> reposts;  // (reposted, repost)
  for (std::uint32_t p : subject_.posts()) {
    std::uint32_t parent = d.post_parent(p);
    if (parent == no_index) continue;
    parents_[p] = parent;
    if (d.post_kind(p) == PostKind::repost && shares[parent]) reposts.emplace_back(parent, p);
  }
  if (assumption_ == ParentAssumption::root) {
    mark_finished();
    return;
  }
  std::stable_sort(reposts.begin(), reposts.end(), [](const auto& a, const auto& b) { return a.first < b.first; });

  // By account: its latest share of the current root so far (no_index: none), and who has one.
  std::vector<std::uint32_t> latest_share(d.account_count(), no_index);
  std::vector<std::uint32_t> sharers;
  std::optional<TieTable> tie_table;
  if (assumption_ == ParentAssumption::latest_tie) tie_table.emplace(*ties_);
  auto later = [&](std::uint32_t a, std::uint32_t b) {
    return d.post_time(a) != d.post_time(b) ? d.post_time(a) > d.post_time(b) : a > b;
  };
  for (std::size_t group = 0; group < reposts.size();) {
    const std::uint32_t root = reposts[group].first;
    for (std::uint32_t a : sharers) latest_share[a] = no_index;
    sharers.assign(1, d.post_author(root));
    latest_share[d.post_author(root)] = root;
    for (; group < reposts.size() && reposts[group].first == root; ++group) {
      const std::uint32_t p = reposts[group].second;
      const std::uint32_t account = d.post_author(p);
      const TimeMs time = d.post_time(p);
      std::uint32_t best = root;
      auto consider = [&](std::uint32_t other) {
        std::uint32_t share = latest_share[other];
        if (share == no_index || share == root) return;
        if (d.post_time(share) <= time && (best == root || later(share, best))) best = share;
      };
      if (assumption_ == ParentAssumption::follow_graph) {
        // Scan whichever side is smaller: the account's followees or the sharers so far.
        const auto followees = follows_->followees(account);
        if (followees.size() <= sharers.size()) {
          for (std::uint32_t followee : followees) consider(followee);
        } else {
          for (std::uint32_t other : sharers) {
            if (follows_->follows(account, other)) consider(other);
          }
        }
      } else {
        // The earlier sharer the account is most tied to, counting its interactions with them
        // anywhere in the data except this repost; the root when no one is tied more than it.
        std::uint32_t node = ties_->node_of_account(account);
        if (node != no_index) {
          const std::uint32_t root_node = ties_->node_of_account(d.post_author(root));
          double best_weight = root_node != no_index ? std::max(0.0, tie_table->weight(node, root_node) - 1) : 0;
          auto weigh = [&](std::uint32_t other, double weight) {
            if (other == no_index || other == account) return;
            std::uint32_t share = latest_share[other];
            if (share == no_index || share == root || d.post_time(share) > time) return;
            bool stronger = weight > best_weight;
            bool as_strong_and_later = weight == best_weight && best != root && later(share, best);
            if (stronger || as_strong_and_later) {
              best = share;
              best_weight = weight;
            }
          };
          // Scan whichever side is smaller: the account's ties or the sharers so far.
          const auto row = tie_table->row(node);
          if (sharers.size() < row.size()) {
            for (std::uint32_t other : sharers) {
              std::uint32_t other_node = ties_->node_of_account(other);
              if (other_node == no_index || other_node == root_node || ties_->node(other_node).account != other) continue;
              if (double weight = tie_table->weight(node, other_node); weight > 0) weigh(other, weight);
            }
          } else {
            for (const auto& [neighbour, weight] : row) {
              if (neighbour != root_node) weigh(ties_->node(neighbour).account, weight);
            }
          }
        }
      }
      parents_[p] = best;
      if (best != root) ++rewired_;
      std::uint32_t& latest = latest_share[account];
      if (latest == no_index) {
        sharers.push_back(account);
        latest = p;
      } else if (d.post_time(p) >= d.post_time(latest)) {
        latest = p;
      }
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
