#include "render/palette.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

namespace leaktrace {
namespace {

constexpr std::array<std::string_view, 19> kelly = {
    "#0067a5", "#f38400", "#008856", "#be0032", "#875692", "#a1caf1", "#8db600", "#882d17", "#e68fac", "#f6a600",
    "#604e97", "#e25822", "#2b3d26", "#c2b280", "#b3446c", "#f99379", "#654522", "#dcd300", "#f3c300",
};

Rgb from_hsl(double h, double s, double l) {
  auto channel = [&](double n) {
    const double k = std::fmod(n + h * 12.0, 12.0);
    const double a = s * std::min(l, 1.0 - l);
    return l - a * std::max(-1.0, std::min({k - 3.0, 9.0 - k, 1.0}));
  };
  return {channel(0), channel(8), channel(4)};
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

Rgb community_rgb(std::size_t index) {
  if (index < kelly.size()) return *parse_hex_colour(kelly[index]);
  const double golden = 0.6180339887498949;
  const double hue = std::fmod(0.11 + static_cast<double>(index - kelly.size()) * golden, 1.0);
  const double lightness = (index % 2 == 0) ? 0.42 : 0.55;
  return from_hsl(hue, 0.65, lightness);
}

std::string community_colour(std::size_t index) {
  if (index < kelly.size()) return std::string(kelly[index]);
  return hex_colour(community_rgb(index));
}

std::optional<Rgb> parse_hex_colour(std::string_view text) {
  if (text.empty() || text[0] != '#') return std::nullopt;
  text.remove_prefix(1);
  int v[6];
  if (text.size() == 3) {
    for (int i = 0; i < 3; ++i) {
      v[2 * i] = v[2 * i + 1] = hex_digit(text[i]);
    }
  } else if (text.size() == 6) {
    for (int i = 0; i < 6; ++i) v[i] = hex_digit(text[i]);
  } else {
    return std::nullopt;
  }
  for (int d : v) {
    if (d < 0) return std::nullopt;
  }
  return Rgb{(v[0] * 16 + v[1]) / 255.0, (v[2] * 16 + v[3]) / 255.0, (v[4] * 16 + v[5]) / 255.0};
}

std::string hex_colour(const Rgb& colour) {
  auto byte = [](double c) { return static_cast<unsigned>(std::lround(std::clamp(c, 0.0, 1.0) * 255.0)); };
  char out[8];
  std::snprintf(out, sizeof out, "#%02x%02x%02x", byte(colour.r), byte(colour.g), byte(colour.b));
  return out;
}

}  // namespace leaktrace
