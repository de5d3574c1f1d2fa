#pragma once

#include <string>

#include "cli/analysis_session.h"
#include "cli/map_building.h"
#include "render/report_document.h"

namespace leaktrace {

struct ReportBuildOptions {
  std::string title;
  std::string command_line;   // the exact command that reproduces the report
  TimeMs bin = 0;             // timeline bin; 0 picks one from the time span
  std::size_t top_accounts = 15;
  std::size_t top_cascades = 10;
  std::size_t first_sharers = 10;
  std::size_t coordinated_groups = 5;
  std::size_t coordinated_members = 12;
  std::size_t coordinated_actions = 6;
  bool map = true;
  MapBuildOptions map_options;
  bool timings = false;  // how long each step took, on stderr
};

// Everything the report shows, computed from the session, with the summary written in plain
// language from the numbers.
ReportDocument build_report_document(AnalysisSession& session, const ReportBuildOptions& options);

// The command line of this process, quoted for a POSIX shell (from /proc/self/cmdline).
std::string this_command_line();

}  // namespace leaktrace
