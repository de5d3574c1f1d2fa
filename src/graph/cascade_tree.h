#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "graph/input_rejection.h"
#include "model/time.h"
#include "workspace/dataset.h"

namespace leaktrace {

// One share in a diffusion tree: who shared, which post, when, and whom they got it from.
struct CascadeNode {
  std::string user;  // account id on the platform; empty when the dataset lost the post
  std::string post;  // post id (in Twitter15/16 a retweet carries its source post's id)
  TimeMs time = unknown_time;
  std::uint32_t parent = no_index;  // index in CascadeTree::nodes; no_index for the root
};

// A diffusion tree (cascade) of one source post, wherever it came from: a dataset read from disk
// (Twitter15/16, PHEME) or reposts reconstructed from a workspace. nodes[0] is the root (the
// source post) and every other node's parent comes before it, so one forward pass sees parents
// first.
struct CascadeTree {
  std::string id;     // the source post's id
  std::string label;  // what the dataset says of it (Twitter15/16: true, false, unverified, non-rumor)
  // Times are offsets from the dataset's reference (Twitter15/16 delays after the source post),
  // not UTC; only differences between them mean anything.
  bool relative_times = false;
  std::vector<CascadeNode> nodes;

  std::size_t size() const { return nodes.size(); }
  // Throws std::invalid_argument naming the first node that breaks the shape above.
  void check() const;
};

// Trees read from a dataset, with what could not be read (file, line) and what was read
// differently from the files (counted, in words).
struct CascadeForest {
  std::vector<CascadeTree> trees;
  std::vector<InputRejection> rejections;
  std::vector<std::string> notes;
};

}  // namespace leaktrace
