#pragma once

#include <optional>
#include <string_view>

#include "model/time.h"

namespace leaktrace {

// A time as networks collected elsewhere write it: ISO-8601 ("2017-05-05T20:49:00Z",
// "2017-05-05 20:49:00+02:00", or a date "2017-05-05" taken as midnight UTC), or a number of
// seconds since the Unix epoch ("1493930940", "1493930940.5"). A number of 1e11 or more would be
// after the year 5000 in seconds, so it is taken as milliseconds (what JavaScript and Java export).
std::optional<TimeMs> parse_network_time(std::string_view text);

}  // namespace leaktrace
