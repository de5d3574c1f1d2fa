#include <algorithm>
#include <numeric>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/analysis_output.h"
#include "cli/analysis_session.h"
#include "cli/command.h"
#include "render/text_table.h"

namespace leaktrace {
namespace {

class AccountsCommand final : public Command {
 public:
  void configure(CLI::App& app) override {
    add_input_options(app, options_);
    add_community_options(app, options_);
    add_network_options(app, options_);
    app.add_option("-n,--top", top_, "How many accounts to list")->capture_default_str();
    app.add_option("--by", by_, "Rank by pagerank, in-strength, betweenness or k-core")
        ->check(CLI::IsMember({"pagerank", "in-strength", "betweenness", "k-core"}))
        ->capture_default_str();
    app.footer("On the graph of what the subject's shares did (reposts, quotes, replies, mentions, citations): "
               "in-strength counts how often an account was amplified; betweenness is estimated from up to 256 sampled "
               "sources (Brandes & Pich 2007) on graphs larger than that.");
  }

  int run() override {
    AnalysisSession session(options_);
    const AccountGraph& graph = session.shown_graph();
    const AccountRanking& ranking = session.shown_ranking();
    const Dataset* d = session.reads_network() ? nullptr : &session.dataset();
    std::vector<std::uint32_t> order(graph.node_count());
    std::iota(order.begin(), order.end(), 0u);
    auto score = [&](std::uint32_t node) -> double {
      if (by_ == "in-strength") return ranking.in_strength()[node];
      if (by_ == "betweenness") return ranking.betweenness()[node];
      if (by_ == "k-core") return static_cast<double>(ranking.coreness()[node]);
      return ranking.pagerank()[node];
    };
    std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
      if (score(a) != score(b)) return score(a) > score(b);
      return graph.node(a).key < graph.node(b).key;
    });
    if (order.size() > top_) order.resize(top_);
    const std::vector<std::int64_t> community = session.shown_communities_of_nodes();
    auto community_of = [&](std::uint32_t node) { return community[node]; };
    if (options_.json) {
      JsonWriter json;
      json.begin_object().key("subject").value(session.subject().text());
      json.key("nodes").value(static_cast<std::int64_t>(graph.node_count()));
      json.key("edges").value(static_cast<std::int64_t>(graph.edges().size()));
      json.key("betweenness_exact").value(ranking.betweenness_is_exact());
      json.key("accounts").begin_array();
      for (std::uint32_t node : order) {
        const GraphNode& n = graph.node(node);
        json.begin_object().key("id").value(n.key).key("handle").value(n.label);
        if (d && n.account != no_index) json.key("followers").value(d->account_followers(n.account));
        json.key("community").value(community_of(node));
        json.key("in_strength").value(ranking.in_strength()[node]);
        json.key("out_strength").value(ranking.out_strength()[node]);
        json.key("pagerank").value(ranking.pagerank()[node]);
        json.key("betweenness").value(ranking.betweenness()[node]);
        json.key("k_core").value(ranking.coreness()[node]);
        json.end_object();
      }
      json.end_array().end_object();
      fmt::print("{}\n", json.str());
      return graph.node_count() == 0 ? exit_partial : exit_success;
    }
    TextTable table({"#", "account", "community", "in-strength", "pagerank", "betweenness", "k-core", "followers"});
    std::size_t rank = 0;
    for (std::uint32_t node : order) {
      const GraphNode& n = graph.node(node);
      table.add_row({std::to_string(++rank), one_line("@" + n.label, 32), std::to_string(community_of(node)),
                     fmt::format("{:.0f}", ranking.in_strength()[node]), fmt::format("{:.5f}", ranking.pagerank()[node]),
                     fmt::format("{:.5f}", ranking.betweenness()[node]), std::to_string(ranking.coreness()[node]),
                     !d || n.account == no_index || d->account_followers(n.account) < 0
                         ? "-"
                         : std::to_string(d->account_followers(n.account))});
    }
    fmt::print("{} accounts, {} edges; top {} by {}{}\n{}", graph.node_count(), graph.edges().size(), order.size(), by_,
               ranking.betweenness_is_exact() ? "" : " (betweenness estimated from sampled sources)", table.render());
    return graph.node_count() == 0 ? exit_partial : exit_success;
  }

 private:
  AnalysisOptions options_;
  std::size_t top_ = 20;
  std::string by_ = "pagerank";
};

}  // namespace

std::unique_ptr<Command> make_accounts_command() { return std::make_unique<AccountsCommand>(); }

}  // namespace leaktrace
