#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "model/record_batch.h"
#include "workspace/workspace.h"

namespace leaktrace {

struct InputFileIdentity {
  std::string path;
  std::optional<std::uint64_t> size;
  std::int64_t modified_time = 0;
  std::string format;
  std::string compression;
};

struct AppendCounts {
  std::uint64_t posts_read = 0;
  std::uint64_t posts_new = 0;
  std::uint64_t rejected = 0;
  std::uint64_t notices = 0;

  AppendCounts& operator+=(const AppendCounts& other) {
    posts_read += other.posts_read;
    posts_new += other.posts_new;
    rejected += other.rejected;
    notices += other.notices;
    return *this;
  }
};

// Appends record batches, as RecordStream gives them (canonical URLs with what they cite, folded
// hashtags), to a workspace in large transactions. (platform, native id) is unique
// for posts and accounts, so appending the same records again adds nothing: a re-run after a
// crash or of the same file completes the workspace without duplicates. Account profiles keep
// each value from the latest post that gave it (merge_newer_profile), whatever the batches and
// transactions were. Not thread-safe: one writer per workspace.
class WorkspaceWriter {
 public:
  static constexpr std::uint64_t default_posts_per_transaction = 1000000;

  explicit WorkspaceWriter(Workspace& workspace, std::uint64_t posts_per_transaction = default_posts_per_transaction);
  ~WorkspaceWriter();

  // The id of a completely ingested file with this path, size and modification time, if any.
  std::optional<std::int64_t> find_complete_file(const InputFileIdentity& identity);
  // Starts (or resumes, for a file left partial) the ingest of one input file.
  std::int64_t begin_file(const InputFileIdentity& identity);
  AppendCounts append(const RecordBatch& batch, std::int64_t file_id);
  // Records the file's digest and state: "complete", "partial" (interrupted: a re-run resumes it)
  // or "damaged" (the data ends early, e.g. a truncated gzip: all that could be read was). A
  // complete file whose content was already ingested under another row (same SHA-256) is merged
  // into that row. Returns the file's final id.
  std::int64_t finish_file(std::int64_t file_id, const std::string& sha256, std::uint64_t lines,
                           std::string_view status);
  // Makes everything appended so far durable.
  void commit();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace leaktrace
