#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "graph/cascade_tree.h"

namespace leaktrace {

enum class CascadeDataset : unsigned char { twitter1516, pheme };

std::string_view cascade_dataset_name(CascadeDataset dataset);  // "twitter15-16", "pheme"

// What a folder holds, from its content: a tree/ folder of Ma et al.'s trees, or PHEME thread
// folders with structure.json (the folder itself, or any folder under it). nullopt otherwise.
std::optional<CascadeDataset> detect_cascade_dataset(const std::string& folder);

// Reads the dataset in `folder` (ma_cascade_reader.h or pheme_cascade_reader.h). Throws
// NetworkReadError naming what a cascade dataset folder holds when it is neither.
CascadeForest read_cascade_dataset(const std::string& folder);

}  // namespace leaktrace
