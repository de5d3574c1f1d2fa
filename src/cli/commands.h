#pragma once

namespace leaktrace {

// Parses the command line, runs the chosen subcommand and returns the exit status:
// 0 success, 1 nothing found or partial, 2 usage or fatal error.
int run_command_line(int argc, char** argv);

}  // namespace leaktrace
