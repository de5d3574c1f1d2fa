#include "render/bridge_flow_chart.h"

#include <algorithm>
#include <set>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "report_samples.h"

namespace leaktrace {
namespace {

using ::testing::HasSubstr;
using testing::ParsedElement;

std::vector<std::string> texts(const std::vector<ParsedElement>& elements) {
  std::vector<std::string> out;
  for (const ParsedElement& e : elements) {
    if (e.name == "text") out.push_back(e.text);
  }
  return out;
}

std::size_t count_class(const std::vector<ParsedElement>& elements, std::string_view name) {
  return static_cast<std::size_t>(std::count_if(elements.begin(), elements.end(), [&](const ParsedElement& e) {
    const auto found = e.attributes.find("class");
    return found != e.attributes.end() && found->second == name;
  }));
}

//   community 0: @Anonymous (no known source)
//   community 1: @jackposobiec, from @Anonymous in community 0 (cites)
TEST(BridgeFlowChart, ALanePerCommunityAColumnPerJump) {
  const ReportDocument d = testing::sample_report();
  const auto elements = testing::parse_figure(bridge_flow_svg(d.bridges, d.communities));
  const std::vector<std::string> all = texts(elements);
  const auto position = [&](std::string_view prefix) {
    return std::find_if(all.begin(), all.end(), [&](const std::string& t) { return t.starts_with(prefix); }) - all.begin();
  };
  ASSERT_LT(position("0 · @anon · #leaks · en"), position("1 · @jackposobiec"));
  ASSERT_LT(position("1 · @jackposobiec"), static_cast<std::ptrdiff_t>(all.size()));
  EXPECT_EQ(count_class(elements, "lt-bridge"), 2u);
  EXPECT_EQ(count_class(elements, "lt-jump"), 1u);
  for (const char* text : {"@Anonymous", "@jackposobiec", "cites", "no known source", "2017-05-05", "15:00 UTC", "17:00 UTC"}) {
    EXPECT_NE(std::find(all.begin(), all.end(), text), all.end()) << text;
  }
}

TEST(BridgeFlowChart, TheArrowGoesFromTheSourceLaneToTheNewCommunity) {
  const ReportDocument d = testing::sample_report();
  const auto elements = testing::parse_figure(bridge_flow_svg(d.bridges, d.communities));
  const auto jump = std::find_if(elements.begin(), elements.end(), [](const ParsedElement& e) {
    return e.attributes.count("class") && e.attributes.at("class") == "lt-jump";
  });
  ASSERT_NE(jump, elements.end());
  EXPECT_LT(std::stod(jump->attributes.at("y1")), std::stod(jump->attributes.at("y2")));  // lane 0 above lane 1
  EXPECT_EQ(jump->attributes.at("stroke"), "#0067a5");  // the source community's colour
  EXPECT_EQ(jump->attributes.at("marker-end"), "url(#lt-arrow-0)");
}

TEST(BridgeFlowChart, NamesCommunitiesItDoesNotKnow) {
  ReportDocument d = testing::sample_report();
  d.bridges[1].community = 9;
  d.bridges[1].from_community = -1;
  const std::vector<std::string> all = texts(testing::parse_figure(bridge_flow_svg(d.bridges, d.communities)));
  EXPECT_NE(std::find(all.begin(), all.end(), "community 9"), all.end());
  EXPECT_NE(std::find(all.begin(), all.end(), "no community"), all.end());
}

TEST(BridgeFlowChart, MarkerIdsTakeThePrefix) {
  const ReportDocument d = testing::sample_report();
  SvgFigureOptions options;
  options.id_prefix = "bridges";
  EXPECT_THAT(bridge_flow_svg(d.bridges, d.communities, options), HasSubstr("<marker id=\"bridges-arrow-0\""));
}

TEST(BridgeFlowChart, SaysSoWhenThereAreNoBridges) {
  const std::vector<std::string> all = texts(testing::parse_figure(bridge_flow_svg({}, {})));
  EXPECT_EQ(all, (std::vector<std::string>{"No bridges between communities."}));
}

TEST(BridgeFlowChart, AttackerTextStaysText) {
  const ReportDocument hostile = testing::hostile_report();
  const auto elements = testing::parse_figure(bridge_flow_svg(hostile.bridges, hostile.communities));
  const std::set<std::string> allowed = {"svg", "title", "desc", "rect", "g", "line", "path", "text", "circle", "defs", "marker"};
  for (const ParsedElement& element : elements) {
    EXPECT_TRUE(allowed.count(element.name)) << "<" << element.name << ">";
    for (const auto& [name, value] : element.attributes) {
      EXPECT_NE(name.substr(0, 2), "on") << name;
      if (name == "fill" || name == "stroke") EXPECT_THAT(value, ::testing::MatchesRegex("#[0-9a-f]{6}")) << value;
    }
  }
}

}  // namespace
}  // namespace leaktrace
