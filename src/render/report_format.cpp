#include "render/report_format.h"

#include <cmath>
#include <cstdlib>

#include <fmt/format.h>

#include "render/palette.h"

namespace leaktrace {
namespace {

constexpr TimeMs second_ms = 1000;
constexpr TimeMs minute_ms = 60 * second_ms;
constexpr TimeMs hour_ms = 60 * minute_ms;
constexpr TimeMs day_ms = 24 * hour_ms;

std::string group_thousands(std::string digits) {
  const std::size_t sign = !digits.empty() && digits[0] == '-' ? 1 : 0;
  const std::size_t dot = digits.find('.');
  std::size_t end = dot == std::string::npos ? digits.size() : dot;
  while (end > sign + 3) {
    end -= 3;
    digits.insert(end, ",");
  }
  return digits;
}

}  // namespace

std::string report_time(TimeMs time) {
  if (time == unknown_time) return "unknown time";
  const CivilTime c = civil_time(time);
  return fmt::format("{:04}-{:02}-{:02} {:02}:{:02}:{:02} UTC", c.year, c.month, c.day, c.hour, c.minute, c.second);
}

std::string report_time_short(TimeMs time) {
  if (time == unknown_time) return "unknown";
  const CivilTime c = civil_time(time);
  return fmt::format("{:04}-{:02}-{:02} {:02}:{:02}", c.year, c.month, c.day, c.hour, c.minute);
}

std::string report_duration(TimeMs duration) {
  if (duration == unknown_time) return "unknown";
  const std::string sign = duration < 0 ? "-" : "";
  const TimeMs d = std::llabs(duration);
  if (d < minute_ms) return fmt::format("{}{} s", sign, d / second_ms);
  if (d < hour_ms) return fmt::format("{}{} min", sign, d / minute_ms);
  if (d < day_ms) return fmt::format("{}{} h {:02} min", sign, d / hour_ms, (d % hour_ms) / minute_ms);
  return fmt::format("{}{} d {} h", sign, d / day_ms, (d % day_ms) / hour_ms);
}

std::string report_bin_width(TimeMs bin) {
  const auto unit = [](TimeMs count, std::string_view word) {
    return count == 1 ? std::string(word) : fmt::format("{} {}s", count, word);
  };
  if (bin <= 0) return "bin";
  if (bin % day_ms == 0) return unit(bin / day_ms, "day");
  if (bin % hour_ms == 0) return unit(bin / hour_ms, "hour");
  if (bin % minute_ms == 0) return unit(bin / minute_ms, "minute");
  return unit((bin + second_ms - 1) / second_ms, "second");
}

std::string report_count(std::int64_t count) {
  if (count < 0) return "unknown";
  return group_thousands(fmt::format("{}", count));
}

std::string report_decimal(double value, int significant) {
  if (!std::isfinite(value)) return "–";
  if (value == 0) return "0";
  const int magnitude = static_cast<int>(std::floor(std::log10(std::abs(value))));
  const int decimals = std::max(0, significant - 1 - magnitude);
  return group_thousands(fmt::format("{:.{}f}", value, decimals));
}

std::string report_percent(double share) {
  if (!std::isfinite(share)) return "–";
  return fmt::format("{:.1f}%", share * 100);
}

std::string report_bytes(std::int64_t bytes) {
  if (bytes < 0) return "unknown";
  if (bytes < 1024) return fmt::format("{} B", bytes);
  constexpr const char* units[] = {"KiB", "MiB", "GiB", "TiB"};
  double size = static_cast<double>(bytes) / 1024;
  std::size_t unit = 0;
  while (size >= 1024 && unit + 1 < std::size(units)) {
    size /= 1024;
    ++unit;
  }
  return fmt::format("{:.1f} {}", size, units[unit]);
}

std::string report_platform(std::string_view platform) {
  struct Name {
    std::string_view key, shown;
  };
  static constexpr Name names[] = {{"twitter", "Twitter"},   {"4chan", "4chan"},       {"pastebin", "Pastebin"},
                                   {"telegram", "Telegram"}, {"mastodon", "Mastodon"}, {"bluesky", "Bluesky"},
                                   {"reddit", "Reddit"},     {"facebook", "Facebook"}, {"web", "the web"}};
  for (const Name& name : names) {
    if (name.key == platform) return std::string(name.shown);
  }
  return std::string(platform);
}

std::string report_colour(std::string_view colour) {
  const std::optional<Rgb> rgb = parse_hex_colour(colour);
  return rgb ? hex_colour(*rgb) : std::string(no_community_colour);
}

std::string report_link_target(std::string_view url) {
  std::string out;
  out.reserve(url.size());
  for (char c : url) {
    switch (c) {
      case '"': case '\'': case '<': case '>': case '`': case '\\': case '|': case '{': case '}': case '^':
        fmt::format_to(std::back_inserter(out), "%{:02X}", static_cast<unsigned char>(c));
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

std::string truncate_text(std::string_view text, std::size_t code_points) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (count == code_points) return std::string(text.substr(0, i)) + "…";
    ++count;
  }
  return std::string(text);
}

}  // namespace leaktrace
