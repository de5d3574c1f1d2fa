#pragma once

#include <memory>
#include <string_view>

namespace CLI {
class App;
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

constexpr int exit_success = 0;
constexpr int exit_partial = 1;
constexpr int exit_fatal = 2;

}  // namespace leaktrace
