#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "model/time.h"

namespace leaktrace {

// How the report writes times, durations and numbers, the same in its HTML, its Markdown and its
// figures. Times are UTC and say so.

// "2017-05-05 18:49:07 UTC"; "unknown time" for unknown_time.
std::string report_time(TimeMs time);

// "2017-05-05 18:49" (no zone: for tables whose header says UTC); "unknown" for unknown_time.
std::string report_time_short(TimeMs time);

// A length of time in words a reader scans: "45 s", "12 min", "3 h 05 min", "2 d 4 h".
std::string report_duration(TimeMs duration);

// "10 minutes", "hour", "6 hours", "day": the width of a timeline bin, for "posts per …".
std::string report_bin_width(TimeMs bin);

// "1,234,567"; "unknown" for a negative count that stands for unknown (followers = -1).
std::string report_count(std::int64_t count);

// A measure with at most `significant` significant digits and no exponent for everyday sizes:
// 0.0123, 12.3, 1,234.
std::string report_decimal(double value, int significant = 3);

// A share 0..1 as "42.3%".
std::string report_percent(double share);

// Bytes as "812 B", "1.2 KiB", "35.0 MiB".
std::string report_bytes(std::int64_t bytes);

// The name a reader knows a platform by: "twitter" is "Twitter", "4chan" stays "4chan"; an
// unknown name is shown as it is.
std::string report_platform(std::string_view platform);

// `colour` when it is "#rrggbb" or "#rgb" (normalised to "#rrggbb"), else the no-community grey:
// a colour from the document never reaches CSS or SVG unchecked.
std::string report_colour(std::string_view colour);

// An http(s) URL (is_http_url) as a link target: the characters a URL never carries raw (quotes,
// angle brackets, backtick, backslash, pipe, braces, caret) percent-encoded, as a browser would
// before requesting it, so that the target survives any quoting around it.
std::string report_link_target(std::string_view url);

// The first `code_points` code points of `text` (valid UTF-8 assumed), and "…" when it was longer.
std::string truncate_text(std::string_view text, std::size_t code_points);

}  // namespace leaktrace
