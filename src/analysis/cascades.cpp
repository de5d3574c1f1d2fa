#include "analysis/cascades.h"

#include <algorithm>
#include <numeric>
#include <unordered_map>

namespace leaktrace {
namespace {

// A share's parent in its tree: a repost's diffusion parent, a quote's quoted post; only when that
// post shares the subject too. no_index for a root.
std::uint32_t tree_parent_of(const Dataset& d, const std::vector<bool>& shares, const DiffusionParents& parents,
                             std::uint32_t p) {
  const PostKind kind = d.post_kind(p);
  const std::uint32_t parent = (kind == PostKind::repost || kind == PostKind::quote) ? parents.parent(p) : no_index;
  return parent != no_index && shares[parent] && parent != p ? parent : no_index;
}

SpreaderList ranked_spreaders(const Dataset& d, const std::vector<std::int64_t>& attributed) {
  SpreaderList spreaders;
  for (std::uint32_t account = 0; account < d.account_count(); ++account) {
    if (attributed[account] > 0) spreaders.emplace_back(account, attributed[account]);
  }
  std::sort(spreaders.begin(), spreaders.end(), [&](const auto& a, const auto& b) {
    if (a.second != b.second) return a.second > b.second;
    return d.account_native_id(a.first) < d.account_native_id(b.first);
  });
  return spreaders;
}

}  // namespace

SpreaderList spreaders_under(const Dataset& dataset, const SubjectMatch& subject, const DiffusionParents& parents) {
  std::vector<std::int64_t> attributed(dataset.account_count(), 0);
  for (std::uint32_t p : subject.posts()) {
    const std::uint32_t parent = tree_parent_of(dataset, subject.shares(), parents, p);
    if (parent != no_index) ++attributed[dataset.post_author(parent)];
  }
  return ranked_spreaders(dataset, attributed);
}

CascadeReconstruction::CascadeReconstruction(const Dataset& dataset, const SubjectMatch& subject,
                                             const DiffusionParents& parents, std::vector<std::size_t> account_thresholds)
    : dataset_(dataset), subject_(subject), parents_(parents), thresholds_(std::move(account_thresholds)) {}

void CascadeReconstruction::run() {
  const Dataset& d = dataset_;
  const std::vector<bool>& shares = subject_.shares();
  // The tree parent of each share: a repost's diffusion parent, a quote's quoted post; only when
  // that post shares the subject too. Children by parent, each parent's in time order.
  std::vector<std::uint32_t> roots;
  std::vector<std::uint32_t> tree_parent(d.post_count(), no_index);
  std::vector<std::uint32_t> child_begin(d.post_count() + 1, 0);
  std::vector<std::int64_t> attributed(d.account_count(), 0);
  for (std::uint32_t p : subject_.posts()) {
    const std::uint32_t parent = tree_parent_of(d, shares, parents_, p);
    if (parent != no_index) {
      tree_parent[p] = parent;
      ++child_begin[parent + 1];
      ++attributed[d.post_author(parent)];
    } else {
      roots.push_back(p);
    }
  }
  for (std::size_t p = 0; p < d.post_count(); ++p) child_begin[p + 1] += child_begin[p];
  std::vector<std::uint32_t> children(child_begin.back());
  {
    std::vector<std::uint32_t> next(child_begin.begin(), child_begin.end() - 1);
    for (std::uint32_t p : subject_.posts()) {
      if (tree_parent[p] != no_index) children[next[tree_parent[p]]++] = p;
    }
  }
  tree_parent = {};

  // Breadth-first from each root, into one array of nodes.
  std::vector<std::uint32_t> begin{0};
  std::vector<std::uint32_t> posts;
  std::vector<std::uint32_t> parent_in_tree;
  posts.reserve(subject_.posts().size());
  parent_in_tree.reserve(subject_.posts().size());
  for (std::uint32_t root : roots) {
    const std::size_t first = posts.size();
    posts.push_back(root);
    parent_in_tree.push_back(no_index);
    for (std::size_t i = first; i < posts.size(); ++i) {
      const std::uint32_t post = posts[i];
      for (std::uint32_t c = child_begin[post]; c < child_begin[post + 1]; ++c) {
        posts.push_back(children[c]);
        parent_in_tree.push_back(static_cast<std::uint32_t>(i - first));
      }
    }
    begin.push_back(static_cast<std::uint32_t>(posts.size()));
  }
  children = {};
  child_begin = {};

  // Largest first; equal sizes in time order of their roots (roots came in time order).
  std::vector<std::uint32_t> order(roots.size());
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return begin[a + 1] - begin[a] > begin[b + 1] - begin[b]; });
  tree_begin_.assign(1, 0);
  node_post_.clear();
  node_parent_.clear();
  node_post_.reserve(posts.size());
  node_parent_.reserve(posts.size());
  roots_.clear();
  for (std::uint32_t t : order) {
    node_post_.insert(node_post_.end(), posts.begin() + begin[t], posts.begin() + begin[t + 1]);
    node_parent_.insert(node_parent_.end(), parent_in_tree.begin() + begin[t], parent_in_tree.begin() + begin[t + 1]);
    tree_begin_.push_back(static_cast<std::uint32_t>(node_post_.size()));
    roots_.push_back(roots[t]);
  }

  // Each tree's metrics, its accounts numbered within it.
  metrics_.clear();
  metrics_.reserve(roots_.size());
  std::vector<std::uint32_t> number_of(d.account_count(), no_index);
  std::vector<std::uint32_t> numbered;
  std::vector<bool> anywhere(d.account_count(), false);
  std::vector<TimeMs> times;
  std::vector<std::uint32_t> users;
  users_ = 0;
  for (std::size_t t = 0; t < roots_.size(); ++t) {
    times.clear();
    users.clear();
    for (std::uint32_t i = tree_begin_[t]; i < tree_begin_[t + 1]; ++i) {
      const std::uint32_t post = node_post_[i];
      const std::uint32_t author = d.post_author(post);
      if (number_of[author] == no_index) {
        number_of[author] = static_cast<std::uint32_t>(numbered.size());
        numbered.push_back(author);
      }
      if (!anywhere[author]) anywhere[author] = true, ++users_;
      times.push_back(d.post_time(post));
      users.push_back(number_of[author]);
    }
    const std::span<const std::uint32_t> parents(node_parent_.data() + tree_begin_[t], tree_begin_[t + 1] - tree_begin_[t]);
    metrics_.push_back(cascade_metrics(CascadeShape{parents, times, users}, thresholds_));
    for (std::uint32_t account : numbered) number_of[account] = no_index;
    numbered.clear();
  }

  spreaders_ = ranked_spreaders(d, attributed);
  mark_finished();
}

std::size_t CascadeReconstruction::tree_count() const {
  assure_finished("CascadeReconstruction");
  return roots_.size();
}

std::span<const std::uint32_t> CascadeReconstruction::tree_posts(std::size_t index) const {
  assure_finished("CascadeReconstruction");
  return {node_post_.data() + tree_begin_[index], tree_begin_[index + 1] - tree_begin_[index]};
}

CascadeTree CascadeReconstruction::tree(std::size_t index) const {
  const Dataset& d = dataset_;
  const std::span<const std::uint32_t> posts = tree_posts(index);
  CascadeTree tree;
  tree.id = std::string(d.post_native_id(posts.front()));
  for (std::size_t i = 0; i < posts.size(); ++i) {
    tree.nodes.push_back({std::string(d.account_native_id(d.post_author(posts[i]))), std::string(d.post_native_id(posts[i])),
                          d.post_time(posts[i]), node_parent_[tree_begin_[index] + i]});
  }
  return tree;
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
  return summarize_cascades(metrics_, users_);
}
const SpreaderList& CascadeReconstruction::spreaders() const {
  assure_finished("CascadeReconstruction");
  return spreaders_;
}

std::vector<SpreaderChange> compare_spreaders(const CascadeReconstruction& first, const CascadeReconstruction& second,
                                              std::size_t count) {
  return compare_spreaders(first.spreaders(), second.spreaders(), count);
}

std::vector<SpreaderChange> compare_spreaders(const SpreaderList& first, const SpreaderList& second, std::size_t count) {
  std::unordered_map<std::uint32_t, SpreaderChange> changes;
  auto take = [&](const SpreaderList& spreaders, bool is_first) {
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
  for (const auto& [account, shares] : first) {
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
