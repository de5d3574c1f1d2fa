#include "graph/network_time.h"

#include <charconv>
#include <cmath>

namespace leaktrace {
namespace {

constexpr double milliseconds_threshold = 1e11;  // as seconds: the year 5138
constexpr double max_abs_ms = 9e15;              // beyond this a double loses milliseconds

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) text.remove_suffix(1);
  return text;
}

bool all_digits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace

std::optional<TimeMs> parse_network_time(std::string_view text) {
  text = trim(text);
  if (text.empty()) return std::nullopt;
  if (text.size() >= 10 && text[4] == '-' && text[7] == '-') {
    if (text.size() == 10) {
      if (!all_digits(text.substr(0, 4)) || !all_digits(text.substr(5, 2)) || !all_digits(text.substr(8, 2))) {
        return std::nullopt;
      }
      return parse_iso8601_time(std::string(text) + "T00:00:00Z");
    }
    return parse_iso8601_time(text);
  }
  double value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || !std::isfinite(value)) return std::nullopt;
  double ms = std::fabs(value) >= milliseconds_threshold ? value : value * 1000;
  if (std::fabs(ms) > max_abs_ms) return std::nullopt;
  return static_cast<TimeMs>(std::llround(ms));
}

}  // namespace leaktrace
