#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "model/time.h"
#include "workspace/workspace.h"

namespace leaktrace {

struct CollectionGap {
  std::string file;
  std::uint64_t line = 0;
  TimeMs time = unknown_time;
  std::int64_t undelivered = 0;  // posts the stream withheld since the previous limit notice
};

struct SummarisedFile {
  std::string path;
  std::string format;
  std::string compression;
  std::string sha256;
  std::string status;
  std::int64_t size = 0;
  std::int64_t posts_new = 0;
  std::int64_t rejected = 0;
};

struct RejectedRecord {
  std::string file;
  std::uint64_t line = 0;
  std::string reason;
};

// Every rejected record, in file and line order, for `info --rejected`.
std::vector<RejectedRecord> list_rejected_records(Workspace& workspace);

// Rejected records by reason (the words before the first ':'), most first: what `info` lists,
// without the rest of its summary (which scans every post).
std::vector<std::pair<std::string, std::int64_t>> rejected_by_reason(Workspace& workspace);

// What a workspace holds, as `leaktrace info` shows it.
class WorkspaceSummary {
 public:
  static constexpr std::size_t top_count = 10;

  explicit WorkspaceSummary(Workspace& workspace);
  void run();

  std::int64_t posts() const;
  std::int64_t accounts() const;               // accounts that authored at least one post
  std::int64_t mentioned_only_accounts() const;  // known only from mentions
  std::int64_t citations() const;
  std::int64_t resolved_citations() const;     // whose cited post is in the workspace
  std::int64_t rejected() const;
  std::int64_t deletions() const;
  TimeMs first() const;
  TimeMs last() const;
  const std::map<std::string, std::int64_t>& platforms() const;
  const std::map<std::string, std::int64_t>& kinds() const;
  const std::map<std::string, std::map<std::string, std::int64_t>>& kinds_by_platform() const;
  const std::vector<std::pair<std::string, std::int64_t>>& top_hashtags() const;
  const std::vector<std::pair<std::string, std::int64_t>>& top_domains() const;
  const std::vector<std::pair<std::string, std::int64_t>>& rejected_by_reason() const;
  const std::vector<CollectionGap>& collection_gaps() const;
  std::int64_t undelivered_posts() const;  // total of the gaps
  const std::vector<SummarisedFile>& files() const;

 private:
  void assure_finished() const;

  Workspace& workspace_;
  bool finished_ = false;
  std::int64_t posts_ = 0;
  std::int64_t accounts_ = 0;
  std::int64_t mentioned_only_accounts_ = 0;
  std::int64_t citations_ = 0;
  std::int64_t resolved_citations_ = 0;
  std::int64_t rejected_ = 0;
  std::int64_t deletions_ = 0;
  TimeMs first_ = unknown_time;
  TimeMs last_ = unknown_time;
  std::map<std::string, std::int64_t> platforms_;
  std::map<std::string, std::int64_t> kinds_;
  std::map<std::string, std::map<std::string, std::int64_t>> kinds_by_platform_;
  std::vector<std::pair<std::string, std::int64_t>> top_hashtags_;
  std::vector<std::pair<std::string, std::int64_t>> top_domains_;
  std::vector<std::pair<std::string, std::int64_t>> rejected_by_reason_;
  std::vector<CollectionGap> collection_gaps_;
  std::int64_t undelivered_posts_ = 0;
  std::vector<SummarisedFile> files_;
};

}  // namespace leaktrace
