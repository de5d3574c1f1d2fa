#include "analysis/cascade_metrics.h"

#include <algorithm>
#include <stdexcept>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

namespace leaktrace {
namespace {

constexpr double ms_per_hour = 3'600'000.0;

// A CascadeTree's numbers: its parents and times, and its users numbered in order of appearance.
struct TreeNumbers {
  std::vector<std::uint32_t> parent;
  std::vector<TimeMs> time;
  std::vector<std::uint32_t> user;

  explicit TreeNumbers(const CascadeTree& tree) {
    tree.check();
    std::unordered_map<std::string_view, std::uint32_t> number;
    for (const CascadeNode& node : tree.nodes) {
      parent.push_back(node.parent);
      time.push_back(node.time);
      if (node.user.empty()) {
        user.push_back(no_index);
      } else {
        user.push_back(number.emplace(node.user, static_cast<std::uint32_t>(number.size())).first->second);
      }
    }
  }
  CascadeShape shape() const { return {parent, time, user}; }
};

void check(const CascadeShape& tree) {
  const std::size_t n = tree.parent.size();
  if (n == 0) throw std::invalid_argument("a cascade needs its root");
  if (tree.time.size() != n || tree.user.size() != n) {
    throw std::invalid_argument(fmt::format("a cascade of {} nodes has {} times and {} users", n, tree.time.size(), tree.user.size()));
  }
  if (tree.parent[0] != no_index) throw std::invalid_argument("node 0 of a cascade must be the root (parent no_index)");
  for (std::size_t v = 1; v < n; ++v) {
    if (tree.parent[v] >= v) {
      throw std::invalid_argument(fmt::format("node {} of a cascade has parent {}; every node's parent must come before it", v,
                                              tree.parent[v] == no_index ? std::string("none") : std::to_string(tree.parent[v])));
    }
    if (tree.user[v] != no_index && tree.user[v] >= n) {
      throw std::invalid_argument(fmt::format("node {} of a cascade of {} has user number {}", v, n, tree.user[v]));
    }
  }
}

double virality_of_checked(std::span<const std::uint32_t> parent) {
  const std::size_t n = parent.size();
  if (n < 2) return 0;
  std::vector<std::uint64_t> subtree(n, 1);
  long double distance_sum = 0;
  for (std::size_t v = n - 1; v >= 1; --v) {
    distance_sum += static_cast<long double>(subtree[v]) * static_cast<long double>(n - subtree[v]);
    subtree[parent[v]] += subtree[v];
  }
  return static_cast<double>(distance_sum * 2 / (static_cast<long double>(n) * static_cast<long double>(n - 1)));
}

}  // namespace

double structural_virality(const CascadeTree& tree) { return structural_virality(TreeNumbers(tree).shape()); }

double structural_virality(const CascadeShape& tree) {
  check(tree);
  return virality_of_checked(tree.parent);
}

CascadeMetrics cascade_metrics(const CascadeTree& tree, std::span<const std::size_t> account_thresholds) {
  return cascade_metrics(TreeNumbers(tree).shape(), account_thresholds);
}

CascadeMetrics cascade_metrics(const CascadeShape& tree, std::span<const std::size_t> account_thresholds) {
  check(tree);
  CascadeMetrics metrics;
  const std::size_t n = tree.parent.size();
  metrics.size = n;
  std::vector<std::uint32_t> depth(n, 0);
  std::vector<std::size_t> breadth{1};
  for (std::size_t v = 1; v < n; ++v) {
    depth[v] = depth[tree.parent[v]] + 1;
    if (depth[v] >= breadth.size()) breadth.resize(depth[v] + 1, 0);
    ++breadth[depth[v]];
    metrics.depth = std::max(metrics.depth, depth[v]);
  }
  metrics.max_breadth = *std::max_element(breadth.begin(), breadth.end());
  metrics.structural_virality = virality_of_checked(tree.parent);

  // Known times in order, with each node's user, for the span and the time to N accounts.
  std::vector<std::pair<TimeMs, std::uint32_t>> shares;
  std::vector<bool> counted(n, false);
  for (std::size_t v = 0; v < n; ++v) {
    const std::uint32_t user = tree.user[v];
    if (user != no_index && !counted[user]) {
      counted[user] = true;
      ++metrics.accounts;
    }
    if (tree.time[v] != unknown_time) shares.emplace_back(tree.time[v], user);
  }
  std::stable_sort(shares.begin(), shares.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  if (!shares.empty()) {
    metrics.start = shares.front().first;
    metrics.time_span = shares.back().first - shares.front().first;
  }
  for (std::size_t threshold : account_thresholds) metrics.time_to_accounts.push_back(TimeToAccounts{threshold, std::nullopt});
  if (metrics.time_to_accounts.empty()) return metrics;
  std::vector<bool> seen(n, false);
  std::size_t seen_count = 0;
  for (const auto& [time, user] : shares) {
    if (user == no_index || seen[user]) continue;
    seen[user] = true;
    ++seen_count;
    for (TimeToAccounts& entry : metrics.time_to_accounts) {
      if (!entry.time && seen_count >= entry.accounts) entry.time = time - *metrics.start;
    }
  }
  return metrics;
}

CascadeDatasetSummary summarize_cascades(std::span<const CascadeTree> trees) {
  // Only what the table reads of each tree's metrics: its size and the span of its known times.
  std::unordered_set<std::string_view> users;
  std::vector<CascadeMetrics> sizes_and_spans(trees.size());
  for (std::size_t t = 0; t < trees.size(); ++t) {
    CascadeMetrics& m = sizes_and_spans[t];
    m.size = trees[t].nodes.size();
    TimeMs latest = unknown_time;
    for (const CascadeNode& node : trees[t].nodes) {
      if (!node.user.empty()) users.insert(node.user);
      if (node.time == unknown_time) continue;
      m.start = m.start ? std::min(*m.start, node.time) : node.time;
      latest = latest == unknown_time ? node.time : std::max(latest, node.time);
    }
    if (m.start) m.time_span = latest - *m.start;
  }
  return summarize_cascades(sizes_and_spans, users.size());
}

CascadeDatasetSummary summarize_cascades(std::span<const CascadeMetrics> metrics, std::size_t users) {
  CascadeDatasetSummary summary;
  summary.trees = metrics.size();
  if (metrics.empty()) return summary;
  double hours = 0;
  std::size_t timed = 0;
  summary.min_posts = SIZE_MAX;
  for (const CascadeMetrics& m : metrics) {
    summary.posts += m.size;
    summary.max_posts = std::max(summary.max_posts, m.size);
    summary.min_posts = std::min(summary.min_posts, m.size);
    if (m.time_span) {
      hours += static_cast<double>(*m.time_span) / ms_per_hour;
      ++timed;
    }
  }
  summary.users = users;
  summary.average_posts = static_cast<double>(summary.posts) / static_cast<double>(summary.trees);
  summary.average_hours = timed > 0 ? hours / static_cast<double>(timed) : 0;
  return summary;
}

}  // namespace leaktrace
