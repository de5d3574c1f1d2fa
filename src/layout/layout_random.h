#pragma once

#include <cstdint>

namespace leaktrace {

// splitmix64 (Steele, Lea & Flood, "Fast splittable pseudorandom number generators", 2014): small,
// fast and the same on every compiler, which is all the layout needs for start positions and
// sampling. Distributions are computed here, not by <random>, so a seed gives the same layout everywhere.
class LayoutRandom {
 public:
  explicit LayoutRandom(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }  // [0, 1)
  std::uint64_t below(std::uint64_t bound) {
    return static_cast<std::uint64_t>((static_cast<unsigned __int128>(next()) * bound) >> 64);
  }

 private:
  std::uint64_t state_;
};

}  // namespace leaktrace
