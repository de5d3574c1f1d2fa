#include "model/time.h"

#include <array>
#include <charconv>

#include <fmt/format.h>

namespace leaktrace {
namespace {

constexpr TimeMs ms_per_second = 1000;
constexpr TimeMs seconds_per_day = 86400;

constexpr std::array<std::string_view, 7> weekday_abbreviations{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
constexpr std::array<std::string_view, 12> month_abbreviations{
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

bool parse_digits(std::string_view text, int& out) {
  if (text.empty()) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), out);
  return error == std::errc{} && end == text.data() + text.size();
}

bool valid_date_time(int year, int month, int day, int hour, int minute, int second) {
  return year >= 1900 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= 31 &&
         hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 60;
}

TimeMs to_time(int year, int month, int day, int hour, int minute, int second, int offset_seconds) {
  std::int64_t days = days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  std::int64_t seconds = days * seconds_per_day + hour * 3600 + minute * 60 + second - offset_seconds;
  return seconds * ms_per_second;
}

// "+0000", "+02:00", "-0530"
std::optional<int> parse_utc_offset(std::string_view text) {
  if (text.size() < 5 || (text[0] != '+' && text[0] != '-')) return std::nullopt;
  int sign = text[0] == '-' ? -1 : 1;
  std::string_view digits = text.substr(1);
  int hours = 0;
  int minutes = 0;
  if (digits.size() == 4) {
    if (!parse_digits(digits.substr(0, 2), hours) || !parse_digits(digits.substr(2, 2), minutes)) return std::nullopt;
  } else if (digits.size() == 5 && digits[2] == ':') {
    if (!parse_digits(digits.substr(0, 2), hours) || !parse_digits(digits.substr(3, 2), minutes)) return std::nullopt;
  } else {
    return std::nullopt;
  }
  return sign * (hours * 3600 + minutes * 60);
}

}  // namespace

std::int64_t days_from_civil(int year, unsigned month, unsigned day) {
  year -= month <= 2 ? 1 : 0;
  const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
  const unsigned year_of_era = static_cast<unsigned>(year - era * 400);
  const unsigned day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  const unsigned day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + static_cast<std::int64_t>(day_of_era) - 719468;
}

std::optional<TimeMs> parse_twitter_v1_time(std::string_view text) {
  // Www Mmm dd hh:mm:ss +zzzz yyyy
  // 0   4   8  11 14 17 20    26
  if (text.size() != 30 || text[3] != ' ' || text[7] != ' ' || text[10] != ' ' || text[13] != ':' ||
      text[16] != ':' || text[19] != ' ' || text[25] != ' ') {
    return std::nullopt;
  }
  int month = 0;
  for (std::size_t i = 0; i < month_abbreviations.size(); ++i) {
    if (text.substr(4, 3) == month_abbreviations[i]) month = static_cast<int>(i) + 1;
  }
  int day = 0, hour = 0, minute = 0, second = 0, year = 0;
  if (month == 0 || !parse_digits(text.substr(8, 2), day) || !parse_digits(text.substr(11, 2), hour) ||
      !parse_digits(text.substr(14, 2), minute) || !parse_digits(text.substr(17, 2), second) ||
      !parse_digits(text.substr(26, 4), year)) {
    return std::nullopt;
  }
  auto offset = parse_utc_offset(text.substr(20, 5));
  if (!offset || !valid_date_time(year, month, day, hour, minute, second)) return std::nullopt;
  return to_time(year, month, day, hour, minute, second, *offset);
}

std::optional<TimeMs> parse_iso8601_time(std::string_view text) {
  // yyyy-mm-ddThh:mm:ss[.fff][Z|+hh:mm|+hhmm]
  if (text.size() < 19 || text[4] != '-' || text[7] != '-' || (text[10] != 'T' && text[10] != ' ') ||
      text[13] != ':' || text[16] != ':') {
    return std::nullopt;
  }
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  if (!parse_digits(text.substr(0, 4), year) || !parse_digits(text.substr(5, 2), month) ||
      !parse_digits(text.substr(8, 2), day) || !parse_digits(text.substr(11, 2), hour) ||
      !parse_digits(text.substr(14, 2), minute) || !parse_digits(text.substr(17, 2), second) ||
      !valid_date_time(year, month, day, hour, minute, second)) {
    return std::nullopt;
  }
  std::string_view rest = text.substr(19);
  TimeMs millis = 0;
  if (!rest.empty() && rest[0] == '.') {
    std::size_t digits = 1;
    while (digits < rest.size() && rest[digits] >= '0' && rest[digits] <= '9') ++digits;
    std::string_view fraction = rest.substr(1, digits - 1);
    if (fraction.empty()) return std::nullopt;
    int scale = 100;
    for (std::size_t i = 0; i < fraction.size() && i < 3; ++i) {
      millis += (fraction[i] - '0') * scale;
      scale /= 10;
    }
    rest = rest.substr(digits);
  }
  int offset = 0;
  if (rest == "Z" || rest.empty()) {
    offset = 0;
  } else if (auto parsed = parse_utc_offset(rest)) {
    offset = *parsed;
  } else {
    return std::nullopt;
  }
  return to_time(year, month, day, hour, minute, second, offset) + millis;
}

CivilTime civil_time(TimeMs time) {
  std::int64_t seconds = time >= 0 ? time / ms_per_second : (time - (ms_per_second - 1)) / ms_per_second;
  CivilTime civil;
  civil.millisecond = static_cast<int>(time - seconds * ms_per_second);
  std::int64_t days = seconds >= 0 ? seconds / seconds_per_day : (seconds - (seconds_per_day - 1)) / seconds_per_day;
  std::int64_t second_of_day = seconds - days * seconds_per_day;
  civil.hour = static_cast<int>(second_of_day / 3600);
  civil.minute = static_cast<int>((second_of_day / 60) % 60);
  civil.second = static_cast<int>(second_of_day % 60);
  civil.weekday = static_cast<int>(((days + 4) % 7 + 7) % 7);  // 1970-01-01 was a Thursday
  // civil_from_days (Howard Hinnant)
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const unsigned day_of_era = static_cast<unsigned>(days - era * 146097);
  const unsigned year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const unsigned day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const unsigned mp = (5 * day_of_year + 2) / 153;
  civil.day = static_cast<int>(day_of_year - (153 * mp + 2) / 5 + 1);
  civil.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  civil.year = static_cast<int>(static_cast<std::int64_t>(year_of_era) + era * 400 + (civil.month <= 2 ? 1 : 0));
  return civil;
}

std::string format_iso8601_time(TimeMs time) {
  if (time == unknown_time) return "";
  CivilTime c = civil_time(time);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z", c.year, c.month, c.day, c.hour, c.minute, c.second,
                     c.millisecond);
}

std::string format_twitter_v1_time(TimeMs time) {
  if (time == unknown_time) return "";
  CivilTime c = civil_time(time);
  return fmt::format("{} {} {:02} {:02}:{:02}:{:02} +0000 {:04}", weekday_abbreviations[static_cast<std::size_t>(c.weekday)],
                     month_abbreviations[static_cast<std::size_t>(c.month - 1)], c.day, c.hour, c.minute, c.second,
                     c.year);
}

}  // namespace leaktrace
