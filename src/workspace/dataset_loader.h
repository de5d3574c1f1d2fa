#pragma once

#include "workspace/dataset.h"
#include "workspace/workspace.h"

namespace leaktrace {

struct DatasetLoadOptions {
  bool texts = false;  // post texts (needed by text:/re/ subjects; most of a workspace's bytes)
};

// Reads a whole workspace into memory, column by column.
Dataset load_dataset(Workspace& workspace, const DatasetLoadOptions& options = {});

// The texts of a few posts of a dataset loaded without them (what a report quotes), read from
// the workspace one post at a time.
class PostTextReader {
 public:
  PostTextReader(Workspace& workspace, const Dataset& dataset);
  std::string text(std::uint32_t post);  // "" when the post has none

 private:
  const Dataset& dataset_;
  SqliteStatement query_;
};

}  // namespace leaktrace
