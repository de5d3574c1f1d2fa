#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace CLI {
class App;
}

namespace leaktrace::simulate {
struct ScenarioParameters;
}

namespace leaktrace {

// A subcommand: declares its options and help on its CLI11 app, then runs with them.
class Command {
 public:
  virtual ~Command() = default;
  virtual void configure(CLI::App& app) = 0;
  // Returns the exit status: 0 success, 1 nothing found or partial, 2 usage or fatal error.
  virtual int run() = 0;
};

struct CommandEntry {
  std::string_view name;
  std::string_view summary;
  std::unique_ptr<Command> (*make)();
};

std::unique_ptr<Command> make_ingest_command();
std::unique_ptr<Command> make_info_command();
std::unique_ptr<Command> make_simulate_command();
std::unique_ptr<Command> make_demo_command();
std::unique_ptr<Command> make_origin_command();
std::unique_ptr<Command> make_timeline_command();
std::unique_ptr<Command> make_accounts_command();
std::unique_ptr<Command> make_communities_command();
std::unique_ptr<Command> make_bridges_command();
std::unique_ptr<Command> make_cascades_command();
std::unique_ptr<Command> make_export_command();
std::unique_ptr<Command> make_map_command();
std::unique_ptr<Command> make_report_command();
std::unique_ptr<Command> make_coordination_command();
std::unique_ptr<Command> make_domains_command();

// Runs one subcommand with `arguments` as if they followed its name on the command line.
int run_subcommand(std::string_view name, const std::vector<std::string>& arguments);

// The scenario options shared by `simulate` and `demo`.
void add_scenario_options(CLI::App& app, simulate::ScenarioParameters& parameters, std::string& start,
                          double& duration_hours, bool& no_compress);
void apply_scenario_options(simulate::ScenarioParameters& parameters, const std::string& start, double duration_hours,
                            bool no_compress);

constexpr int exit_success = 0;
constexpr int exit_partial = 1;
constexpr int exit_fatal = 2;

}  // namespace leaktrace
