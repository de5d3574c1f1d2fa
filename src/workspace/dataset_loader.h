#pragma once

#include "workspace/dataset.h"
#include "workspace/workspace.h"

namespace leaktrace {

struct DatasetLoadOptions {
  bool texts = false;  // post texts (needed by text:/re/ subjects; most of a workspace's bytes)
};

// Reads a whole workspace into memory, column by column.
Dataset load_dataset(Workspace& workspace, const DatasetLoadOptions& options = {});

}  // namespace leaktrace
