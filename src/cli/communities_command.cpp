#include <fstream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/analysis_output.h"
#include "cli/analysis_session.h"
#include "cli/command.h"
#include "render/text_table.h"

namespace leaktrace {
namespace {

class CommunitiesCommand final : public Command {
 public:
  void configure(CLI::App& app) override {
    add_input_options(app, options_);
    add_community_options(app, options_);
    add_network_options(app, options_);
    app.add_option("-n,--top", top_, "How many communities to list")->capture_default_str();
    app.add_option("--members", members_, "Also write every account's community to this CSV file (id,handle,community)");
    app.add_option("--compare", compare_,
                   "Compare the found communities with this node attribute of an imported network (NMI, ARI)");
    app.footer(
        "Leiden (igraph, optimising modularity) on the undirected weighted graph of everything the accounts did "
        "(--community-edges), labelled by the top accounts, the hashtags the community uses more than others, and "
        "its languages, over the subject's shares. Ids are stable for the same input and --seed; 0 is the largest.");
  }

  int run() override {
    AnalysisSession session(options_);
    const CommunityDetection& communities = session.shown_communities();
    const AccountGraph& graph = session.reads_network() ? session.network().graph : session.community_graph();
    std::optional<PartitionAgreement> agreement;
    if (!compare_.empty()) {
      const NodeAttribute* attribute = graph.attribute(compare_);
      if (!attribute) {
        throw std::invalid_argument(fmt::format(
            "the graph has no node attribute '{}' to compare with (attributes come with imported networks)", compare_));
      }
      agreement = compare_with_attribute(communities.membership(), attribute->values);
    }
    if (!members_.empty()) write_members(graph, communities);
    const auto& all = communities.communities();
    std::size_t shown = std::min(top_, all.size());
    if (options_.json) {
      JsonWriter json;
      json.begin_object().key("subject").value(session.subject().text());
      json.key("accounts").value(static_cast<std::int64_t>(graph.node_count()));
      json.key("modularity").value(communities.modularity());
      json.key("resolution").value(options_.resolution).key("seed").value(static_cast<std::int64_t>(options_.seed));
      json.key("edges").value(session.reads_network() ? std::string("all") : options_.community_edges);
      json.key("count").value(static_cast<std::int64_t>(all.size()));
      json.key("non_trivial").value(static_cast<std::int64_t>(communities.non_trivial_count()));
      if (agreement) {
        json.key("compare").value(compare_).key("nmi").value(agreement->nmi).key("ari").value(agreement->ari);
        json.key("compared_nodes").value(static_cast<std::int64_t>(agreement->nodes));
      }
      json.key("communities").begin_array();
      for (std::size_t c = 0; c < shown; ++c) {
        const Community& community = all[c];
        json.begin_object().key("id").value(community.id).key("accounts").value(community.accounts);
        json.key("posts").value(community.posts).key("label").value(community.label);
        json.key("top_accounts").begin_array();
        for (std::uint32_t node : community.top_nodes) {
          json.begin_object().key("id").value(graph.node(node).key).key("handle").value(graph.node(node).label).end_object();
        }
        json.end_array().key("hashtags").begin_array();
        for (const LabelledCount& tag : community.hashtags) {
          json.begin_object().key("tag").value(tag.name).key("posts").value(tag.count).key("score").value(tag.score).end_object();
        }
        json.end_array().key("languages").begin_array();
        for (const LabelledCount& language : community.languages) {
          json.begin_object().key("language").value(language.name).key("posts").value(language.count);
          json.key("share").value(language.score).end_object();
        }
        json.end_array().end_object();
      }
      json.end_array().end_object();
      fmt::print("{}\n", json.str());
      return all.empty() ? exit_partial : exit_success;
    }
    fmt::print("{} communities ({} of more than one account) among {} accounts; modularity {:.4f}\n", all.size(),
               communities.non_trivial_count(), graph.node_count(), communities.modularity());
    if (agreement) {
      fmt::print("against '{}' over {} nodes: NMI {:.4f}, ARI {:.4f}\n", compare_, agreement->nodes, agreement->nmi,
                 agreement->ari);
    }
    TextTable table({"id", "accounts", "posts", "label"});
    for (std::size_t c = 0; c < shown; ++c) {
      table.add_row({std::to_string(all[c].id), std::to_string(all[c].accounts), std::to_string(all[c].posts),
                     one_line(all[c].label, 90)});
    }
    fmt::print("{}", table.render());
    return all.empty() ? exit_partial : exit_success;
  }

 private:
  void write_members(const AccountGraph& graph, const CommunityDetection& communities) const {
    std::ofstream out(members_, std::ios::binary);
    out << "id,handle,community\n";
    auto quoted = [](std::string_view text) {
      std::string q = "\"";
      for (char c : text) q += c == '"' ? std::string("\"\"") : std::string(1, c);
      return q + "\"";
    };
    for (std::uint32_t node = 0; node < graph.node_count(); ++node) {
      out << quoted(graph.node(node).key) << ',' << quoted(graph.node(node).label) << ','
          << communities.membership()[node] << '\n';
    }
    if (!out) throw std::runtime_error(fmt::format("cannot write {}", members_));
  }

  AnalysisOptions options_;
  std::string members_;
  std::size_t top_ = 15;
  std::string compare_;
};

}  // namespace

std::unique_ptr<Command> make_communities_command() { return std::make_unique<CommunitiesCommand>(); }

}  // namespace leaktrace
