#include "cli/progress_bar.h"

#include <array>
#include <cstdio>

#include <fmt/format.h>

namespace leaktrace {
namespace {

constexpr auto redraw_interval = std::chrono::milliseconds(200);
constexpr int bar_width = 24;

}  // namespace

std::string human_bytes(std::uint64_t bytes) {
  constexpr std::array units{"B", "KiB", "MiB", "GiB", "TiB"};
  double value = static_cast<double>(bytes);
  std::size_t unit = 0;
  while (value >= 1024 && unit + 1 < units.size()) {
    value /= 1024;
    ++unit;
  }
  return unit == 0 ? fmt::format("{} B", bytes) : fmt::format("{:.1f} {}", value, units[unit]);
}

std::string human_count(std::uint64_t count) {
  std::string digits = fmt::format("{}", count);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

ProgressBar::ProgressBar(bool enabled, std::FILE* out) : enabled_(enabled), out_(out) {}

ProgressBar::~ProgressBar() { clear(); }

void ProgressBar::update(const std::string& label, std::uint64_t done_bytes, std::uint64_t total_bytes,
                         std::uint64_t items, double seconds) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_draw_ < redraw_interval) return;
  last_draw_ = now;
  double rate = seconds > 0 ? static_cast<double>(items) / seconds : 0;
  std::string line;
  if (total_bytes > 0) {
    double fraction = std::min(1.0, static_cast<double>(done_bytes) / static_cast<double>(total_bytes));
    int filled = static_cast<int>(fraction * bar_width);
    double eta = fraction > 0 ? seconds * (1 - fraction) / fraction : 0;
    line = fmt::format("{} [{}{}] {:3.0f}% {} / {}  {} posts/s  ETA {:.0f}s", label, std::string(filled, '#'),
                       std::string(bar_width - filled, '.'), fraction * 100, human_bytes(done_bytes),
                       human_bytes(total_bytes), human_count(static_cast<std::uint64_t>(rate)), eta);
  } else {
    line = fmt::format("{} {}  {} posts  {} posts/s", label, human_bytes(done_bytes), human_count(items),
                       human_count(static_cast<std::uint64_t>(rate)));
  }
  fmt::print(out_, "\r\x1b[2K{}", line);
  std::fflush(out_);
  drawn_ = true;
}

void ProgressBar::clear() {
  if (enabled_ && drawn_) {
    fmt::print(out_, "\r\x1b[2K");
    std::fflush(out_);
    drawn_ = false;
  }
}

}  // namespace leaktrace
