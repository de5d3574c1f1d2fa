#include "model/time.h"

#include <ctime>

#include <gtest/gtest.h>

namespace leaktrace {
namespace {

// Expected values from the C library (timegm), not from the code under test.
TimeMs reference(int year, int month, int day, int hour, int minute, int second) {
  std::tm tm{};
  tm.tm_year = year - 1900;
  tm.tm_mon = month - 1;
  tm.tm_mday = day;
  tm.tm_hour = hour;
  tm.tm_min = minute;
  tm.tm_sec = second;
  return static_cast<TimeMs>(timegm(&tm)) * 1000;
}

TEST(Time, ParsesTwitterV1CreatedAt) {
  EXPECT_EQ(parse_twitter_v1_time("Fri May 05 20:49:00 +0000 2017"), reference(2017, 5, 5, 20, 49, 0));
  EXPECT_EQ(parse_twitter_v1_time("Wed Aug 27 13:08:45 +0000 2008"), reference(2008, 8, 27, 13, 8, 45));
  EXPECT_EQ(parse_twitter_v1_time("Tue Feb 29 23:59:59 +0000 2000"), reference(2000, 2, 29, 23, 59, 59));
}

TEST(Time, TwitterV1OffsetIsSubtracted) {
  EXPECT_EQ(parse_twitter_v1_time("Fri May 05 22:49:00 +0200 2017"), reference(2017, 5, 5, 20, 49, 0));
}

TEST(Time, RejectsMalformedTwitterV1Times) {
  EXPECT_FALSE(parse_twitter_v1_time(""));
  EXPECT_FALSE(parse_twitter_v1_time("Fri Mai 05 20:49:00 +0000 2017"));
  EXPECT_FALSE(parse_twitter_v1_time("Fri May 05 25:49:00 +0000 2017"));
  EXPECT_FALSE(parse_twitter_v1_time("Fri May 05 20:49:00 +0000 20x7"));
  EXPECT_FALSE(parse_twitter_v1_time("2017-05-05T20:49:00Z"));
}

TEST(Time, ParsesIso8601Forms) {
  TimeMs expected = reference(2017, 5, 5, 20, 49, 0);
  EXPECT_EQ(parse_iso8601_time("2017-05-05T20:49:00Z"), expected);
  EXPECT_EQ(parse_iso8601_time("2017-05-05T20:49:00.000Z"), expected);
  EXPECT_EQ(parse_iso8601_time("2017-05-05T20:49:00.250Z"), expected + 250);
  EXPECT_EQ(parse_iso8601_time("2017-05-05T22:49:00+02:00"), expected);
  EXPECT_EQ(parse_iso8601_time("2017-05-05T15:49:00-0500"), expected);
  EXPECT_EQ(parse_iso8601_time("2017-05-05 20:49:00"), expected);
  EXPECT_FALSE(parse_iso8601_time("2017-13-05T20:49:00Z"));
  EXPECT_FALSE(parse_iso8601_time("2017-05-05T20:49:00Q"));
  EXPECT_FALSE(parse_iso8601_time("yesterday"));
}

TEST(Time, FormatsIso8601) {
  EXPECT_EQ(format_iso8601_time(reference(2017, 5, 5, 20, 49, 0) + 7), "2017-05-05T20:49:00.007Z");
  EXPECT_EQ(format_iso8601_time(0), "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(format_iso8601_time(reference(1969, 12, 31, 23, 59, 59)), "1969-12-31T23:59:59.000Z");
  EXPECT_EQ(format_iso8601_time(unknown_time), "");
}

TEST(Time, FormatsTwitterV1CreatedAtAsTheApiDoes) {
  EXPECT_EQ(format_twitter_v1_time(reference(2017, 5, 5, 20, 49, 0) + 999), "Fri May 05 20:49:00 +0000 2017");
  EXPECT_EQ(format_twitter_v1_time(reference(1969, 12, 31, 23, 0, 0)), "Wed Dec 31 23:00:00 +0000 1969");
}

TEST(Time, CivilTimeWeekdayAgreesWithGmtime) {
  for (TimeMs time = reference(1960, 1, 1, 0, 0, 0); time < reference(2040, 1, 1, 0, 0, 0); time += 86400000LL * 37 + 3600000) {
    std::time_t seconds = static_cast<std::time_t>(time / 1000);
    std::tm tm{};
    gmtime_r(&seconds, &tm);
    CivilTime civil = civil_time(time);
    ASSERT_EQ(civil.weekday, tm.tm_wday) << time;
    ASSERT_EQ(civil.year, tm.tm_year + 1900);
    ASSERT_EQ(civil.month, tm.tm_mon + 1);
    ASSERT_EQ(civil.day, tm.tm_mday);
    ASSERT_EQ(civil.hour, tm.tm_hour);
  }
}

TEST(Time, TwitterV1TimeRoundTrips) {
  TimeMs time = reference(2017, 5, 7, 23, 59, 58);
  EXPECT_EQ(parse_twitter_v1_time(format_twitter_v1_time(time)), time);
}

TEST(Time, DaysFromCivilAgreesWithTimegmOverCenturies) {
  for (int year : {1900, 1970, 2000, 2017, 2100, 2400}) {
    for (int month : {1, 2, 3, 12}) {
      EXPECT_EQ(days_from_civil(year, static_cast<unsigned>(month), 28) * 86400000, reference(year, month, 28, 0, 0, 0))
          << year << "-" << month;
    }
  }
}

}  // namespace
}  // namespace leaktrace
