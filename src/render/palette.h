#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace leaktrace {

struct Rgb {
  double r = 0, g = 0, b = 0;  // 0..1
};

// Colours for communities, the same in every output (HTML map, figures, report): the first 19 are
// Kelly's colours of maximum contrast (Kelly, "Twenty-two colors of maximum contrast", 1965) less
// white, black and grey, in an order that keeps the first few far apart on a white background;
// after them, hues step by the golden angle at a fixed lightness. Grey is kept for "no community".
std::string community_colour(std::size_t index);  // "#rrggbb"
Rgb community_rgb(std::size_t index);

inline constexpr std::string_view no_community_colour = "#9a9a9a";

// "#rrggbb" or "#rgb"; nothing for anything else.
std::optional<Rgb> parse_hex_colour(std::string_view text);
std::string hex_colour(const Rgb& colour);

}  // namespace leaktrace
