#include "cli/commands.h"

#include <array>
#include <exception>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/command.h"
#include "cli/diagnostics.h"
#include "model/version.h"

namespace leaktrace {
namespace {

constexpr std::array command_table{
    CommandEntry{"ingest", "Read native exports (Twitter v1.1/v2, 4chan, Pastebin; plain, gzip, zstd) into a workspace",
                 &make_ingest_command},
    CommandEntry{"info", "Summarise a workspace: posts per platform and kind, time range, top hashtags and domains, "
                         "collection gaps, rejected records",
                 &make_info_command},
    CommandEntry{"simulate", "Write a labelled leak-propagation scenario in native formats (tweets, 4chan thread, "
                             "pastes) with its ground truth",
                 &make_simulate_command},
    CommandEntry{"demo", "Simulate the built-in scenario, ingest it and summarise it", &make_demo_command},
    CommandEntry{"origin", "Where a subject started: the chain back to its earliest source across platforms, first "
                           "appearances, first sharers",
                 &make_origin_command},
    CommandEntry{"timeline", "Volume of a subject per time bin by platform or community, with milestones",
                 &make_timeline_command},
    CommandEntry{"accounts", "Accounts ranked by in-strength, PageRank, betweenness and k-core", &make_accounts_command},
    CommandEntry{"communities", "Communities (Leiden) labelled by top accounts, hashtags and languages",
                 &make_communities_command},
    CommandEntry{"bridges", "The first account of each community to share a subject and where it got it from",
                 &make_bridges_command},
    CommandEntry{"cascades", "Reposts reconstructed into diffusion trees: size, depth, breadth, structural virality, "
                             "speed, top spreaders; also Twitter15/16 and PHEME cascade datasets",
                 &make_cascades_command},
    CommandEntry{"coordination", "Accounts that repost, link or post the same thing within seconds, again and again: "
                                 "clusters, evidence, bot-like signals",
                 &make_coordination_command},
    CommandEntry{"export", "The account graph for Gephi, R and Python: GEXF 1.3 (with its timeline), GraphML, CSV",
                 &make_export_command},
    CommandEntry{"map", "The propagation map: one self-contained interactive HTML file (ForceAtlas2, communities, "
                        "time replay), and PNG/SVG figures",
                 &make_map_command},
    CommandEntry{"report", "One self-contained HTML report: summary, origin chain, timeline, accounts, communities, "
                           "bridges, cascades, the map and the methods; --md for Markdown with SVG figures",
                 &make_report_command},
    CommandEntry{"domains", "Lookalike domains: generate the typo, homoglyph, affix and TLD-swap lookalikes of a "
                            "domain, or check lists and a workspace's posts for them",
                 &make_domains_command},
};

}  // namespace

int run_subcommand(std::string_view name, const std::vector<std::string>& arguments) {
  for (const CommandEntry& entry : command_table) {
    if (entry.name != name) continue;
    CLI::App app{std::string(entry.summary), std::string(entry.name)};
    auto command = entry.make();
    command->configure(app);
    std::vector<std::string> reversed(arguments.rbegin(), arguments.rend());  // CLI11 takes them last first
    app.parse(reversed);
    return command->run();
  }
  throw std::logic_error(fmt::format("no subcommand '{}'", name));
}

int run_command_line(int argc, char** argv) {
  CLI::App app{"leaktrace: where a leak started, who carried it, through which communities, how fast"};
  app.set_version_flag("--version", std::string{version});
  app.require_subcommand(1);
  app.fallthrough(false);

  std::vector<std::pair<CLI::App*, std::unique_ptr<Command>>> commands;
  for (const CommandEntry& entry : command_table) {
    CLI::App* sub = app.add_subcommand(std::string(entry.name), std::string(entry.summary));
    auto command = entry.make();
    command->configure(*sub);
    commands.emplace_back(sub, std::move(command));
  }

  if (argc > 1 && argv[1][0] != '-') {
    std::string_view name = argv[1];
    bool known = false;
    std::string names;
    for (const CommandEntry& entry : command_table) {
      known = known || entry.name == name;
      names += (names.empty() ? "" : ", ") + std::string(entry.name);
    }
    if (!known) {
      report_error(fmt::format("unknown command '{}'; the commands are {} (`leaktrace --help` says more)", name, names));
      return exit_fatal;
    }
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& help) {
    return app.exit(help);
  } catch (const CLI::CallForVersion& version_call) {
    return app.exit(version_call);
  } catch (const CLI::ParseError& error) {
    report_error(fmt::format("{}; run `leaktrace --help` or `leaktrace COMMAND --help`", error.what()));
    return exit_fatal;
  }

  for (auto& [sub, command] : commands) {
    if (!sub->parsed()) continue;
    try {
      return command->run();
    } catch (const std::exception& error) {
      report_error(error.what());
      return exit_fatal;
    }
  }
  return exit_fatal;
}

}  // namespace leaktrace
