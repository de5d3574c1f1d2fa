#include "render/bridge_flow_chart.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "render/palette.h"
#include "render/report_format.h"
#include "render/static_map.h"

namespace leaktrace {
namespace {

constexpr double lane_label_width = 250;
constexpr double min_column_width = 112;
constexpr double lane_height = 58;
constexpr double top_margin = 20;
constexpr double axis_height = 52;
constexpr double right_margin = 16;
constexpr double dot_radius = 7;
constexpr double source_radius = 5;
constexpr double lane_label_left = 28;
constexpr std::size_t handle_code_points = 16;
constexpr double lane_label_font_size = 12;
// As many code points as fit between the swatch and the lane's line.
const std::size_t lane_label_code_points = static_cast<std::size_t>(
    (lane_label_width - 8 - 6 - lane_label_left) / estimated_text_width("x", lane_label_font_size));

struct Lane {
  std::int64_t community = -1;
  std::string label;
  std::string colour;
};

const ReportCommunity* find_community(const std::vector<ReportCommunity>& communities, std::int64_t id) {
  for (const ReportCommunity& community : communities) {
    if (community.id == id) return &community;
  }
  return nullptr;
}

Lane make_lane(const std::vector<ReportCommunity>& communities, std::int64_t id) {
  if (id < 0) return {id, "no community", std::string(no_community_colour)};
  const ReportCommunity* community = find_community(communities, id);
  if (!community) return {id, fmt::format("community {}", id), std::string(no_community_colour)};
  std::string label = fmt::format("{}", id);
  if (!community->label.empty()) label += " · " + community->label;
  return {id, std::move(label), report_colour(community->colour)};
}

std::string handle_label(const ReportPost& post) {
  const std::string handle = sanitize_figure_text(post.handle.empty() ? post.account : post.handle);
  return truncate_text("@" + handle, handle_code_points);
}

}  // namespace

std::string bridge_flow_svg(const std::vector<ReportBridge>& bridges, const std::vector<ReportCommunity>& communities,
                            const SvgFigureOptions& options) {
  check_svg_figure_options(options);
  const std::string title = "Bridges: how the subject moved between communities, in time order";
  std::string out;
  if (bridges.empty()) {
    open_svg_figure(out, options.width, 60, title, "No bridges between communities.", options);
    append_svg_text_element(out, options.width / 2, 34, "text-anchor=\"middle\" fill=\"#57606a\"", "No bridges between communities.");
    close_svg_figure(out);
    return out;
  }

  // Lanes in the order the story reaches them, a source before the community it leads to.
  std::vector<Lane> lanes;
  const auto lane_of = [&](std::int64_t community) -> std::size_t {
    for (std::size_t i = 0; i < lanes.size(); ++i) {
      if (lanes[i].community == community) return i;
    }
    lanes.push_back(make_lane(communities, community));
    return lanes.size() - 1;
  };
  for (const ReportBridge& bridge : bridges) {
    if (bridge.from) lane_of(bridge.from_community);
    lane_of(bridge.community);
  }

  const double column_width =
      std::max(min_column_width, (options.width - lane_label_width - right_margin) / static_cast<double>(bridges.size()));
  const double width = lane_label_width + column_width * static_cast<double>(bridges.size()) + right_margin;
  const double height = top_margin + lane_height * static_cast<double>(lanes.size()) + axis_height;
  const auto lane_y = [&](std::size_t lane) { return top_margin + lane_height * (static_cast<double>(lane) + 0.5); };
  const auto column_x = [&](std::size_t column) { return lane_label_width + column_width * (static_cast<double>(column) + 0.5); };

  const std::string description = fmt::format(
      "{} jumps between {} communities, from {} to {}.", bridges.size(), lanes.size(),
      report_time(bridges.front().post.time), report_time(bridges.back().post.time));
  open_svg_figure(out, width, height, title, description, options);

  // One arrowhead per colour: markers take no colour from the line that uses them in SVG 1.1.
  std::vector<std::string> marker_colours;
  const auto marker_for = [&](const std::string& colour) {
    const auto found = std::find(marker_colours.begin(), marker_colours.end(), colour);
    if (found != marker_colours.end()) return static_cast<std::size_t>(found - marker_colours.begin());
    marker_colours.push_back(colour);
    return marker_colours.size() - 1;
  };
  for (const ReportBridge& bridge : bridges) {
    if (bridge.from) marker_for(lanes[lane_of(bridge.from_community)].colour);
  }
  out += "<defs>\n";
  for (std::size_t i = 0; i < marker_colours.size(); ++i) {
    fmt::format_to(std::back_inserter(out),
                   "<marker id=\"{}-arrow-{}\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" "
                   "markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 Z\" fill=\"{}\"/></marker>\n",
                   options.id_prefix, i, marker_colours[i]);
  }
  out += "</defs>\n";

  out += "<g class=\"lt-lanes\">\n";
  for (std::size_t i = 0; i < lanes.size(); ++i) {
    const double y = lane_y(i);
    if (i % 2 == 0) {
      fmt::format_to(std::back_inserter(out), "<rect x=\"0\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#f6f8fa\"/>\n",
                     svg_number(y - lane_height / 2), svg_number(width), svg_number(lane_height));
    }
    fmt::format_to(std::back_inserter(out),
                   "<rect x=\"10\" y=\"{}\" width=\"12\" height=\"12\" fill=\"{}\"/>\n"
                   "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-opacity=\"0.35\" stroke-width=\"2\"/>\n",
                   svg_number(y - 6), lanes[i].colour, svg_number(lane_label_width - 8), svg_number(y),
                   svg_number(width - right_margin), svg_number(y), lanes[i].colour);
    append_svg_text_element(out, lane_label_left, y + 4, "", truncate_text(sanitize_figure_text(lanes[i].label), lane_label_code_points));
  }
  out += "</g>\n";

  out += "<g class=\"lt-jumps\" font-size=\"11\">\n";
  for (std::size_t column = 0; column < bridges.size(); ++column) {
    const ReportBridge& bridge = bridges[column];
    const double x = column_x(column);
    const std::size_t target_lane = lane_of(bridge.community);
    const double target_y = lane_y(target_lane);
    const std::string& target_colour = lanes[target_lane].colour;
    if (bridge.from) {
      const std::size_t source_lane = lane_of(bridge.from_community);
      const std::string& source_colour = lanes[source_lane].colour;
      const double source_y = lane_y(source_lane);
      // Within one lane the source sits to the left and the arrow runs across.
      const bool same_lane = source_lane == target_lane;
      const double sx = same_lane ? x - column_width * 0.34 : x;
      const double direction = source_y < target_y ? 1 : -1;
      const double x1 = same_lane ? sx + source_radius : sx;
      const double y1 = same_lane ? source_y : source_y + direction * source_radius;
      const double x2 = same_lane ? x - dot_radius - 1 : x;
      const double y2 = same_lane ? target_y : target_y - direction * (dot_radius + 1);
      fmt::format_to(std::back_inserter(out),
                     "<line class=\"lt-jump\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"2.2\" "
                     "marker-end=\"url(#{}-arrow-{})\"/>\n"
                     "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"#ffffff\" stroke=\"{}\" stroke-width=\"2\"/>\n",
                     svg_number(x1), svg_number(y1), svg_number(x2), svg_number(y2), source_colour, options.id_prefix,
                     marker_for(source_colour), svg_number(sx), svg_number(source_y), svg_number(source_radius), source_colour);
      const double source_label_y = same_lane ? source_y - 10 : source_y - direction * 11 + (direction < 0 ? 8 : 0);
      append_svg_text_element(out, sx, source_label_y, "text-anchor=\"middle\" fill=\"#57606a\"", handle_label(*bridge.from));
      if (!bridge.tie.empty()) {
        const double mid_y = same_lane ? source_y + 16 : (y1 + y2) / 2 + 4;
        append_svg_text_element(out, x + (same_lane ? -column_width * 0.17 : 5), mid_y,
                                same_lane ? "text-anchor=\"middle\" font-style=\"italic\" fill=\"#57606a\""
                                          : "font-style=\"italic\" fill=\"#57606a\"",
                                truncate_text(sanitize_figure_text(bridge.tie), 12));
      }
    }
    fmt::format_to(std::back_inserter(out), "<circle class=\"lt-bridge\" cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{}\" stroke=\"#1f2328\" stroke-width=\"1\"/>\n",
                   svg_number(x), svg_number(target_y), svg_number(dot_radius), target_colour);
    const bool label_below = !bridge.from || lane_y(lane_of(bridge.from_community)) <= target_y;
    append_svg_text_element(out, x, label_below ? target_y + dot_radius + 13 : target_y - dot_radius - 5,
                            "text-anchor=\"middle\" font-weight=\"bold\"", handle_label(bridge.post));
    if (!bridge.from) {
      append_svg_text_element(out, x, target_y - dot_radius - 5, "text-anchor=\"middle\" font-style=\"italic\" fill=\"#57606a\"",
                              "no known source");
    }
  }
  out += "</g>\n";

  // Under each column, when the jump happened.
  const double axis_y = top_margin + lane_height * static_cast<double>(lanes.size());
  out += "<g class=\"lt-time-axis\" font-size=\"11\" fill=\"#57606a\">\n";
  for (std::size_t column = 0; column < bridges.size(); ++column) {
    const TimeMs time = bridges[column].post.time;
    const std::string when = report_time_short(time);
    const std::size_t space = when.find(' ');
    const double x = column_x(column);
    append_svg_text_element(out, x, axis_y + 16, "text-anchor=\"middle\" font-weight=\"bold\"", fmt::format("{}", column + 1));
    append_svg_text_element(out, x, axis_y + 30, "text-anchor=\"middle\"", space == std::string::npos ? when : when.substr(0, space));
    if (space != std::string::npos) {
      append_svg_text_element(out, x, axis_y + 43, "text-anchor=\"middle\"", when.substr(space + 1) + " UTC");
    }
  }
  out += "</g>\n";
  close_svg_figure(out);
  return out;
}

}  // namespace leaktrace
