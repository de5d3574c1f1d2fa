#pragma once

#include <string>

#include "graph/cascade_tree.h"

namespace leaktrace {

// PHEME reply trees (Zubiaga et al. 2016; the SemEval-2017 RumourEval release): one folder per
// thread, named by its source tweet's id, with `structure.json` (nested objects: tweet id ->
// the replies to it; a leaf is `[]`), the source tweet in `source-tweet/<id>.json` and the replies
// in `replies/<id>.json` (Twitter API v1.1 JSON). Every structure.json under `folder` is a tree
// (paths in sorted order); its root is the entry named like the thread's folder (else the first).
// Each node's user (user.id_str) and time (created_at, UTC) come from its tweet's file when the
// thread has it; a tweet the collection lost keeps its id with an empty user and an unknown time
// (counted). Other top-level entries of structure.json are replies whose parent was not collected:
// they hang under the root (counted). An id met twice in one tree keeps its first place.
//
// `labels` is optional: a JSON object source id -> label (RumourEval's subtaskB.json veracity).
// Throws NetworkReadError when the folder holds no structure.json.
CascadeForest read_pheme_cascades(const std::string& folder, const std::string& labels = {});

}  // namespace leaktrace
