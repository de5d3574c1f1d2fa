#pragma once

#include <algorithm>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace leaktrace {

// A map from native ids to small values, for the millions of posts the writer must recognise
// without asking SQLite. Most native ids are decimal numbers (tweets): those live as 64-bit keys
// in one flat open-addressed table, 16 bytes a slot, no allocation per id. Other ids (4chan
// "pol/123", paste keys, "0042") go to an ordinary string map. Values are not stable in memory:
// a later insert may move them. With an empty Value it is a set.
template <typename Value>
class NativeIdMap {
 public:
  Value* find(std::string_view id) {
    std::uint64_t number = 0;
    if (!as_number(id, number)) {
      auto it = named_.find(id);
      return it == named_.end() ? nullptr : &it->second;
    }
    if (slots_.empty()) return nullptr;
    for (std::size_t i = home(number);; i = (i + 1) & mask_) {
      Slot& slot = slots_[i];
      if (slot.key == number) return &slot.value;
      if (slot.key == empty_key) return nullptr;
    }
  }

  // Starts loading the slot where `id` would be, for a find() a little later (the table is far
  // larger than the caches: a lookup is a memory access).
  void prefetch(std::string_view id) const {
    std::uint64_t number = 0;
    if (!slots_.empty() && as_number(id, number)) __builtin_prefetch(&slots_[home(number)]);
  }

  // Adds `id` (which must not be present yet) and returns its value.
  Value& insert(std::string_view id, Value value) {
    std::uint64_t number = 0;
    if (!as_number(id, number)) return named_.emplace(std::string(id), value).first->second;
    if ((numbered_ + 1) * 2 > slots_.size()) grow();
    ++numbered_;
    return place(number, value);
  }

  std::size_t size() const { return numbered_ + named_.size(); }

  // Empties the map; the table keeps its size.
  void clear() {
    if (numbered_ > 0) std::fill(slots_.begin(), slots_.end(), Slot{});
    numbered_ = 0;
    named_.clear();
  }

  // A decimal number without leading zeros and at most 19 digits: it maps back to the same text.
  static bool as_number(std::string_view id, std::uint64_t& number) {
    if (id.empty() || id.size() > 19 || (id[0] == '0' && id.size() > 1)) return false;
    std::uint64_t n = 0;
    for (char c : id) {
      if (c < '0' || c > '9') return false;
      n = n * 10 + static_cast<std::uint64_t>(c - '0');
    }
    number = n;
    return true;
  }

 private:
  static constexpr std::uint64_t empty_key = ~std::uint64_t{0};  // above every 19-digit number
  struct Slot {
    std::uint64_t key = empty_key;
    [[no_unique_address]] Value value{};  // an empty Value makes a set of 8-byte slots
  };
  struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
  };

  std::size_t home(std::uint64_t key) const {
    // Fibonacci hashing: consecutive ids (snowflakes share their high bits) spread over the table.
    return static_cast<std::size_t>((key * 0x9e3779b97f4a7c15ULL) >> shift_);
  }

  Value& place(std::uint64_t key, Value value) {
    for (std::size_t i = home(key);; i = (i + 1) & mask_) {
      Slot& slot = slots_[i];
      if (slot.key == empty_key) {
        slot.key = key;
        slot.value = value;
        return slot.value;
      }
    }
  }

  void grow() {
    std::vector<Slot> old = std::move(slots_);
    std::size_t capacity = old.empty() ? 1024 : old.size() * 2;
    slots_.assign(capacity, Slot{});
    mask_ = capacity - 1;
    shift_ = 64 - static_cast<unsigned>(__builtin_ctzll(capacity));
    for (const Slot& slot : old) {
      if (slot.key != empty_key) place(slot.key, slot.value);
    }
  }

  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
  unsigned shift_ = 64;
  std::size_t numbered_ = 0;
  std::unordered_map<std::string, Value, StringHash, std::equal_to<>> named_;
};

}  // namespace leaktrace
