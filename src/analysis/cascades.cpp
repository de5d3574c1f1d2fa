#include "analysis/cascades.h"

#include <algorithm>
#include <numeric>
#include <unordered_map>

namespace leaktrace {

CascadeReconstruction::CascadeReconstruction(const Dataset& dataset, const SubjectMatch& subject,
                                             const DiffusionParents& parents, std::vector<std::size_t> account_thresholds)
    : dataset_(dataset), subject_(subject), parents_(parents), thresholds_(std::move(account_thresholds)) {}

void CascadeReconstruction::run() {
  const Dataset& d = dataset_;
  const std::vector<bool>& shares = subject_.shares();
  // The tree parent of each share: a repost's diffusion parent, a quote's quoted post; only when
  // that post shares the subject too.
  std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> children;
  std::vector<std::uint32_t> roots;
  std::unordered_map<std::uint32_t, std::int64_t> attributed;
  for (std::uint32_t p : subject_.posts()) {
    PostKind kind = d.post_kind(p);
    std::uint32_t parent = (kind == PostKind::repost || kind == PostKind::quote) ? parents_.parent(p) : no_index;
    if (parent != no_index && shares[parent] && parent != p) {
      children[parent].push_back(p);
      ++attributed[d.post_author(parent)];
    } else {
      roots.push_back(p);
    }
  }
  trees_.clear();
  roots_.clear();
  std::vector<std::uint32_t> queue;
  for (std::uint32_t root : roots) {
    CascadeTree tree;
    tree.id = std::string(d.post_native_id(root));
    queue.assign(1, root);
    std::vector<std::uint32_t> index_of_queue(1, no_index);
    for (std::size_t i = 0; i < queue.size(); ++i) {
      std::uint32_t post = queue[i];
      tree.nodes.push_back({std::string(d.account_native_id(d.post_author(post))), std::string(d.post_native_id(post)),
                            d.post_time(post), index_of_queue[i]});
      if (auto it = children.find(post); it != children.end()) {
        for (std::uint32_t child : it->second) {
          queue.push_back(child);
          index_of_queue.push_back(static_cast<std::uint32_t>(i));
        }
      }
    }
    trees_.push_back(std::move(tree));
    roots_.push_back(root);
  }
  // Largest first; equal sizes in time order of their roots (roots came in time order).
  std::vector<std::size_t> order(trees_.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return trees_[a].size() > trees_[b].size(); });
  std::vector<CascadeTree> sorted_trees;
  std::vector<std::uint32_t> sorted_roots;
  sorted_trees.reserve(order.size());
  for (std::size_t i : order) {
    sorted_trees.push_back(std::move(trees_[i]));
    sorted_roots.push_back(roots_[i]);
  }
  trees_ = std::move(sorted_trees);
  roots_ = std::move(sorted_roots);
  metrics_.clear();
  metrics_.reserve(trees_.size());
  for (const CascadeTree& tree : trees_) metrics_.push_back(cascade_metrics(tree, thresholds_));

  spreaders_.assign(attributed.begin(), attributed.end());
  std::sort(spreaders_.begin(), spreaders_.end(), [&](const auto& a, const auto& b) {
    if (a.second != b.second) return a.second > b.second;
    return d.account_native_id(a.first) < d.account_native_id(b.first);
  });
  mark_finished();
}

const std::vector<CascadeTree>& CascadeReconstruction::trees() const {
  assure_finished("CascadeReconstruction");
  return trees_;
}
const std::vector<std::uint32_t>& CascadeReconstruction::roots() const {
  assure_finished("CascadeReconstruction");
  return roots_;
}
const std::vector<CascadeMetrics>& CascadeReconstruction::metrics() const {
  assure_finished("CascadeReconstruction");
  return metrics_;
}
CascadeDatasetSummary CascadeReconstruction::summary() const {
  assure_finished("CascadeReconstruction");
  return summarize_cascades(trees_);
}
const std::vector<std::pair<std::uint32_t, std::int64_t>>& CascadeReconstruction::spreaders() const {
  assure_finished("CascadeReconstruction");
  return spreaders_;
}

std::vector<SpreaderChange> compare_spreaders(const CascadeReconstruction& first, const CascadeReconstruction& second,
                                              std::size_t count) {
  std::unordered_map<std::uint32_t, SpreaderChange> changes;
  auto take = [&](const CascadeReconstruction& r, bool is_first) {
    const auto& spreaders = r.spreaders();
    for (std::size_t rank = 0; rank < spreaders.size(); ++rank) {
      auto [account, shares] = spreaders[rank];
      bool in_top = rank < count;
      auto it = changes.find(account);
      if (!in_top && it == changes.end()) continue;
      SpreaderChange& change = changes[account];
      change.account = account;
      (is_first ? change.first : change.second) = shares;
      if (in_top) (is_first ? change.first_rank : change.second_rank) = static_cast<std::int64_t>(rank);
    }
  };
  take(first, true);
  take(second, false);
  // Shares of accounts that joined the top only in the second: read their count under the first.
  for (const auto& [account, shares] : first.spreaders()) {
    if (auto it = changes.find(account); it != changes.end()) it->second.first = shares;
  }
  std::vector<SpreaderChange> out;
  for (auto& [account, change] : changes) out.push_back(change);
  std::sort(out.begin(), out.end(), [](const SpreaderChange& a, const SpreaderChange& b) {
    auto key = [](const SpreaderChange& c) {
      return c.second_rank >= 0 ? c.second_rank : 1000000 + (c.first_rank >= 0 ? c.first_rank : 0);
    };
    if (key(a) != key(b)) return key(a) < key(b);
    return a.account < b.account;
  });
  return out;
}

}  // namespace leaktrace
