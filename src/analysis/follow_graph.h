#pragma once

#include <cstdint>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "workspace/dataset.h"

namespace leaktrace {

// Who follows whom, by Dataset account index.
class FollowGraph {
 public:
  void add(std::uint32_t follower, std::uint32_t followee) { edges_.insert(key(follower, followee)); }
  bool follows(std::uint32_t follower, std::uint32_t followee) const { return edges_.contains(key(follower, followee)); }
  std::size_t size() const { return edges_.size(); }
  // Every (follower, followee), sorted.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs() const;
  // The accounts `follower` follows, built once on first use.
  const std::vector<std::uint32_t>& followees(std::uint32_t follower) const;

 private:
  static std::uint64_t key(std::uint32_t a, std::uint32_t b) { return (std::uint64_t{a} << 32) | b; }
  std::unordered_set<std::uint64_t> edges_;
  mutable std::vector<std::vector<std::uint32_t>> followees_;
};

struct FollowGraphFile {
  FollowGraph graph;
  std::size_t unknown = 0;  // lines naming accounts that are not in the dataset
  std::string damage;       // what went wrong in a damaged compressed file (what came before is kept)
};

// Reads a follower graph: one "FOLLOWER FOLLOWEE" per line (tab, space or comma between; account
// ids or @handles; '#' comments; plain, gzip or zstd). Throws std::runtime_error when the file
// cannot be opened.
FollowGraphFile read_follow_graph(const std::string& path, const Dataset& dataset);

}  // namespace leaktrace
