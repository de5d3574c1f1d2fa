#include "render/timeline_chart.h"

#include <algorithm>
#include <set>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "report_samples.h"

namespace leaktrace {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using testing::ParsedElement;

std::vector<const ParsedElement*> with_name(const std::vector<ParsedElement>& elements, std::string_view name) {
  std::vector<const ParsedElement*> out;
  for (const ParsedElement& element : elements) {
    if (element.name == name) out.push_back(&element);
  }
  return out;
}

bool has_text(const std::vector<ParsedElement>& elements, std::string_view text) {
  return std::any_of(elements.begin(), elements.end(), [&](const ParsedElement& e) { return e.name == "text" && e.text == text; });
}

TEST(TimelineChart, StacksAnAreaPerSeriesInItsColour) {
  const ReportTimeline timeline = testing::sample_report().timeline;
  const auto elements = testing::parse_figure(timeline_chart_svg(timeline));
  std::vector<std::string> fills;
  for (const ParsedElement* path : with_name(elements, "path")) {
    if (path->attributes.count("fill-opacity")) fills.push_back(path->attributes.at("fill"));
  }
  EXPECT_EQ(fills, (std::vector<std::string>{"#0067a5", "#f38400", "#9a9a9a"}));
  // The totals are the sum of the series: no separate line for them.
  EXPECT_THAT(timeline_chart_svg(timeline), Not(HasSubstr("lt-totals")));
  EXPECT_TRUE(has_text(elements, "posts per hour"));
  EXPECT_TRUE(has_text(elements, "@jackposobiec · #maga · en"));
}

TEST(TimelineChart, TheCountAxisReachesTheHighestStack) {
  // Bin 5 stacks 4 + 20 + 1 = 25: the axis goes to 25 in steps of 5 (1, 2 or 5 times a power of ten).
  const auto elements = testing::parse_figure(timeline_chart_svg(testing::sample_report().timeline));
  for (const char* label : {"0", "5", "10", "15", "20", "25"}) EXPECT_TRUE(has_text(elements, label)) << label;
  EXPECT_FALSE(has_text(elements, "30"));
}

TEST(TimelineChart, TimeTicksFallOnRoundUtcHours) {
  // Twelve hours from 14:00 UTC: a tick every 2 hours, midnight written as the date.
  const auto elements = testing::parse_figure(timeline_chart_svg(testing::sample_report().timeline));
  for (const char* tick : {"14:00", "16:00", "22:00", "May 6", "02:00"}) EXPECT_TRUE(has_text(elements, tick)) << tick;
  EXPECT_FALSE(has_text(elements, "15:00"));
  EXPECT_TRUE(has_text(elements, "time (UTC), 2017-05-05 14:00 to 2017-05-06 02:00"));
}

TEST(TimelineChart, MarksAndKeysEveryMilestone) {
  const ReportTimeline timeline = testing::sample_report().timeline;
  const auto elements = testing::parse_figure(timeline_chart_svg(timeline));
  EXPECT_EQ(with_name(elements, "circle").size(), timeline.milestones.size());
  EXPECT_TRUE(has_text(elements, "2017-05-05 15:00:00 UTC · first on 4chan"));
  EXPECT_TRUE(has_text(elements, "2017-05-05 19:00:00 UTC · peak: 25 posts"));
}

TEST(TimelineChart, DrawsTheTotalsWhenTheSeriesLeaveSomeOut) {
  ReportTimeline timeline = testing::sample_report().timeline;
  timeline.totals[3] += 7;
  const std::string svg = timeline_chart_svg(timeline);
  EXPECT_THAT(svg, HasSubstr("class=\"lt-totals\""));
  EXPECT_TRUE(has_text(testing::parse_figure(svg), "all posts"));
}

TEST(TimelineChart, AddsUpBinsPastWhatAChartCanShow) {
  // 3,000 one-minute bins of 1 post: drawn as 1,000 bins of 3 minutes with 3 posts each.
  ReportTimeline timeline;
  timeline.start = testing::report_start;
  timeline.bin = 60'000;
  timeline.totals.assign(3000, 1);
  timeline.series = {{"all", 0, "#0067a5", std::vector<std::int64_t>(3000, 1)}};
  const std::string svg = timeline_chart_svg(timeline);
  const auto elements = testing::parse_figure(svg);
  EXPECT_TRUE(has_text(elements, "posts per 3 minutes"));
  EXPECT_TRUE(has_text(elements, "3"));
  EXPECT_FALSE(has_text(elements, "5"));
  EXPECT_LT(svg.size(), 100'000u);
}

TEST(TimelineChart, SaysSoWhenThereIsNothingToDraw) {
  const auto elements = testing::parse_figure(timeline_chart_svg(ReportTimeline{}));
  EXPECT_TRUE(has_text(elements, "No posts in the timeline."));
}

TEST(TimelineChart, AttackerTextStaysText) {
  const ReportDocument hostile = testing::hostile_report();
  SvgFigureOptions options;
  options.xml_declaration = true;
  const auto elements = testing::parse_figure(timeline_chart_svg(hostile.timeline, options));
  const std::set<std::string> allowed = {"svg", "title", "desc", "rect", "g", "line", "path", "text", "circle"};
  for (const ParsedElement& element : elements) {
    EXPECT_TRUE(allowed.count(element.name)) << "<" << element.name << ">";
    for (const auto& [name, value] : element.attributes) {
      EXPECT_NE(name.substr(0, 2), "on") << name;
      if (name == "fill" || name == "stroke") EXPECT_THAT(value, ::testing::MatchesRegex("#[0-9a-f]{6}|none")) << value;
    }
  }
  // The payloads' markup came back as characters of text.
  EXPECT_TRUE(std::any_of(elements.begin(), elements.end(), [](const ParsedElement& e) {
    return e.name == "text" && e.text.find('<') != std::string::npos && e.text.find('>') != std::string::npos;
  }));
}

}  // namespace
}  // namespace leaktrace
