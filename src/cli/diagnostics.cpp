#include "cli/diagnostics.h"

#include <unistd.h>

#include <cstdio>

#include <fmt/format.h>

namespace leaktrace {
namespace {

void report(std::string_view label, std::string_view colour, std::string_view message) {
  if (stderr_is_terminal()) {
    fmt::print(stderr, "leaktrace: \x1b[{}m{}:\x1b[0m {}\n", colour, label, message);
  } else {
    fmt::print(stderr, "leaktrace: {}: {}\n", label, message);
  }
}

}  // namespace

bool stderr_is_terminal() {
  static const bool terminal = isatty(STDERR_FILENO) != 0;
  return terminal;
}

void report_error(std::string_view message) { report("error", "1;31", message); }
void report_warning(std::string_view message) { report("warning", "1;33", message); }
void report_note(std::string_view message) { report("note", "1;36", message); }

}  // namespace leaktrace
