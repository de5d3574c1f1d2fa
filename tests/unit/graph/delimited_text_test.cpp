#include "graph/delimited_text.h"

#include <gtest/gtest.h>

namespace leaktrace {
namespace {

std::vector<std::string> split(std::string_view line, Delimiter delimiter) {
  std::vector<std::string> fields;
  std::string error;
  EXPECT_TRUE(split_fields(line, delimiter, fields, error)) << error;
  return fields;
}

TEST(DelimitedText, SplitsRfc4180Quotes) {
  EXPECT_EQ(split(R"(a,"b, ""c""",,d )", Delimiter::comma), (std::vector<std::string>{"a", "b, \"c\"", "", "d"}));
  EXPECT_EQ(split("a\t\tb c", Delimiter::tab), (std::vector<std::string>{"a", "", "b c"}));
  EXPECT_EQ(split("  a   b\tc ", Delimiter::whitespace), (std::vector<std::string>{"a", "b", "c"}));
  std::vector<std::string> fields;
  std::string error;
  EXPECT_FALSE(split_fields(R"(a,"b)", Delimiter::comma, fields, error));
  EXPECT_FALSE(split_fields(R"("a"x,b)", Delimiter::comma, fields, error));
}

TEST(DelimitedText, DetectsTheDelimiterFromTheFirstLine) {
  EXPECT_EQ(detect_delimiter("a\tb,c"), Delimiter::tab);
  EXPECT_EQ(detect_delimiter("a,b c"), Delimiter::comma);
  EXPECT_EQ(detect_delimiter("a b"), Delimiter::whitespace);
}

TEST(DelimitedText, SkipsBlankAndCommentLinesKeepingNumbers) {
  DataLines lines("\xEF\xBB\xBF# comment\n\n a b\r\n% konect\n  # indented\nc d");
  std::string_view line;
  std::uint64_t number = 0;
  ASSERT_TRUE(lines.next(line, number));
  EXPECT_EQ(line, " a b");
  EXPECT_EQ(number, 3u);
  ASSERT_TRUE(lines.next(line, number));
  EXPECT_EQ(line, "c d");
  EXPECT_EQ(number, 6u);
  EXPECT_FALSE(lines.next(line, number));
}

}  // namespace
}  // namespace leaktrace
