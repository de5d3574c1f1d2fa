#include "graph/cascade_dataset.h"

#include <filesystem>

#include <fmt/format.h>

#include "graph/imported_network.h"
#include "graph/ma_cascade_reader.h"
#include "graph/pheme_cascade_reader.h"

namespace leaktrace {

namespace fs = std::filesystem;

std::string_view cascade_dataset_name(CascadeDataset dataset) {
  return dataset == CascadeDataset::twitter1516 ? "twitter15-16" : "pheme";
}

std::optional<CascadeDataset> detect_cascade_dataset(const std::string& folder) {
  std::error_code error;
  if (!fs::is_directory(folder, error)) return std::nullopt;
  if (fs::is_directory(fs::path(folder) / "tree", error)) return CascadeDataset::twitter1516;
  for (auto it = fs::recursive_directory_iterator(folder, error); !error && it != fs::recursive_directory_iterator();
       it.increment(error)) {
    if (it->path().filename() == "structure.json") return CascadeDataset::pheme;
  }
  return std::nullopt;
}

CascadeForest read_cascade_dataset(const std::string& folder) {
  auto dataset = detect_cascade_dataset(folder);
  if (!dataset) {
    throw NetworkReadError(fmt::format(
        "{}: not a cascade dataset; expected a Twitter15/16 folder (tree/<id>.txt, label.txt) or PHEME thread "
        "folders (<id>/structure.json)",
        folder));
  }
  return *dataset == CascadeDataset::twitter1516 ? read_ma_cascades(folder) : read_pheme_cascades(folder);
}

}  // namespace leaktrace
