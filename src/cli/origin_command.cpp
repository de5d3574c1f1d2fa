#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "analysis/post_link.h"
#include "cli/analysis_output.h"
#include "cli/analysis_session.h"
#include "cli/command.h"
#include "render/text_table.h"

namespace leaktrace {
namespace {

std::string evidence(const Dataset& d, const std::vector<OriginStep>& chain, std::size_t i) {
  std::string where = post_provenance(d, chain[i].post);
  if (i == 0 || chain[i].tie == OriginStep::Tie::none) return where;
  return fmt::format("{} {} {}", where, origin_tie_name(chain[i].tie), post_url(d, chain[i - 1].post));
}

class OriginCommand final : public Command {
 public:
  void configure(CLI::App& app) override {
    add_input_options(app, options_);
    add_community_options(app, options_);
    app.add_option("--first", options_.origin.first_sharers, "How many first sharers to list")->capture_default_str();
    app.add_option("--amplification", options_.origin.amplification_shares,
                   "Reposts and quotes that make a post's first large amplification")
        ->capture_default_str();
    app.footer(
        "The chain runs from the earliest source (followed back through citations across platforms, even when the "
        "cited post does not match the subject) to the first share on the main platform; then the first appearance "
        "per platform and per community, and the first sharers.");
  }

  int run() override {
    AnalysisSession session(options_);
    const OriginTrace& origin = session.origin();
    const CommunityDetection& communities = session.communities();
    if (options_.json) {
      print_json(session, origin, communities);
    } else {
      print_text(session, origin, communities);
    }
    return origin.chain().empty() ? exit_partial : exit_success;
  }

 private:
  void print_json(AnalysisSession& session, const OriginTrace& origin, const CommunityDetection& communities) {
    const Dataset& d = session.dataset();
    JsonWriter json;
    json.begin_object().key("subject").value(session.subject().text());
    json.key("shares").value(static_cast<std::int64_t>(session.subject_match().count()));
    json.key("traced_posts").value(static_cast<std::int64_t>(origin.traced_posts()));
    json.key("chain").begin_array();
    for (std::size_t i = 0; i < origin.chain().size(); ++i) {
      json.begin_object();
      write_post_fields(json, d, origin.chain()[i].post);
      json.key("tie").value(origin_tie_name(origin.chain()[i].tie));
      json.key("evidence").value(evidence(d, origin.chain(), i));
      json.end_object();
    }
    json.end_array();
    json.key("first_by_platform").begin_object();
    for (const auto& [platform, post] : origin.first_by_platform()) {
      json.key(platform_name(platform)).begin_object();
      write_post_fields(json, d, post);
      json.end_object();
    }
    json.end_object();
    json.key("first_by_community").begin_array();
    for (const auto& [community, post] : origin.first_by_community()) {
      json.begin_object().key("community").value(community);
      json.key("label").value(communities.communities()[static_cast<std::size_t>(community)].label);
      write_post_fields(json, d, post);
      json.end_object();
    }
    json.end_array();
    json.key("first_sharers").begin_array();
    for (std::uint32_t post : origin.first_sharers()) {
      json.begin_object();
      write_post_fields(json, d, post);
      json.end_object();
    }
    json.end_array();
    json.key("amplification");
    if (const auto& a = origin.amplification()) {
      json.begin_object();
      write_post_fields(json, d, a->post);
      json.key("shares").value(a->shares).key("reached").value(format_iso8601_time(a->reached));
      json.key("threshold").value(options_.origin.amplification_shares).end_object();
    } else {
      json.null();
    }
    json.end_object();
    fmt::print("{}\n", json.str());
  }

  void print_text(AnalysisSession& session, const OriginTrace& origin, const CommunityDetection& communities) {
    const Dataset& d = session.dataset();
    std::string subject = session.subject().whole_dataset() ? "the whole dataset" : session.subject().text();
    fmt::print("origin of {}: {} shares, {} posts traced back\n\n", subject, session.subject_match().count(),
               origin.traced_posts());
    if (origin.chain().empty()) {
      fmt::print("nothing shares the subject\n");
      return;
    }
    TextTable chain({"step", "time", "platform", "account", "tie", "post", "read at"});
    for (std::size_t i = 0; i < origin.chain().size(); ++i) {
      std::uint32_t post = origin.chain()[i].post;
      chain.add_row({std::to_string(i + 1), time_text(d.post_time(post)), std::string(platform_name(d.post_platform(post))),
                     one_line(account_text(d, d.post_author(post)), 30), std::string(origin_tie_name(origin.chain()[i].tie)),
                     post_url(d, post), post_provenance(d, post)});
    }
    fmt::print("origin chain\n{}", chain.render());
    if (const auto& a = origin.amplification()) {
      fmt::print("\nfirst large amplification: {} by {} reached {} shares at {} ({} in all)\n", post_url(d, a->post),
                 one_line(account_text(d, d.post_author(a->post)), 30), options_.origin.amplification_shares,
                 time_text(a->reached), a->shares);
    }
    TextTable platforms({"platform", "first", "account", "post"});
    for (const auto& [platform, post] : origin.first_by_platform()) {
      platforms.add_row({std::string(platform_name(platform)), time_text(d.post_time(post)),
                         one_line(account_text(d, d.post_author(post)), 30), post_url(d, post)});
    }
    fmt::print("\nfirst appearance per platform\n{}", platforms.render());
    TextTable by_community({"community", "first", "account", "label"});
    for (const auto& [community, post] : origin.first_by_community()) {
      if (communities.communities()[static_cast<std::size_t>(community)].accounts < 2) continue;
      by_community.add_row({std::to_string(community), time_text(d.post_time(post)),
                            one_line(account_text(d, d.post_author(post)), 30),
                            one_line(communities.communities()[static_cast<std::size_t>(community)].label, 60)});
    }
    fmt::print("\nfirst appearance per community\n{}", by_community.render());
    TextTable sharers({"#", "time", "account", "kind", "post"});
    std::size_t rank = 0;
    for (std::uint32_t post : origin.first_sharers()) {
      sharers.add_row({std::to_string(++rank), time_text(d.post_time(post)), one_line(account_text(d, d.post_author(post)), 30),
                       std::string(post_kind_name(d.post_kind(post))), post_url(d, post)});
    }
    fmt::print("\nfirst sharers\n{}", sharers.render());
  }

  AnalysisOptions options_;
};

}  // namespace

std::unique_ptr<Command> make_origin_command() { return std::make_unique<OriginCommand>(); }

}  // namespace leaktrace
