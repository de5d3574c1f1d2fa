#include "analysis/cascade_metrics.h"

#include <algorithm>
#include <unordered_set>

namespace leaktrace {
namespace {

constexpr double ms_per_hour = 3'600'000.0;

}  // namespace

double structural_virality(const CascadeTree& tree) {
  tree.check();
  const std::size_t n = tree.nodes.size();
  if (n < 2) return 0;
  std::vector<std::uint64_t> subtree(n, 1);
  long double distance_sum = 0;
  for (std::size_t v = n - 1; v >= 1; --v) {
    distance_sum += static_cast<long double>(subtree[v]) * static_cast<long double>(n - subtree[v]);
    subtree[tree.nodes[v].parent] += subtree[v];
  }
  return static_cast<double>(distance_sum * 2 / (static_cast<long double>(n) * static_cast<long double>(n - 1)));
}

CascadeMetrics cascade_metrics(const CascadeTree& tree, std::span<const std::size_t> account_thresholds) {
  tree.check();
  CascadeMetrics metrics;
  const std::size_t n = tree.nodes.size();
  metrics.size = n;
  std::vector<std::uint32_t> depth(n, 0);
  std::vector<std::size_t> breadth{1};
  for (std::size_t v = 1; v < n; ++v) {
    depth[v] = depth[tree.nodes[v].parent] + 1;
    if (depth[v] >= breadth.size()) breadth.resize(depth[v] + 1, 0);
    ++breadth[depth[v]];
    metrics.depth = std::max(metrics.depth, depth[v]);
  }
  metrics.max_breadth = *std::max_element(breadth.begin(), breadth.end());
  metrics.structural_virality = structural_virality(tree);

  // Known times in order, with each node's user, for the span and the time to N accounts.
  std::vector<std::pair<TimeMs, const std::string*>> shares;
  std::unordered_set<std::string_view> users;
  for (const CascadeNode& node : tree.nodes) {
    if (!node.user.empty()) users.insert(node.user);
    if (node.time != unknown_time) shares.emplace_back(node.time, &node.user);
  }
  metrics.accounts = users.size();
  std::stable_sort(shares.begin(), shares.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  if (!shares.empty()) {
    metrics.start = shares.front().first;
    metrics.time_span = shares.back().first - shares.front().first;
  }
  std::vector<std::size_t> thresholds(account_thresholds.begin(), account_thresholds.end());
  for (std::size_t threshold : thresholds) metrics.time_to_accounts.push_back(TimeToAccounts{threshold, std::nullopt});
  std::unordered_set<std::string_view> seen;
  for (const auto& [time, user] : shares) {
    if (user->empty() || !seen.insert(*user).second) continue;
    for (TimeToAccounts& entry : metrics.time_to_accounts) {
      if (!entry.time && seen.size() >= entry.accounts) entry.time = time - *metrics.start;
    }
  }
  return metrics;
}

CascadeDatasetSummary summarize_cascades(std::span<const CascadeTree> trees) {
  CascadeDatasetSummary summary;
  summary.trees = trees.size();
  if (trees.empty()) return summary;
  std::unordered_set<std::string_view> users;
  double hours = 0;
  std::size_t timed = 0;
  summary.min_posts = SIZE_MAX;
  for (const CascadeTree& tree : trees) {
    const std::size_t posts = tree.nodes.size();
    summary.posts += posts;
    summary.max_posts = std::max(summary.max_posts, posts);
    summary.min_posts = std::min(summary.min_posts, posts);
    TimeMs earliest = unknown_time;
    TimeMs latest = unknown_time;
    for (const CascadeNode& node : tree.nodes) {
      if (!node.user.empty()) users.insert(node.user);
      if (node.time == unknown_time) continue;
      earliest = earliest == unknown_time ? node.time : std::min(earliest, node.time);
      latest = latest == unknown_time ? node.time : std::max(latest, node.time);
    }
    if (earliest != unknown_time) {
      hours += static_cast<double>(latest - earliest) / ms_per_hour;
      ++timed;
    }
  }
  summary.users = users.size();
  summary.average_posts = static_cast<double>(summary.posts) / static_cast<double>(summary.trees);
  summary.average_hours = timed > 0 ? hours / static_cast<double>(timed) : 0;
  return summary;
}

}  // namespace leaktrace
