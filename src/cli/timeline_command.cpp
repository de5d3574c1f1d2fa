#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "analysis/post_link.h"
#include "analysis/timeline.h"
#include "cli/analysis_output.h"
#include "cli/analysis_session.h"
#include "cli/command.h"
#include "render/text_table.h"

namespace leaktrace {
namespace {

constexpr std::size_t hub_count = 10;

class TimelineCommand final : public Command {
 public:
  void configure(CLI::App& app) override {
    add_input_options(app, options_);
    add_community_options(app, options_);
    app.add_option("--bin", bin_, "Bin width: 30s, 10m, 1h, 1d")->capture_default_str();
    app.add_option("--by", by_, "Count by platform or by community")
        ->check(CLI::IsMember({"platform", "community"}))
        ->capture_default_str();
    app.add_option("--communities", max_communities_,
                   "With --by community: a column for each of this many largest communities, the rest summed as other "
                   "(0: every community)")
        ->capture_default_str();
    app.add_option("--event", events_, "A marker TIME=LABEL (e.g. 2017-05-05T22:00:00Z=media-silence); repeatable");
    app.footer("Milestones: first post on each platform, first in each community, first share by one of the ten most "
               "amplified accounts (the first hub), the peak bin, and the --event markers.");
  }

  int run() override {
    TimelineParameters parameters;
    parameters.bin = parse_duration(bin_);
    parameters.by = by_ == "community" ? TimelineParameters::By::community : TimelineParameters::By::platform;
    parameters.max_communities = max_communities_;
    for (const std::string& event : events_) parameters.events.push_back(parse_timeline_event(event));
    AnalysisSession session(options_);
    const Dataset& d = session.dataset();
    const CommunityDetection& communities = session.communities();
    parameters.hubs = session.investigation().hubs(hub_count);
    Timeline timeline(d, session.subject_match(), &communities, parameters);
    timeline.run();
    if (options_.json) {
      JsonWriter json;
      json.begin_object().key("subject").value(session.subject().text()).key("by").value(by_);
      json.key("bin_seconds").value(static_cast<std::int64_t>(parameters.bin / 1000));
      json.key("start");
      if (timeline.bin_count() == 0) {
        json.null();
      } else {
        json.value(format_iso8601_time(timeline.start()));
      }
      json.key("totals").begin_array();
      for (std::int64_t count : timeline.totals()) json.value(count);
      json.end_array().key("series").begin_array();
      for (const TimelineSeries& s : timeline.series()) {
        json.begin_object().key("name").value(s.name);
        if (s.community >= 0) {
          json.key("community").value(s.community);
          json.key("label").value(communities.communities()[static_cast<std::size_t>(s.community)].label);
        }
        json.key("total").value(s.total).key("counts").begin_array();
        for (std::int64_t count : s.counts) json.value(count);
        json.end_array().end_object();
      }
      json.end_array().key("milestones").begin_array();
      for (const Milestone& m : timeline.milestones()) {
        json.begin_object().key("time").value(format_iso8601_time(m.time)).key("kind").value(m.kind);
        json.key("label").value(m.label);
        if (m.post != no_index) json.key("url").value(post_url(d, m.post));
        json.end_object();
      }
      json.end_array().end_object();
      fmt::print("{}\n", json.str());
      return timeline.bin_count() == 0 ? exit_partial : exit_success;
    }
    if (timeline.bin_count() == 0) {
      fmt::print("nothing shares the subject\n");
      return exit_partial;
    }
    std::vector<std::string> header{"bin start", "total"};
    for (const TimelineSeries& s : timeline.series()) header.push_back(s.community >= 0 ? "c" + s.name : s.name);
    TextTable table(header);
    for (std::size_t bin = 0; bin < timeline.bin_count(); ++bin) {
      if (timeline.totals()[bin] == 0) continue;
      std::vector<std::string> row{time_text(timeline.start() + static_cast<TimeMs>(bin) * parameters.bin),
                                   std::to_string(timeline.totals()[bin])};
      for (const TimelineSeries& s : timeline.series()) row.push_back(std::to_string(s.counts[bin]));
      table.add_row(std::move(row));
    }
    fmt::print("{} per {} (empty bins left out)\n{}", session.subject().whole_dataset() ? "posts" : session.subject().text(),
               bin_, table.render());
    TextTable milestones({"time", "milestone", "what", "post"});
    for (const Milestone& m : timeline.milestones()) {
      milestones.add_row({time_text(m.time), m.kind, one_line(m.label, 40), m.post == no_index ? "" : post_url(d, m.post)});
    }
    fmt::print("\nmilestones\n{}", milestones.render());
    return exit_success;
  }

 private:
  AnalysisOptions options_;
  std::string bin_ = "10m";
  std::string by_ = "platform";
  std::vector<std::string> events_;
  std::size_t max_communities_ = 12;
};

}  // namespace

std::unique_ptr<Command> make_timeline_command() { return std::make_unique<TimelineCommand>(); }

}  // namespace leaktrace
