#include "analysis/diffusion_parents.h"

#include <algorithm>
#include <exception>
#include <memory>
#include <span>
#include <stdexcept>
#include <thread>

#include <fmt/format.h>

namespace leaktrace {
namespace {

// `here` on this thread and `beside` on another at once; a failure of either is thrown once both
// are done.
template <typename Here, typename Beside>
void side_by_side(Here here, Beside beside) {
  std::exception_ptr failure;
  std::thread other([&] {
    try {
      beside();
    } catch (...) {
      failure = std::current_exception();
    }
  });
  try {
    here();
  } catch (...) {
    other.join();
    throw;
  }
  other.join();
  if (failure) std::rethrow_exception(failure);
}

// How much each account of the ties graph interacted with each other account, either way and of
// any type: one row of (account, weight) per account, by account, so a pair's weight is one binary
// search and a row names accounts without a look at the graph's nodes. Nodes that are no single
// account (a 4chan thread) are left out: they share nothing. Rows are filled from the graph's
// edges as they are and each sorted and merged after (half the rows on a second thread on a
// large graph), not from the graph's merged undirected pairs: that merge was a sort of its own.
class TieTable {
 public:
  explicit TieTable(const AccountGraph& ties, std::size_t accounts) {
    std::vector<std::uint32_t> node_account(ties.node_count());
    for (std::uint32_t n = 0; n < ties.node_count(); ++n) node_account[n] = ties.node(n).account;
    std::vector<std::size_t> start(accounts + 1, 0);
    for (const GraphEdge& e : ties.edges()) {
      const std::uint32_t a = node_account[e.source];
      const std::uint32_t b = node_account[e.target];
      if (a == no_index || b == no_index) continue;
      ++start[a + 1];
      ++start[b + 1];
    }
    for (std::size_t a = 0; a < accounts; ++a) start[a + 1] += start[a];
    rows_.resize(start.back());
    {
      std::vector<std::size_t> next(start.begin(), start.end() - 1);
      for (const GraphEdge& e : ties.edges()) {
        const std::uint32_t a = node_account[e.source];
        const std::uint32_t b = node_account[e.target];
        if (a == no_index || b == no_index) continue;
        rows_[next[a]++] = {b, e.weight};
        rows_[next[b]++] = {a, e.weight};
      }
    }
    // Each row sorted by account and its repeats (the pair's other types and direction) summed
    // into its first entries; `length` keeps how many are left.
    std::vector<std::size_t> length(accounts, 0);
    auto merge_rows = [&](std::size_t first, std::size_t last) {
      for (std::size_t a = first; a < last; ++a) {
        auto begin = rows_.begin() + static_cast<std::ptrdiff_t>(start[a]);
        auto end = rows_.begin() + static_cast<std::ptrdiff_t>(start[a + 1]);
        std::sort(begin, end, [](const auto& x, const auto& y) { return x.first < y.first; });
        std::size_t kept = 0;
        for (auto it = begin; it != end; ++it) {
          if (kept > 0 && begin[static_cast<std::ptrdiff_t>(kept - 1)].first == it->first) {
            begin[static_cast<std::ptrdiff_t>(kept - 1)].second += it->second;
          } else {
            begin[static_cast<std::ptrdiff_t>(kept++)] = *it;
          }
        }
        length[a] = kept;
      }
    };
    constexpr std::size_t entries_worth_a_thread = 1000000;
    if (rows_.size() >= entries_worth_a_thread && std::thread::hardware_concurrency() >= 2) {
      const std::size_t half = static_cast<std::size_t>(
          std::lower_bound(start.begin(), start.end(), rows_.size() / 2) - start.begin());
      side_by_side([&] { merge_rows(0, std::min(half, accounts)); },
                   [&] { merge_rows(std::min(half, accounts), accounts); });
    } else {
      merge_rows(0, accounts);
    }
    offsets_.assign(accounts + 1, 0);
    std::size_t at = 0;
    for (std::size_t a = 0; a < accounts; ++a) {
      std::copy_n(rows_.begin() + static_cast<std::ptrdiff_t>(start[a]), length[a], rows_.begin() + static_cast<std::ptrdiff_t>(at));
      at += length[a];
      offsets_[a + 1] = at;
    }
    rows_.resize(at);
  }
  std::span<const std::pair<std::uint32_t, double>> row(std::uint32_t account) const {
    return {rows_.data() + offsets_[account], rows_.data() + offsets_[account + 1]};
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

// The parents of `reposts` ((reposted, repost) pairs grouped by the post reposted, each group in
// time order) under `assumption` into `parents`; returns how many are not the reposted post.
std::size_t choose_parents(const Dataset& d, ParentAssumption assumption, const AccountGraph* ties,
                           const TieTable* tie_table, const FollowGraph* follows,
                           std::span<const std::pair<std::uint32_t, std::uint32_t>> reposts,
                           std::vector<std::uint32_t>& parents) {
  std::size_t rewired = 0;
  // By account: its latest share of the current root so far (no_index: none) and that share's
  // time side by side (one cache line for both), and who has one.
  struct LatestShare {
    std::uint32_t post = no_index;
    TimeMs time = unknown_time;
  };
  std::vector<LatestShare> latest_share(d.account_count());
  std::vector<std::uint32_t> sharers;
  auto later = [&](std::uint32_t a, std::uint32_t b) {
    return d.post_time(a) != d.post_time(b) ? d.post_time(a) > d.post_time(b) : a > b;
  };
  for (std::size_t group = 0; group < reposts.size();) {
    const std::uint32_t root = reposts[group].first;
    const std::uint32_t root_author = d.post_author(root);
    for (std::uint32_t a : sharers) latest_share[a] = {};
    sharers.assign(1, root_author);
    latest_share[root_author] = {root, d.post_time(root)};
    for (; group < reposts.size() && reposts[group].first == root; ++group) {
      const std::uint32_t p = reposts[group].second;
      const std::uint32_t account = d.post_author(p);
      const TimeMs time = d.post_time(p);
      std::uint32_t best = root;
      auto consider = [&](std::uint32_t other) {
        const LatestShare& share = latest_share[other];
        if (share.post == no_index || share.post == root) return;
        if (share.time <= time && (best == root || later(share.post, best))) best = share.post;
      };
      if (assumption == ParentAssumption::follow_graph) {
        // Scan whichever side is smaller: the account's followees or the sharers so far.
        const auto followees = follows->followees(account);
        if (followees.size() <= sharers.size()) {
          for (std::uint32_t followee : followees) consider(followee);
        } else {
          for (std::uint32_t other : sharers) {
            if (follows->follows(account, other)) consider(other);
          }
        }
      } else if (ties->node_of_account(account) != no_index) {
        // The earlier sharer the account is most tied to, counting its interactions with them
        // anywhere in the data except this repost; the root when no one is tied more than it.
        double best_weight = std::max(0.0, tie_table->weight(account, root_author) - 1);
        auto weigh = [&](std::uint32_t other, double weight) {
          if (other == account) return;
          const LatestShare& share = latest_share[other];
          if (share.post == no_index || share.post == root || share.time > time) return;
          bool stronger = weight > best_weight;
          bool as_strong_and_later = weight == best_weight && best != root && later(share.post, best);
          if (stronger || as_strong_and_later) {
            best = share.post;
            best_weight = weight;
          }
        };
        // Scan whichever side is smaller: the account's ties or the sharers so far.
        const auto row = tie_table->row(account);
        if (sharers.size() < row.size()) {
          for (std::uint32_t other : sharers) {
            if (other == root_author) continue;
            if (double weight = tie_table->weight(account, other); weight > 0) weigh(other, weight);
          }
        } else {
          for (const auto& [neighbour, weight] : row) {
            if (neighbour != root_author) weigh(neighbour, weight);
          }
        }
      }
      parents[p] = best;
      if (best != root) ++rewired;
      LatestShare& latest = latest_share[account];
      if (latest.post == no_index) {
        sharers.push_back(account);
        latest = {p, time};
      } else if (time >= latest.time) {
        latest = {p, time};
      }
    }
  }
  return rewired;
}

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

  std::unique_ptr<const TieTable> tie_table;
  if (assumption_ == ParentAssumption::latest_tie) tie_table = std::make_unique<const TieTable>(*ties_, d.account_count());

  // Groups are independent: on a large dataset the second half of them goes to a second thread.
  constexpr std::size_t reposts_worth_a_thread = 50000;
  std::size_t half = reposts.size();
  if (reposts.size() >= reposts_worth_a_thread && std::thread::hardware_concurrency() >= 2) {
    half = reposts.size() / 2;
    while (half < reposts.size() && half > 0 && reposts[half].first == reposts[half - 1].first) ++half;
  }
  if (follows_) follows_->seal();
  const std::span<const std::pair<std::uint32_t, std::uint32_t>> all(reposts);
  auto choose = [&](std::span<const std::pair<std::uint32_t, std::uint32_t>> groups) {
    return choose_parents(d, assumption_, ties_, tie_table.get(), follows_, groups, parents_);
  };
  if (half < reposts.size()) {
    std::size_t second_rewired = 0;
    side_by_side([&] { rewired_ += choose(all.first(half)); }, [&] { second_rewired = choose(all.subspan(half)); });
    rewired_ += second_rewired;
  } else {
    rewired_ += choose(all);
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
