#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "graph/cascade_tree.h"

namespace leaktrace {

// The shape and speed of one diffusion tree. Pure functions of a CascadeTree, whatever built it (a
// dataset read from disk, or reposts reconstructed under --parent root|latest-tie|follow-graph).
// All take O(n) time, except time-to-N which sorts the known times (O(n log n)).

constexpr std::array<std::size_t, 3> default_account_thresholds{10, 100, 1000};

struct TimeToAccounts {
  std::size_t accounts = 0;   // N
  std::optional<TimeMs> time;  // from the cascade's start; nullopt when fewer than N accounts shared
};

struct CascadeMetrics {
  std::size_t size = 0;       // nodes (posts), the root included
  std::size_t accounts = 0;   // distinct users (nodes without a user not counted)
  std::uint32_t depth = 0;    // edges on the longest path from the root
  std::size_t max_breadth = 0;  // most nodes at one depth (the root's level counts: 1)
  double structural_virality = 0;
  std::optional<TimeMs> start;      // the earliest known time (normally the root's)
  std::optional<TimeMs> time_span;  // latest known time - earliest; nullopt without known times
  std::vector<TimeToAccounts> time_to_accounts;
};

// A diffusion tree by numbers, as a reconstruction holds it without a string per node: node 0 is
// the root (parent no_index), every other node's parent comes before it; user[v] numbers v's
// account within the tree, below its size (no_index when unknown).
struct CascadeShape {
  std::span<const std::uint32_t> parent;
  std::span<const TimeMs> time;
  std::span<const std::uint32_t> user;
};

// Structural virality (Goel, Anderson, Hofman & Watts, Management Science 2016): the mean
// shortest-path distance over all pairs of distinct nodes of the tree. Each edge above a subtree of
// s nodes lies on s (n - s) of the pairs' paths, so the sum of distances is sum s (n - s) over
// edges (Wiener's index), and the mean is that sum over n (n - 1) / 2. 0 for a single node.
double structural_virality(const CascadeTree& tree);
double structural_virality(const CascadeShape& tree);

// Throws std::invalid_argument (CascadeTree::check) when the tree is not in root-first order.
// Time to N accounts: the time from `start` until the N-th distinct account shared, over the nodes
// with a known time.
CascadeMetrics cascade_metrics(const CascadeTree& tree,
                               std::span<const std::size_t> account_thresholds = default_account_thresholds);
// The same, std::invalid_argument when the shape's spans differ in size or a parent comes after its node.
CascadeMetrics cascade_metrics(const CascadeShape& tree,
                               std::span<const std::size_t> account_thresholds = default_account_thresholds);

// The dataset-level table of Ma et al. (ACL 2017, table 1) over a set of trees: trees, users
// (distinct user ids over all trees), posts (nodes of all trees: in Twitter15/16 a node is a
// distinct (user, tweet id, delay) triple other than ROOT), the mean time span in hours (over trees
// with known times), the mean, largest and smallest number of posts per tree.
struct CascadeDatasetSummary {
  std::size_t trees = 0;
  std::size_t users = 0;
  std::size_t posts = 0;
  double average_hours = 0;
  double average_posts = 0;
  std::size_t max_posts = 0;
  std::size_t min_posts = 0;
};

CascadeDatasetSummary summarize_cascades(std::span<const CascadeTree> trees);
// The same from each tree's metrics and the distinct users over all trees, counted by the caller.
CascadeDatasetSummary summarize_cascades(std::span<const CascadeMetrics> metrics, std::size_t users);

}  // namespace leaktrace
