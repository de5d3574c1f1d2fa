#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace leaktrace {

// Milliseconds since the Unix epoch, UTC. Every time in the model is one of these.
using TimeMs = std::int64_t;

constexpr TimeMs unknown_time = INT64_MIN;

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
std::int64_t days_from_civil(int year, unsigned month, unsigned day);

// "Wed Aug 27 13:08:45 +0000 2008", the created_at of Twitter API v1.1.
std::optional<TimeMs> parse_twitter_v1_time(std::string_view text);

// "2017-05-05T20:49:00.000Z", "2017-05-05T20:49:00+02:00", "2017-05-05 20:49:00" (taken as UTC).
std::optional<TimeMs> parse_iso8601_time(std::string_view text);

// "2017-05-05T20:49:00.000Z".
std::string format_iso8601_time(TimeMs time);

// "Fri May 05 20:49:00 +0000 2017", as Twitter API v1.1 writes created_at.
std::string format_twitter_v1_time(TimeMs time);

struct CivilTime {
  int year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0, millisecond = 0;
  int weekday = 4;  // 0 = Sunday
};

// The UTC calendar date and time of `time`.
CivilTime civil_time(TimeMs time);

}  // namespace leaktrace
