#include "render/report_format.h"

#include <gtest/gtest.h>

namespace leaktrace {
namespace {

constexpr TimeMs may_5_1849 = 1'494'010'147'000;  // 2017-05-05T18:49:07Z

TEST(ReportFormat, TimesAreUtcAndSaySo) {
  EXPECT_EQ(report_time(may_5_1849), "2017-05-05 18:49:07 UTC");
  EXPECT_EQ(report_time_short(may_5_1849), "2017-05-05 18:49");
  EXPECT_EQ(report_time(unknown_time), "unknown time");
  EXPECT_EQ(report_time_short(unknown_time), "unknown");
  EXPECT_EQ(report_time(0), "1970-01-01 00:00:00 UTC");
}

TEST(ReportFormat, DurationsInTheLargestUnitsThatMatter) {
  EXPECT_EQ(report_duration(45'000), "45 s");
  EXPECT_EQ(report_duration(12 * 60'000 + 59'000), "12 min");
  EXPECT_EQ(report_duration(3 * 3'600'000 + 5 * 60'000), "3 h 05 min");
  EXPECT_EQ(report_duration(2 * 86'400'000 + 4 * 3'600'000), "2 d 4 h");
  EXPECT_EQ(report_duration(-90'000), "-1 min");
  EXPECT_EQ(report_duration(unknown_time), "unknown");
}

TEST(ReportFormat, BinWidthsInWords) {
  EXPECT_EQ(report_bin_width(600'000), "10 minutes");
  EXPECT_EQ(report_bin_width(60'000), "minute");
  EXPECT_EQ(report_bin_width(3'600'000), "hour");
  EXPECT_EQ(report_bin_width(6 * 3'600'000), "6 hours");
  EXPECT_EQ(report_bin_width(86'400'000), "day");
  EXPECT_EQ(report_bin_width(1500), "2 seconds");
}

TEST(ReportFormat, NumbersGroupThousands) {
  EXPECT_EQ(report_count(0), "0");
  EXPECT_EQ(report_count(999), "999");
  EXPECT_EQ(report_count(1234567), "1,234,567");
  EXPECT_EQ(report_count(-1), "unknown");
  EXPECT_EQ(report_decimal(0.012345), "0.0123");
  EXPECT_EQ(report_decimal(12.345), "12.3");
  EXPECT_EQ(report_decimal(5200.4, 4), "5,200");
  EXPECT_EQ(report_decimal(0), "0");
  EXPECT_EQ(report_percent(0.4234), "42.3%");
  EXPECT_EQ(report_bytes(812), "812 B");
  EXPECT_EQ(report_bytes(3 * 1024 * 1024 + 100 * 1024), "3.1 MiB");
}

TEST(ReportFormat, PlatformsByTheirNames) {
  EXPECT_EQ(report_platform("twitter"), "Twitter");
  EXPECT_EQ(report_platform("4chan"), "4chan");
  EXPECT_EQ(report_platform("<b>new</b>"), "<b>new</b>");  // shown as it is; the renderer escapes it
}

TEST(ReportFormat, ColoursAreCheckedBeforeUse) {
  EXPECT_EQ(report_colour("#0067A5"), "#0067a5");
  EXPECT_EQ(report_colour("#fa0"), "#ffaa00");
  EXPECT_EQ(report_colour("red;background:url(x)"), "#9a9a9a");
  EXPECT_EQ(report_colour("\"><script>"), "#9a9a9a");
  EXPECT_EQ(report_colour(""), "#9a9a9a");
}

TEST(ReportFormat, LinkTargetsCarryNoQuoteOrAngleBracket) {
  EXPECT_EQ(report_link_target("https://example.org/a?b=1&c=2#x"), "https://example.org/a?b=1&c=2#x");
  EXPECT_EQ(report_link_target("https://x/\"onclick='a'<b>`|{}^\\"), "https://x/%22onclick=%27a%27%3Cb%3E%60%7C%7B%7D%5E%5C");
}

TEST(ReportFormat, TruncationKeepsWholeCodePoints) {
  EXPECT_EQ(truncate_text("abcdef", 3), "abc…");
  EXPECT_EQ(truncate_text("abc", 3), "abc");
  EXPECT_EQ(truncate_text("éèêë", 2), "éè…");
  EXPECT_EQ(truncate_text("日本語テキスト", 3), "日本語…");
}

}  // namespace
}  // namespace leaktrace
