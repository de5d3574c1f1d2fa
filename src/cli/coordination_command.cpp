#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "analysis/coordination.h"
#include "analysis/post_link.h"
#include "analysis/timeline.h"
#include "cli/analysis_output.h"
#include "cli/analysis_session.h"
#include "cli/command.h"
#include "render/text_table.h"

namespace leaktrace {
namespace {

class CoordinationCommand final : public Command {
 public:
  void configure(CLI::App& app) override {
    add_input_options(app, options_);
    app.add_option("--window", window_, "Two actions on the same post, URL or text this close are a co-action")
        ->capture_default_str();
    app.add_option("--min-coactions", parameters_.min_coactions, "Co-actions a pair needs")->capture_default_str();
    app.add_option("--min-share", parameters_.min_share,
                   "Share of each account's actions the pair must have done together")
        ->capture_default_str();
    app.add_option("--min-surprise", parameters_.min_surprise,
                   "How unlikely by chance a pair's co-actions must be (sum of -ln p over them)")
        ->capture_default_str();
    app.add_option("--min-accounts", parameters_.min_accounts, "Smallest cluster reported")->capture_default_str();
    app.add_option("--max-crowd", parameters_.max_crowd,
                   "A share with more earlier shares of the same thing within the window is paired with none of them")
        ->capture_default_str();
    app.add_flag("--texts", with_texts_, "Also compare post texts (loads every text: slower, more memory)");
    app.add_option("-n,--top", top_, "Clusters, and actions per cluster, to list")->capture_default_str();
    app.footer("Accounts that repost the same post, share the same URL or (with --texts) post the same text within "
               "--window of each other, at least --min-coactions times, for at least --min-share of what each of them does, and more often than chance: "
               "clusters, the actions that tie them, and each account's signals (age at its first post, posts per "
               "hour, default profile, followers). Signals, not verdicts.");
  }

  int run() override {
    parameters_.window = parse_duration(window_);
    parameters_.texts = with_texts_;
    options_.texts = with_texts_;
    AnalysisSession session(options_);
    const Dataset& d = session.dataset();
    const Subject& subject = session.subject();
    CoordinationDetection detection(d, session.subject_match(), parameters_);
    detection.run();
    const auto& clusters = detection.clusters();
    if (options_.json) {
      JsonWriter json;
      json.begin_object().key("subject").value(subject.text()).key("window_seconds").value(parameters_.window / 1000);
      json.key("pairs").value(static_cast<std::int64_t>(detection.pairs())).key("clusters").begin_array();
      for (const CoordinatedCluster& c : clusters) {
        json.begin_object().key("coactions").value(c.coactions).key("accounts").begin_array();
        for (const AccountSignals& s : c.accounts) {
          json.begin_object().key("account").value(d.account_native_id(s.account));
          json.key("handle").value(d.account_handle(s.account)).key("age_days").value(s.age_days);
          json.key("posts").value(s.posts).key("posts_per_hour").value(s.posts_per_hour);
          json.key("default_profile");
          if (s.default_profile) {
            json.value(*s.default_profile);
          } else {
            json.null();
          }
          json.key("followers").value(s.followers).key("following").value(s.following).end_object();
        }
        json.end_array().key("actions").begin_array();
        for (std::size_t i = 0; i < std::min(top_, c.actions.size()); ++i) {
          const CoordinatedAction& a = c.actions[i];
          json.begin_object().key("kind").value(coordinated_action_kind_name(a.kind)).key("what").value(a.what);
          if (a.example != no_index) json.key("url").value(post_url(d, a.example));
          json.key("first").value(format_iso8601_time(a.first)).key("last").value(format_iso8601_time(a.last));
          json.key("accounts").value(a.accounts).end_object();
        }
        json.end_array().end_object();
      }
      json.end_array().end_object();
      fmt::print("{}\n", json.str());
      return clusters.empty() ? exit_partial : exit_success;
    }
    fmt::print("{} coordinated pairs in {} clusters of {} accounts or more (window {})\n", detection.pairs(), clusters.size(),
               parameters_.min_accounts, window_);
    for (std::size_t c = 0; c < std::min(top_, clusters.size()); ++c) {
      const CoordinatedCluster& cluster = clusters[c];
      double young = 0, defaults = 0;
      for (const AccountSignals& s : cluster.accounts) {
        young += s.age_days >= 0 && s.age_days < 90;
        defaults += s.default_profile.value_or(false);
      }
      double n = static_cast<double>(cluster.accounts.size());
      fmt::print("\ncluster {}: {} accounts, {} co-actions; {:.0f}% made less than 90 days before, {:.0f}% default profile\n",
                 c + 1, cluster.accounts.size(), cluster.coactions, 100 * young / n, 100 * defaults / n);
      TextTable actions({"kind", "accounts", "first", "last", "what"});
      for (std::size_t i = 0; i < std::min(top_, cluster.actions.size()); ++i) {
        const CoordinatedAction& a = cluster.actions[i];
        actions.add_row({std::string(coordinated_action_kind_name(a.kind)), std::to_string(a.accounts), time_text(a.first),
                         time_text(a.last), one_line(a.kind == CoordinatedAction::Kind::repost ? post_url(d, a.example) : a.what, 70)});
      }
      fmt::print("{}", actions.render());
      TextTable accounts({"account", "age (days)", "posts/hour", "default profile", "followers"});
      for (std::size_t i = 0; i < std::min<std::size_t>(top_, cluster.accounts.size()); ++i) {
        const AccountSignals& s = cluster.accounts[i];
        accounts.add_row({one_line(account_text(d, s.account), 28), s.age_days < 0 ? "-" : fmt::format("{:.0f}", s.age_days),
                          fmt::format("{:.1f}", s.posts_per_hour),
                          s.default_profile ? (*s.default_profile ? "yes" : "no") : "-",
                          s.followers < 0 ? "-" : std::to_string(s.followers)});
      }
      fmt::print("{}", accounts.render());
      if (cluster.accounts.size() > top_) fmt::print("... and {} more accounts (--json lists them all)\n", cluster.accounts.size() - top_);
    }
    return clusters.empty() ? exit_partial : exit_success;
  }

 private:
  AnalysisOptions options_;
  CoordinationParameters parameters_;
  std::string window_ = "60s";
  bool with_texts_ = false;
  std::size_t top_ = 5;
};

}  // namespace

std::unique_ptr<Command> make_coordination_command() { return std::make_unique<CoordinationCommand>(); }

}  // namespace leaktrace
