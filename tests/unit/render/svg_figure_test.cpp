#include "render/svg_figure.h"

#include <stdexcept>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "report_samples.h"

namespace leaktrace {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(SvgFigure, RefusesUnusableOptions) {
  SvgFigureOptions options;
  options.width = 10;
  EXPECT_THROW(check_svg_figure_options(options), std::invalid_argument);
  options.width = 960;
  options.id_prefix = "a\"b";
  EXPECT_THROW(check_svg_figure_options(options), std::invalid_argument);
  options.id_prefix = "timeline-1";
  EXPECT_NO_THROW(check_svg_figure_options(options));
}

TEST(SvgFigure, DocumentTextIsCharacterDataWithoutControlsOrOverrides) {
  std::string out;
  SvgFigureOptions options;
  options.xml_declaration = true;
  open_svg_figure(out, 400, 100, "<title>&", "line\nbreak \x01 \xE2\x80\xAEtxt.exe", options);
  append_svg_text_element(out, 10, 20, "text-anchor=\"middle\"", "</text><script>alert(1)</script>");
  close_svg_figure(out);
  EXPECT_THAT(out, HasSubstr("<title>&lt;title&gt;&amp;</title>"));
  EXPECT_THAT(out, HasSubstr("<desc>line break  txt.exe</desc>"));
  EXPECT_THAT(out, HasSubstr("<text x=\"10\" y=\"20\" text-anchor=\"middle\">&lt;/text&gt;&lt;script&gt;alert(1)&lt;/script&gt;</text>"));
  EXPECT_THAT(out, Not(HasSubstr("<script")));
  std::string error;
  const auto elements = testing::parse_xml(out, &error);
  ASSERT_FALSE(elements.empty()) << error;
  EXPECT_EQ(elements.front().name, "svg");
  EXPECT_EQ(elements.front().attributes.at("viewBox"), "0 0 400 100");
}

TEST(SvgFigure, NumbersHaveOneDecimalAtMost) {
  EXPECT_EQ(svg_number(12), "12");
  EXPECT_EQ(svg_number(12.46), "12.5");
  EXPECT_EQ(svg_number(-0.04), "0");
  EXPECT_EQ(svg_number(1.0 / 0.0), "0");
}

TEST(SvgFigure, TextWidthGrowsWithCodePointsNotBytes) {
  EXPECT_DOUBLE_EQ(estimated_text_width("ab", 10), estimated_text_width("éè", 10));
  EXPECT_GT(estimated_text_width("abcd", 12), estimated_text_width("ab", 12));
}

}  // namespace
}  // namespace leaktrace
