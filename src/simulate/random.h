#pragma once

#include <cmath>
#include <cstdint>
#include <vector>

namespace leaktrace::simulate {

// xoshiro256** seeded through splitmix64 (Blackman & Vigna, "Scrambled linear pseudorandom number
// generators", 2021). The standard library's distributions differ between implementations, so
// every distribution the simulator draws from is written here: the same seed gives the same bytes
// with any compiler.
class Random {
 public:
  explicit Random(std::uint64_t seed) {
    for (std::uint64_t& word : state_) word = splitmix64(seed);
  }

  // A generator for stream `stream` of `seed`: independent draws for each post, account or chunk
  // without consuming the main sequence.
  static Random derived(std::uint64_t seed, std::uint64_t stream) {
    std::uint64_t mixed = seed ^ (stream * 0x9E3779B97F4A7C15ULL);
    return Random(splitmix64(mixed));
  }

  std::uint64_t next() {
    const std::uint64_t result = rotl(state_[1] * 5, 7) * 9;
    const std::uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = rotl(state_[3], 45);
    return result;
  }

  // Uniform in [0, 1).
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  // Uniform in [0, bound), bound > 0 (Lemire's multiply-shift; the bias is below 2^-32 here).
  std::uint64_t below(std::uint64_t bound) {
    return static_cast<std::uint64_t>((static_cast<unsigned __int128>(next()) * bound) >> 64);
  }
  bool chance(double probability) { return uniform() < probability; }
  double normal() {
    // Box–Muller; one of the pair is discarded to keep the state simple.
    double u = uniform();
    while (u <= 0.0) u = uniform();
    return std::sqrt(-2.0 * std::log(u)) * std::cos(6.283185307179586 * uniform());
  }
  double lognormal(double median, double sigma) { return median * std::exp(sigma * normal()); }
  // Pareto with minimum `scale` and tail index `alpha` (heavy-tailed for small alpha).
  double pareto(double scale, double alpha) {
    double u = uniform();
    return scale / std::pow(1.0 - u, 1.0 / alpha);
  }
  // Poisson by inversion (Knuth) for small means, normal approximation above.
  std::uint64_t poisson(double mean);

  static std::uint64_t splitmix64(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::uint64_t state_[4];
};

// Draws an index with probability proportional to fixed weights in O(1) (Vose's alias method).
class AliasTable {
 public:
  AliasTable() = default;
  explicit AliasTable(const std::vector<double>& weights);
  // Draws labels[i] instead of i: a table of members draws a member in one memory access.
  AliasTable(const std::vector<double>& weights, const std::vector<std::uint32_t>& labels);
  std::uint32_t draw(Random& random) const {
    const Column& column = columns_[random.below(columns_.size())];
    return random.uniform() < column.probability ? column.label : column.alias_label;
  }
  bool empty() const { return columns_.empty(); }

 private:
  // Side by side, so that a draw reads one cache line.
  struct Column {
    double probability = 0.0;
    std::uint32_t label = 0;        // of the column
    std::uint32_t alias_label = 0;  // of its alias
  };
  std::vector<Column> columns_;
};

// Draws an index with probability proportional to weights that grow as items are appended
// (a Fenwick tree of partial sums): O(log n) per draw and per append.
class GrowingSampler {
 public:
  void reserve(std::size_t count) { tree_.reserve(count + 1); }
  void append(double weight);
  std::uint32_t draw(Random& random) const;
  double total() const { return total_; }
  std::size_t size() const { return tree_.empty() ? 0 : tree_.size() - 1; }

 private:
  std::vector<double> tree_;  // 1-based
  double total_ = 0.0;
};

}  // namespace leaktrace::simulate
