#pragma once

#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <string>

namespace leaktrace::testing {

// The readers that check leaktrace's exports from outside: Debian's python3 with networkx and
// igraph (tests/python/read_network.py) and xmllint with the schemas in tests/schema/.
constexpr const char* system_python = "/usr/bin/python3";

struct CommandResult {
  int status = -1;
  std::string output;  // stdout and stderr
};

inline CommandResult run_command(const std::string& command) {
  CommandResult result;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (!pipe) return result;
  char buffer[4096];
  std::size_t got = 0;
  while ((got = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) result.output.append(buffer, got);
  int status = pclose(pipe);
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

inline std::string shell_quoted(const std::string& path) { return "'" + path + "'"; }

// Why a Python module cannot be used, or empty when it can.
inline std::string python_module_missing(const std::string& module) {
  if (!std::filesystem::exists(system_python)) return "no /usr/bin/python3 (scripts/install-deps installs it)";
  CommandResult result = run_command(std::string(system_python) + " -c 'import " + module + "'");
  if (result.status != 0) return "python3 cannot import " + module + " (scripts/install-deps installs python3-" + module + ")";
  return {};
}

inline std::string xmllint_missing() {
  CommandResult result = run_command("xmllint --version");
  return result.status == 0 ? std::string() : "no xmllint (scripts/install-deps installs libxml2-utils)";
}

inline std::string read_network_script() { return std::string(LEAKTRACE_TESTS_DIR) + "/python/read_network.py"; }
inline std::string gexf_schema() { return std::string(LEAKTRACE_TESTS_DIR) + "/schema/gexf-1.3.xsd"; }

}  // namespace leaktrace::testing
