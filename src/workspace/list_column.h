#pragma once

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace leaktrace {

// A short list of ids per row (the hashtags of each post, its URLs, its mentions), stored as one
// array of values and one of offsets (compressed sparse rows).
class ListColumn {
 public:
  ListColumn() : offsets_{0} {}

  // Rows 0..rows-1 from (row, value) pairs in any order; within a row, values keep their order.
  static ListColumn from_pairs(std::size_t rows, const std::vector<std::pair<std::uint32_t, std::uint32_t>>& pairs);

  std::span<const std::uint32_t> operator[](std::size_t row) const {
    return {values_.data() + offsets_[row], values_.data() + offsets_[row + 1]};
  }
  std::size_t rows() const { return offsets_.size() - 1; }
  std::size_t values() const { return values_.size(); }
  std::size_t memory_bytes() const {
    return (offsets_.capacity() + values_.capacity()) * sizeof(std::uint32_t);
  }

 private:
  std::vector<std::uint32_t> offsets_;
  std::vector<std::uint32_t> values_;
};

}  // namespace leaktrace
