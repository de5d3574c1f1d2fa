#pragma once

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>

namespace leaktrace {

// One line on stderr, redrawn at most a few times a second: bytes, items/s, ETA. Silent unless
// stderr is a terminal (or when quiet).
class ProgressBar {
 public:
  explicit ProgressBar(bool enabled, std::FILE* out = stderr);
  ~ProgressBar();
  void update(const std::string& label, std::uint64_t done_bytes, std::uint64_t total_bytes, std::uint64_t items,
              double seconds);
  void clear();

 private:
  bool enabled_;
  std::FILE* out_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point last_draw_{};
};

std::string human_bytes(std::uint64_t bytes);
std::string human_count(std::uint64_t count);  // 1234567 -> "1,234,567"

}  // namespace leaktrace
