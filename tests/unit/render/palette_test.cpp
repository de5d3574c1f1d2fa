#include "render/palette.h"

#include <gtest/gtest.h>

#include <cmath>
#include <set>

namespace leaktrace {
namespace {

TEST(Palette, ColoursAreDistinctHexAndStable) {
  std::set<std::string> seen;
  for (std::size_t i = 0; i < 60; ++i) {
    const std::string colour = community_colour(i);
    ASSERT_EQ(colour.size(), 7u) << colour;
    ASSERT_TRUE(parse_hex_colour(colour).has_value()) << colour;
    seen.insert(colour);
    EXPECT_EQ(colour, community_colour(i));
    EXPECT_NE(colour, no_community_colour);
  }
  EXPECT_EQ(seen.size(), 60u);
}

TEST(Palette, FirstColoursAreFarApart) {
  // Euclidean distance in RGB between any two of the first eight: at least a fifth of the cube's side.
  for (std::size_t a = 0; a < 8; ++a) {
    for (std::size_t b = a + 1; b < 8; ++b) {
      const Rgb x = community_rgb(a), y = community_rgb(b);
      EXPECT_GT(std::sqrt((x.r - y.r) * (x.r - y.r) + (x.g - y.g) * (x.g - y.g) + (x.b - y.b) * (x.b - y.b)), 0.2)
          << a << " vs " << b;
    }
  }
}

TEST(Palette, ParsesAndFormatsHex) {
  const auto red = parse_hex_colour("#ff0000");
  ASSERT_TRUE(red);
  EXPECT_DOUBLE_EQ(red->r, 1.0);
  EXPECT_DOUBLE_EQ(red->g, 0.0);
  EXPECT_EQ(hex_colour(*parse_hex_colour("#0a0")), "#00aa00");
  EXPECT_FALSE(parse_hex_colour("red"));
  EXPECT_FALSE(parse_hex_colour("#12345g"));
  EXPECT_FALSE(parse_hex_colour("#1234"));
}

}  // namespace
}  // namespace leaktrace
