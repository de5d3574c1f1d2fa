#pragma once

#include <cstdint>
#include <vector>

namespace leaktrace {

// Open addressing from a key's hash to an index into a column the caller owns, so that interning
// millions of ids costs eight bytes a slot and no copy of the keys. The caller compares keys.
class IndexTable {
 public:
  static constexpr std::uint32_t empty = UINT32_MAX;

  // The index whose key `same(index)` says is the one hashed to `hash`, or `empty`.
  template <typename Same>
  std::uint32_t find(std::uint64_t hash, Same&& same) const {
    if (slots_.empty()) return empty;
    const std::uint32_t tag = static_cast<std::uint32_t>(hash >> 32);
    for (std::size_t slot = hash & mask_;; slot = (slot + 1) & mask_) {
      const Slot& s = slots_[slot];
      if (s.index == empty) return empty;
      if (s.tag == tag && same(s.index)) return s.index;
    }
  }

  // Adds `index` under `hash`; the caller has checked with find() that its key is not there.
  void insert(std::uint64_t hash, std::uint32_t index) {
    if ((count_ + 1) * 2 > slots_.size()) grow();
    place(hash, index);
    ++count_;
  }

  std::size_t size() const { return count_; }

 private:
  struct Slot {
    std::uint32_t index = empty;
    std::uint32_t tag = 0;  // high bits of the hash: most mismatches end here
    std::uint32_t low = 0;  // low bits, to rehash without the key
  };

  void place(std::uint64_t hash, std::uint32_t index) {
    for (std::size_t slot = hash & mask_;; slot = (slot + 1) & mask_) {
      if (slots_[slot].index == empty) {
        slots_[slot] = Slot{index, static_cast<std::uint32_t>(hash >> 32), static_cast<std::uint32_t>(hash)};
        return;
      }
    }
  }

  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
    mask_ = slots_.size() - 1;
    for (const Slot& s : old) {
      if (s.index != empty) place((static_cast<std::uint64_t>(s.tag) << 32) | s.low, s.index);
    }
  }

  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
  std::size_t count_ = 0;
};

}  // namespace leaktrace
