#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include "analysis/lookalike_detector.h"
#include "model/time.h"

namespace leaktrace {

// A post that linked a flagged domain, from a workspace.
struct LinkingPost {
  std::string platform;
  std::string native_id;
  TimeMs created_at = unknown_time;
  std::string account_platform;
  std::string account_native_id;
  std::string handle;  // empty when unknown
  std::string url;     // the expanded URL as posted
};

// One flagged domain and where it was seen.
struct DomainFinding {
  LookalikeMatch match;
  std::string first_seen;      // "list.txt:12", or the workspace path
  std::int64_t occurrences = 0;  // lines or URLs naming it
  std::vector<LinkingPost> posts;  // in time order, for a workspace
  std::int64_t accounts = 0;       // distinct accounts among the posts
};

// Where a check is, for a progress bar: called about once per MiB of a list, once per workspace.
struct DomainWatchProgress {
  const std::string* path = nullptr;
  std::uint64_t bytes_read = 0;
  std::uint64_t total_bytes = 0;  // 0 when unknown (stdin, a pipe)
  std::int64_t hosts_checked = 0;
};

// `domains check`: every host of the inputs through the detector. An input is a domain list
// (plain, gzip or zstd; "-" for stdin; see hosts_in_line() for the line shapes) or a leaktrace
// workspace, told apart by the SQLite header; for a workspace, the hosts of its URLs, and for
// each flagged one the posts and accounts that linked it.
class DomainWatch {
 public:
  // Throws std::invalid_argument when there is no input.
  DomainWatch(const LookalikeDetector& detector, std::vector<std::string> inputs);
  void set_progress_handler(std::function<void(const DomainWatchProgress&)> handler) { progress_ = std::move(handler); }
  // Throws on an input that cannot be read (with its path); lines without a host are counted.
  void run();

  // By score, then domain.
  const std::vector<DomainFinding>& findings() const;
  std::int64_t hosts_checked() const;     // names checked, repeats included
  std::int64_t lines_read() const;        // of the domain lists
  std::int64_t lines_without_host() const;  // lines (not comments or blank) naming no host
  std::int64_t workspace_hosts() const;   // distinct URL hosts read from workspaces

 private:
  void read_list(const std::string& path);
  void read_workspace(const std::string& path);
  DomainFinding* record(std::string_view host, const std::string& where);
  void assure_finished() const;

  const LookalikeDetector& detector_;
  std::vector<std::string> inputs_;
  std::vector<DomainFinding> findings_;
  std::unordered_map<std::string, std::size_t> by_domain_;  // into findings_, until run() sorts them
  std::int64_t hosts_checked_ = 0;
  std::int64_t lines_read_ = 0;
  std::int64_t lines_without_host_ = 0;
  std::int64_t workspace_hosts_ = 0;
  std::function<void(const DomainWatchProgress&)> progress_;
  bool finished_ = false;
};

// True when the file starts with the SQLite header ("SQLite format 3\0").
bool is_sqlite_file(const std::string& path);

}  // namespace leaktrace
