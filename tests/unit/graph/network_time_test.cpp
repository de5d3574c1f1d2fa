#include "graph/network_time.h"

#include <gtest/gtest.h>

namespace leaktrace {
namespace {

// 2017-05-05T20:49:00Z is 1494017340 s after the epoch (`date -u -d 2017-05-05T20:49:00Z +%s`).
constexpr TimeMs may_5 = 1494017340000;

TEST(NetworkTime, ReadsIsoDatesAndEpochSeconds) {
  EXPECT_EQ(parse_network_time("2017-05-05T20:49:00Z"), may_5);
  EXPECT_EQ(parse_network_time(" 2017-05-05 22:49:00+02:00 "), may_5);
  EXPECT_EQ(parse_network_time("2017-05-05T20:49:00.250Z"), may_5 + 250);
  EXPECT_EQ(parse_network_time("2017-05-05"), may_5 - (20 * 3600 + 49 * 60) * 1000);
  EXPECT_EQ(parse_network_time("1494017340"), may_5);
  EXPECT_EQ(parse_network_time("1494017340.5"), may_5 + 500);
  EXPECT_EQ(parse_network_time("1494017340000"), may_5);  // milliseconds
  EXPECT_EQ(parse_network_time("0"), 0);
}

TEST(NetworkTime, RefusesWhatIsNotATime) {
  EXPECT_EQ(parse_network_time(""), std::nullopt);
  EXPECT_EQ(parse_network_time("yesterday"), std::nullopt);
  EXPECT_EQ(parse_network_time("2017-13-05"), std::nullopt);
  EXPECT_EQ(parse_network_time("12abc"), std::nullopt);
  EXPECT_EQ(parse_network_time("1e300"), std::nullopt);
  EXPECT_EQ(parse_network_time("nan"), std::nullopt);
}

}  // namespace
}  // namespace leaktrace
