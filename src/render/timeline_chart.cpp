#include "render/timeline_chart.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

#include <fmt/format.h>

#include "render/report_format.h"
#include "render/static_map.h"

namespace leaktrace {
namespace {

constexpr TimeMs minute_ms = 60'000;
constexpr TimeMs hour_ms = 60 * minute_ms;
constexpr TimeMs day_ms = 24 * hour_ms;
constexpr double margin_left = 68;
constexpr double margin_right = 24;
constexpr double marker_row_height = 18;
constexpr double plot_height = 300;
constexpr double min_tick_spacing = 84;  // between time labels
constexpr double legend_row_height = 20;
constexpr double key_row_height = 17;
constexpr double font_size = 12;
constexpr double key_font_size = 11.5;
constexpr std::size_t max_label_code_points = 40;
constexpr std::size_t max_points = 1200;
constexpr std::array<TimeMs, 16> time_steps = {minute_ms,     5 * minute_ms, 10 * minute_ms, 15 * minute_ms,
                                               30 * minute_ms, hour_ms,       2 * hour_ms,    3 * hour_ms,
                                               6 * hour_ms,    12 * hour_ms,  day_ms,         2 * day_ms,
                                               7 * day_ms,     14 * day_ms,   28 * day_ms,    56 * day_ms};
constexpr const char* month_names[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// 1, 2 or 5 times a power of ten, so that `top` needs at most about five steps.
double count_step(double top) {
  if (top <= 5) return 1;
  const double raw = top / 5;
  const double power = std::pow(10, std::floor(std::log10(raw)));
  for (double factor : {1.0, 2.0, 5.0, 10.0}) {
    if (raw <= factor * power) return factor * power;
  }
  return 10 * power;
}

std::string time_tick_label(TimeMs time) {
  const CivilTime c = civil_time(time);
  if (time % day_ms == 0) return fmt::format("{} {}", month_names[c.month - 1], c.day);
  return fmt::format("{:02}:{:02}", c.hour, c.minute);
}

struct Geometry {
  double width = 0;
  double plot_left = margin_left;
  double plot_right = 0;
  double plot_top = 0;
  double plot_bottom = 0;
  TimeMs start = 0;
  TimeMs end = 0;
  double count_top = 1;

  double x(TimeMs time) const {
    const double share = static_cast<double>(time - start) / static_cast<double>(end - start);
    return plot_left + std::clamp(share, 0.0, 1.0) * (plot_right - plot_left);
  }
  double y(double count) const { return plot_bottom - count / count_top * (plot_bottom - plot_top); }
};

struct Marker {
  std::size_t number = 0;  // 1-based, as in the document
  double x = 0;
  int row = 0;
};

// Markers whose circles would touch go one row up; a handful of rows is enough for real stories.
std::vector<Marker> place_markers(const ReportTimeline& timeline, const Geometry& g, int& rows) {
  constexpr double circle_spacing = 19;
  constexpr int max_rows = 4;
  std::vector<Marker> markers;
  for (std::size_t i = 0; i < timeline.milestones.size(); ++i) {
    const TimeMs time = timeline.milestones[i].time;
    if (time == unknown_time || time < g.start || time > g.end) continue;
    markers.push_back({i + 1, g.x(time), 0});
  }
  std::sort(markers.begin(), markers.end(), [](const Marker& a, const Marker& b) { return a.x < b.x; });
  std::array<double, max_rows> last_x;
  last_x.fill(-1e9);
  rows = markers.empty() ? 0 : 1;
  for (Marker& marker : markers) {
    int row = 0;
    while (row + 1 < max_rows && marker.x - last_x[static_cast<std::size_t>(row)] < circle_spacing) ++row;
    marker.row = row;
    last_x[static_cast<std::size_t>(row)] = marker.x;
    rows = std::max(rows, row + 1);
  }
  return markers;
}

struct LegendItem {
  std::string label;
  std::string colour;
  bool line = false;
};

void append_polygon(std::string& out, const std::vector<double>& xs, const std::vector<double>& top,
                    const std::vector<double>& bottom, const std::string& colour) {
  out += "<path d=\"M";
  for (std::size_t i = 0; i < xs.size(); ++i) {
    fmt::format_to(std::back_inserter(out), "{}{},{}", i ? " L" : "", svg_number(xs[i]), svg_number(top[i]));
  }
  for (std::size_t i = xs.size(); i-- > 0;) {
    fmt::format_to(std::back_inserter(out), " L{},{}", svg_number(xs[i]), svg_number(bottom[i]));
  }
  fmt::format_to(std::back_inserter(out), " Z\" fill=\"{}\" fill-opacity=\"0.88\" stroke=\"#ffffff\" stroke-width=\"0.5\"/>\n", colour);
}

// A chart has no more distinct x positions than pixels: past max_points bins, consecutive bins are
// added up into wider ones, and the axis says so.
ReportTimeline coarsened(const ReportTimeline& timeline, std::size_t bins) {
  const std::size_t group = (bins + max_points - 1) / max_points;
  ReportTimeline out;
  out.start = timeline.start;
  out.bin = timeline.bin * static_cast<TimeMs>(group);
  out.milestones = timeline.milestones;
  const auto add_up = [&](const std::vector<std::int64_t>& counts) {
    std::vector<std::int64_t> wider((counts.size() + group - 1) / group, 0);
    for (std::size_t i = 0; i < counts.size(); ++i) wider[i / group] += std::max<std::int64_t>(counts[i], 0);
    return wider;
  };
  out.totals = add_up(timeline.totals);
  for (const ReportSeries& series : timeline.series) out.series.push_back({series.name, series.community, series.colour, add_up(series.counts)});
  return out;
}

}  // namespace

std::string timeline_chart_svg(const ReportTimeline& given, const SvgFigureOptions& options) {
  check_svg_figure_options(options);
  std::size_t given_bins = given.totals.size();
  for (const ReportSeries& series : given.series) given_bins = std::max(given_bins, series.counts.size());
  const ReportTimeline wider = given_bins > max_points && given.bin > 0 ? coarsened(given, given_bins) : ReportTimeline{};
  const ReportTimeline& timeline = wider.bin > 0 ? wider : given;
  std::size_t bins = timeline.totals.size();
  for (const ReportSeries& series : timeline.series) bins = std::max(bins, series.counts.size());
  const std::string per_bin = "posts per " + report_bin_width(timeline.bin);
  const std::string title = "Timeline: " + per_bin + " by community";

  std::string out;
  if (bins == 0 || timeline.bin <= 0 || timeline.start == unknown_time) {
    open_svg_figure(out, options.width, 60, title, "The timeline has no posts.", options);
    append_svg_text_element(out, options.width / 2, 34, "text-anchor=\"middle\" fill=\"#57606a\"", "No posts in the timeline.");
    close_svg_figure(out);
    return out;
  }

  // Stacked values, bin by bin: stack[k][i] is the top of series k in bin i.
  const auto at = [](const std::vector<std::int64_t>& counts, std::size_t i) {
    return i < counts.size() ? static_cast<double>(std::max<std::int64_t>(counts[i], 0)) : 0.0;
  };
  std::vector<std::vector<double>> stack(timeline.series.size(), std::vector<double>(bins, 0));
  double highest = 0;
  bool totals_differ = false;
  for (std::size_t i = 0; i < bins; ++i) {
    double sum = 0;
    for (std::size_t k = 0; k < timeline.series.size(); ++k) {
      sum += at(timeline.series[k].counts, i);
      stack[k][i] = sum;
    }
    const double total = at(timeline.totals, i);
    if (!timeline.totals.empty() && total != sum) totals_differ = true;
    highest = std::max({highest, sum, total});
  }
  if (timeline.series.empty()) totals_differ = true;

  Geometry g;
  g.width = options.width;
  g.plot_right = options.width - margin_right;
  g.start = timeline.start;
  g.end = timeline.start + static_cast<TimeMs>(bins) * timeline.bin;
  const double step = count_step(std::max(highest, 1.0));
  g.count_top = std::ceil(std::max(highest, 1.0) / step) * step;
  int marker_rows = 0;
  std::vector<Marker> markers = place_markers(timeline, g, marker_rows);
  g.plot_top = 12 + marker_rows * marker_row_height;
  g.plot_bottom = g.plot_top + plot_height;

  // Legend items flow left to right and wrap.
  std::vector<LegendItem> legend;
  for (const ReportSeries& series : timeline.series) {
    legend.push_back({truncate_text(series.name.empty() ? "(unnamed)" : series.name, max_label_code_points),
                      report_colour(series.colour), false});
  }
  if (totals_differ) legend.push_back({"all posts", "#1f2328", true});
  struct Placed {
    double x, y;
  };
  std::vector<Placed> legend_places;
  double lx = g.plot_left;
  double ly = g.plot_bottom + 62;
  for (const LegendItem& item : legend) {
    const double item_width = 18 + estimated_text_width(sanitize_figure_text(item.label), font_size) + 22;
    if (lx + item_width > g.plot_right && lx > g.plot_left) {
      lx = g.plot_left;
      ly += legend_row_height;
    }
    legend_places.push_back({lx, ly});
    lx += item_width;
  }
  const double key_top = (legend.empty() ? g.plot_bottom + 44 : ly + 10) + 8;
  const double height = key_top + static_cast<double>(timeline.milestones.size()) * key_row_height + 8;

  double total_posts = 0;
  for (std::size_t i = 0; i < bins; ++i) total_posts += timeline.totals.empty() ? stack.back()[i] : at(timeline.totals, i);
  const std::string description = fmt::format(
      "Stacked areas of {} by community, {} to {}; {} posts in all; {} milestones marked.", per_bin,
      report_time(g.start), report_time(g.end), report_count(static_cast<std::int64_t>(total_posts)), timeline.milestones.size());
  open_svg_figure(out, options.width, height, title, description, options);

  // Count axis: grid lines and labels.
  out += "<g class=\"lt-count-axis\" font-size=\"11\" fill=\"#57606a\">\n";
  for (double value = 0; value <= g.count_top + step / 2; value += step) {
    const double y = g.y(value);
    fmt::format_to(std::back_inserter(out), "<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"#e4e6e9\"/>\n",
                   svg_number(g.plot_left), svg_number(y), svg_number(g.plot_right));
    append_svg_text_element(out, g.plot_left - 6, y + 4, "text-anchor=\"end\"", report_count(static_cast<std::int64_t>(value)));
  }
  const double axis_mid = (g.plot_top + g.plot_bottom) / 2;
  fmt::format_to(std::back_inserter(out), "<text transform=\"translate(16 {}) rotate(-90)\" text-anchor=\"middle\">",
                 svg_number(axis_mid));
  append_svg_text(out, per_bin);
  out += "</text>\n</g>\n";

  // The areas, from the bottom series up; points at bin centres, held flat to the plot's edges.
  std::vector<double> xs;
  xs.reserve(bins + 2);
  xs.push_back(g.plot_left);
  for (std::size_t i = 0; i < bins; ++i) xs.push_back(g.x(g.start + static_cast<TimeMs>(i) * timeline.bin + timeline.bin / 2));
  xs.push_back(g.plot_right);
  const auto edged = [&](const std::vector<double>& values) {
    std::vector<double> ys;
    ys.reserve(bins + 2);
    ys.push_back(g.y(values.front()));
    for (double v : values) ys.push_back(g.y(v));
    ys.push_back(g.y(values.back()));
    return ys;
  };
  out += "<g class=\"lt-areas\">\n";
  std::vector<double> floor_values(bins, 0);
  for (std::size_t k = 0; k < timeline.series.size(); ++k) {
    append_polygon(out, xs, edged(stack[k]), edged(floor_values), report_colour(timeline.series[k].colour));
    floor_values = stack[k];
  }
  out += "</g>\n";
  if (totals_differ && !timeline.totals.empty()) {
    std::vector<double> totals(bins, 0);
    for (std::size_t i = 0; i < bins; ++i) totals[i] = at(timeline.totals, i);
    const std::vector<double> ys = edged(totals);
    out += "<path class=\"lt-totals\" fill=\"none\" stroke=\"#1f2328\" stroke-width=\"1.3\" d=\"M";
    for (std::size_t i = 0; i < xs.size(); ++i) {
      fmt::format_to(std::back_inserter(out), "{}{},{}", i ? " L" : "", svg_number(xs[i]), svg_number(ys[i]));
    }
    out += "\"/>\n";
  }

  // Time axis: ticks on round UTC times.
  const TimeMs span = g.end - g.start;
  const double plot_width = g.plot_right - g.plot_left;
  TimeMs tick_step = time_steps.back();
  for (TimeMs candidate : time_steps) {
    if (static_cast<double>(span) / static_cast<double>(candidate) * min_tick_spacing <= plot_width) {
      tick_step = candidate;
      break;
    }
  }
  fmt::format_to(std::back_inserter(out),
                 "<g class=\"lt-time-axis\" font-size=\"11\" fill=\"#57606a\">\n"
                 "<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"#57606a\"/>\n",
                 svg_number(g.plot_left), svg_number(g.plot_bottom), svg_number(g.plot_right));
  const TimeMs first_tick = (g.start / tick_step + (g.start % tick_step > 0 ? 1 : 0)) * tick_step;
  for (TimeMs tick = first_tick; tick <= g.end; tick += tick_step) {
    const double x = g.x(tick);
    fmt::format_to(std::back_inserter(out), "<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#57606a\"/>\n",
                   svg_number(x), svg_number(g.plot_bottom), svg_number(g.plot_bottom + 5));
    const bool midnight = tick % day_ms == 0;
    append_svg_text_element(out, x, g.plot_bottom + 18,
                            midnight ? "text-anchor=\"middle\" font-weight=\"bold\" fill=\"#1f2328\"" : "text-anchor=\"middle\"",
                            time_tick_label(tick));
  }
  append_svg_text_element(out, (g.plot_left + g.plot_right) / 2, g.plot_bottom + 38, "text-anchor=\"middle\"",
                          fmt::format("time (UTC), {} to {}", report_time_short(g.start), report_time_short(g.end)));
  out += "</g>\n";

  // Milestones: a dashed line through the plot under a numbered circle.
  out += "<g class=\"lt-milestones\" font-size=\"10\">\n";
  for (const Marker& marker : markers) {
    const double cy = g.plot_top - 10 - marker.row * marker_row_height;
    fmt::format_to(std::back_inserter(out),
                   "<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#3d4650\" stroke-width=\"1\" "
                   "stroke-dasharray=\"4 3\" stroke-opacity=\"0.8\"/>\n"
                   "<circle cx=\"{0}\" cy=\"{3}\" r=\"8\" fill=\"#ffffff\" stroke=\"#3d4650\"/>\n",
                   svg_number(marker.x), svg_number(cy + 8), svg_number(g.plot_bottom), svg_number(cy));
    append_svg_text_element(out, marker.x, cy + 3.5, "text-anchor=\"middle\" font-weight=\"bold\"", fmt::format("{}", marker.number));
  }
  out += "</g>\n";

  out += "<g class=\"lt-legend\">\n";
  for (std::size_t i = 0; i < legend.size(); ++i) {
    const LegendItem& item = legend[i];
    const Placed& at_place = legend_places[i];
    if (item.line) {
      fmt::format_to(std::back_inserter(out), "<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"{3}\" stroke-width=\"2\"/>\n",
                     svg_number(at_place.x), svg_number(at_place.y - 4), svg_number(at_place.x + 12), item.colour);
    } else {
      fmt::format_to(std::back_inserter(out), "<rect x=\"{}\" y=\"{}\" width=\"12\" height=\"12\" fill=\"{}\"/>\n",
                     svg_number(at_place.x), svg_number(at_place.y - 10), item.colour);
    }
    append_svg_text_element(out, at_place.x + 18, at_place.y, "", item.label);
  }
  out += "</g>\n";

  // The key of the milestones, one line each, cut to the figure's width.
  out += "<g class=\"lt-milestone-key\" font-size=\"11.5\">\n";
  const auto key_chars = static_cast<std::size_t>(std::max(20.0, (g.plot_right - g.plot_left - 24) / (key_font_size * 0.6)));
  for (std::size_t i = 0; i < timeline.milestones.size(); ++i) {
    const ReportMilestone& milestone = timeline.milestones[i];
    const double y = key_top + static_cast<double>(i) * key_row_height + 12;
    append_svg_text_element(out, g.plot_left + 16, y, "text-anchor=\"end\" font-weight=\"bold\"", fmt::format("{}", i + 1));
    std::string line = report_time(milestone.time);
    if (!milestone.label.empty()) line += " · " + sanitize_figure_text(milestone.label);
    append_svg_text_element(out, g.plot_left + 24, y, "", truncate_text(line, key_chars));
  }
  out += "</g>\n";
  close_svg_figure(out);
  return out;
}

}  // namespace leaktrace
