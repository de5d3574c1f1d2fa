#include "cli/commands.h"

#include <CLI/CLI.hpp>

#include "model/version.h"

namespace leaktrace {

int run_command_line(int argc, char** argv) {
  CLI::App app{"leaktrace: where a leak started, who carried it, through which communities"};
  app.set_version_flag("--version", std::string{version});
  app.require_subcommand(1);
  CLI11_PARSE(app, argc, argv);
  return 0;
}

}  // namespace leaktrace
