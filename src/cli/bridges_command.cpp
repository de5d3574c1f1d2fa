#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "analysis/bridges.h"
#include "analysis/post_link.h"
#include "cli/analysis_output.h"
#include "cli/analysis_session.h"
#include "cli/command.h"
#include "render/text_table.h"

namespace leaktrace {
namespace {

class BridgesCommand final : public Command {
 public:
  void configure(CLI::App& app) override {
    add_input_options(app, options_);
    add_community_options(app, options_);
    app.add_option("--min-accounts", min_accounts_, "Leave out communities smaller than this")->capture_default_str();
    app.footer("For each community, the first of its accounts to share the subject, and the share it got it from "
               "(whom it reposted under --parent, quoted or answered, else what it cited): in time order, the jumps "
               "of the subject between communities.");
  }

  int run() override {
    AnalysisSession session(options_);
    const Dataset& d = session.dataset();
    const CommunityDetection& communities = session.communities();
    BridgeDetection bridges(d, session.subject_match(), communities, session.parents(), session.follow_graph(),
                            &session.whole_graph());
    bridges.run();
    std::vector<Bridge> shown;
    for (const Bridge& b : bridges.bridges()) {
      if (communities.communities()[static_cast<std::size_t>(b.community)].accounts >= min_accounts_) shown.push_back(b);
    }
    if (options_.json) {
      JsonWriter json;
      json.begin_object().key("subject").value(session.subject().text()).key("parent").value(options_.parent);
      json.key("bridges").begin_array();
      for (const Bridge& b : shown) {
        json.begin_object().key("community").value(b.community);
        json.key("label").value(communities.communities()[static_cast<std::size_t>(b.community)].label);
        write_post_fields(json, d, b.post);
        json.key("tie").value(origin_tie_name(b.tie));
        json.key("from");
        if (b.from_post == no_index) {
          json.null();
        } else {
          json.begin_object().key("community").value(b.from_community);
          write_post_fields(json, d, b.from_post);
          json.end_object();
        }
        json.end_object();
      }
      json.end_array().end_object();
      fmt::print("{}\n", json.str());
      return shown.empty() ? exit_partial : exit_success;
    }
    TextTable table({"time", "community", "first account", "tie", "from account", "from community", "post"});
    for (const Bridge& b : shown) {
      bool known = b.from_post != no_index;
      table.add_row({time_text(d.post_time(b.post)), std::to_string(b.community),
                     one_line(account_text(d, d.post_author(b.post)), 28), std::string(origin_tie_name(b.tie)),
                     known ? one_line(account_text(d, d.post_author(b.from_post)), 28) : "-",
                     known ? std::to_string(b.from_community) : "-", post_url(d, b.post)});
    }
    fmt::print("first share in each community of at least {} accounts ({} jumps between communities in all)\n{}",
               min_accounts_, bridges.jumps(), table.render());
    return shown.empty() ? exit_partial : exit_success;
  }

 private:
  AnalysisOptions options_;
  std::int64_t min_accounts_ = 2;
};

}  // namespace

std::unique_ptr<Command> make_bridges_command() { return std::make_unique<BridgesCommand>(); }

}  // namespace leaktrace
