#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "workspace/dataset.h"

namespace leaktrace {

// Who follows whom, by Dataset account index: sorted (follower, followee) pairs with an offset per
// follower, so an account's followees are one contiguous sorted run. Millions of accounts and tens
// of millions of follows fit in 8 bytes per follow.
class FollowGraph {
 public:
  FollowGraph() = default;
  // Pairs in any order, repeats allowed; they are sorted and merged.
  explicit FollowGraph(std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs);

  // For small graphs built by hand (tests): the graph is re-sorted before the next question.
  void add(std::uint32_t follower, std::uint32_t followee);

  bool follows(std::uint32_t follower, std::uint32_t followee) const;
  std::size_t size() const;
  // Every (follower, followee), sorted.
  const std::vector<std::pair<std::uint32_t, std::uint32_t>>& pairs() const;
  // The accounts `follower` follows, sorted.
  std::span<const std::uint32_t> followees(std::uint32_t follower) const;
  // Sorts what add() added now rather than at the next question: call it before several threads
  // ask questions at once.
  void seal() const;

 private:
  mutable std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs_;
  mutable std::vector<std::uint32_t> followees_;  // the second of each pair, for contiguous spans
  mutable std::vector<std::uint64_t> offsets_;    // by follower: where its run starts in pairs_
  mutable bool sealed_ = true;
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
