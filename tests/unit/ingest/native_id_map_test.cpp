#include "ingest/native_id_map.h"

#include <string>

#include <gtest/gtest.h>

namespace leaktrace {
namespace {

TEST(NativeIdMap, NumbersAndNamesAreFoundAgain) {
  NativeIdMap<int> map;
  // Snowflake ids, 4chan "board/number", paste keys, and numbers that would not print back the same.
  const char* ids[] = {"860494305704706048", "1", "0", "pol/123", "Xy12ab", "0042", "18446744073709551615", ""};
  int value = 0;
  for (const char* id : ids) map.insert(id, ++value);
  EXPECT_EQ(map.size(), 8u);
  value = 0;
  for (const char* id : ids) {
    ASSERT_NE(map.find(id), nullptr) << id;
    EXPECT_EQ(*map.find(id), ++value) << id;
  }
  EXPECT_EQ(map.find("42"), nullptr);  // "0042" is a name, not the number 42
  EXPECT_EQ(map.find("860494305704706049"), nullptr);
  EXPECT_EQ(map.find("pol/124"), nullptr);
}

TEST(NativeIdMap, GrowsPastItsFirstTable) {
  NativeIdMap<std::int64_t> map;
  constexpr std::int64_t count = 100000;
  for (std::int64_t i = 0; i < count; ++i) map.insert(std::to_string(860000000000000000 + i * 4096), i);
  for (std::int64_t i = 0; i < count; ++i) {
    const std::int64_t* found = map.find(std::to_string(860000000000000000 + i * 4096));
    ASSERT_NE(found, nullptr);
    EXPECT_EQ(*found, i);
  }
  EXPECT_EQ(map.find(std::to_string(860000000000000000 + 1)), nullptr);
  // Values can be changed in place.
  *map.find("860000000000000000") = -1;
  EXPECT_EQ(*map.find("860000000000000000"), -1);
}

TEST(NativeIdMap, OnlyCanonicalDecimalsAreNumbers) {
  std::uint64_t n = 0;
  EXPECT_TRUE(NativeIdMap<int>::as_number("9999999999999999999", n));
  EXPECT_EQ(n, 9999999999999999999ULL);
  EXPECT_FALSE(NativeIdMap<int>::as_number("10000000000000000000", n));  // 20 digits
  EXPECT_FALSE(NativeIdMap<int>::as_number("01", n));
  EXPECT_FALSE(NativeIdMap<int>::as_number("-1", n));
  EXPECT_FALSE(NativeIdMap<int>::as_number("", n));
  EXPECT_TRUE(NativeIdMap<int>::as_number("0", n));
}

}  // namespace
}  // namespace leaktrace
