#include "workspace/list_column.h"

namespace leaktrace {

ListColumn ListColumn::from_pairs(std::size_t rows, const std::vector<std::pair<std::uint32_t, std::uint32_t>>& pairs) {
  ListColumn column;
  column.offsets_.assign(rows + 1, 0);
  for (const auto& [row, value] : pairs) ++column.offsets_[row + 1];
  for (std::size_t row = 0; row < rows; ++row) column.offsets_[row + 1] += column.offsets_[row];
  column.values_.resize(pairs.size());
  std::vector<std::uint32_t> next(column.offsets_.begin(), column.offsets_.end() - 1);
  for (const auto& [row, value] : pairs) column.values_[next[row]++] = value;
  return column;
}

}  // namespace leaktrace
