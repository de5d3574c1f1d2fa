#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace leaktrace {

// Many short strings in one buffer: a column of handles, ids or URLs costs its characters plus
// eight bytes of offset each, instead of a std::string (32 bytes and often an allocation) each.
class StringColumn {
 public:
  StringColumn() : offsets_{0} {}

  std::uint32_t push_back(std::string_view text) {
    chars_.append(text);
    offsets_.push_back(static_cast<std::uint64_t>(chars_.size()));
    return static_cast<std::uint32_t>(offsets_.size() - 2);
  }
  std::string_view operator[](std::size_t index) const {
    return std::string_view(chars_).substr(offsets_[index], offsets_[index + 1] - offsets_[index]);
  }
  std::size_t size() const { return offsets_.size() - 1; }
  bool empty() const { return size() == 0; }
  void reserve(std::size_t strings, std::size_t chars) {
    offsets_.reserve(strings + 1);
    chars_.reserve(chars);
  }
  void shrink_to_fit() {
    offsets_.shrink_to_fit();
    chars_.shrink_to_fit();
  }
  std::size_t memory_bytes() const { return chars_.capacity() + offsets_.capacity() * sizeof(std::uint64_t); }

 private:
  std::string chars_;
  std::vector<std::uint64_t> offsets_;
};

}  // namespace leaktrace
