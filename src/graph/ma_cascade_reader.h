#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "graph/cascade_tree.h"

namespace leaktrace {

// What a Twitter15/16 tree file says that is not one tree edge, counted.
struct MaTreeCounts {
  std::uint64_t lines = 0;
  std::uint64_t repeated_lines = 0;     // the same parent -> child line again
  std::uint64_t self_loops = 0;         // a node listed as its own child
  std::uint64_t lines_into_root = 0;    // the source post listed as someone's child
  std::uint64_t extra_parents = 0;      // nodes listed under more than one parent (the first kept)
  std::uint64_t loops_broken = 0;       // nodes whose first-listed parents loop without reaching the root
  std::uint64_t unattached = 0;         // nodes none of whose parents reaches the root: under the root
  std::uint64_t missing_root_line = 0;  // files without a ROOT line
  MaTreeCounts& operator+=(const MaTreeCounts& other);
};

// One propagation tree of Ma, Gao & Wong (ACL 2017), Twitter15/16 `tree/<id>.txt`: lines
// `['uid', 'tweet_id', 'delay_minutes']->['uid', 'tweet_id', 'delay_minutes']`, the first
// `['ROOT', 'ROOT', '0.0']->[...]` naming the source post. A node is a distinct (user, tweet id,
// delay) triple other than ROOT: a retweet reuses its source's tweet id, so the user and the delay
// tell nodes apart. Times are the delays in milliseconds (relative_times).
//
// The files are not trees as they stand (Twitter16: 10,549 repeated lines, 953 self-loops, 3,657
// nodes listed under several parents, 83 files listing the source as a child). The tree kept is
// deterministic: a node's parent is the parent on the first line that lists it as a child; lines
// from a node to itself, into the root, or repeated are skipped. Should following first-listed
// parents from a node loop without reaching the root, the node takes the first of its listed
// parents that does reach it (rounds until nothing changes); a node none of whose parents reaches
// the root hangs under it. Without a ROOT line the first line's parent is the root. Nodes come in
// breadth-first order, children in the order of the lines that first list them. A line that cannot be
// parsed is rejected with its number.
CascadeTree read_ma_cascade_tree(std::string_view text, const std::string& path, std::string id,
                                 std::vector<InputRejection>& rejections, MaTreeCounts& counts);

// A Twitter15/16 folder: every `tree/*.txt` (in file-name order) labelled from `label.txt`
// (`label:id` lines). Throws NetworkReadError when the folder has no tree/ folder or no tree.
CascadeForest read_ma_cascades(const std::string& folder);

}  // namespace leaktrace
