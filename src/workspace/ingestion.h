#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "ingest/record_stream.h"
#include "workspace/workspace_writer.h"

namespace leaktrace {

struct IngestOptions {
  RecordStreamOptions stream;
  bool force = false;  // re-read files already ingested completely
  std::uint64_t posts_per_transaction = WorkspaceWriter::default_posts_per_transaction;
};

struct IngestedFile {
  std::string path;
  std::string format;       // empty when the format could not be recognised
  std::string compression;
  std::string sha256;
  std::string error;        // why nothing (more) could be read from it, if so
  bool skipped = false;     // already ingested (same path, size and time)
  bool complete = false;
  std::uint64_t raw_bytes = 0;
  std::uint64_t lines = 0;
  AppendCounts counts;
  std::vector<Rejection> first_rejections;  // the first few, to show; all are in the workspace
};

struct IngestProgress {
  const IngestedFile* file = nullptr;
  std::size_t file_index = 0;
  std::size_t file_count = 0;
  std::uint64_t raw_bytes_read = 0;
  std::uint64_t raw_size = 0;  // 0 when unknown (a pipe)
  std::uint64_t posts_read = 0;
  double seconds = 0;
};

// Reads input files into a workspace. Per file, one thread reads and parses while this one writes,
// so parsing and SQLite overlap. A file that cannot be opened or recognised is reported and the
// others are still ingested; bad records are counted, kept in the workspace and reported.
class Ingestion {
 public:
  static constexpr std::size_t rejections_to_show = 5;

  Ingestion(Workspace& workspace, std::vector<std::string> paths, IngestOptions options);

  void set_progress_handler(std::function<void(const IngestProgress&)> handler) { progress_ = std::move(handler); }
  // Set from a signal handler to stop after the current batch; what was read is committed.
  void set_stop_flag(const std::atomic<bool>* stop) { stop_ = stop; }

  void run();

  const std::vector<IngestedFile>& files() const;
  AppendCounts totals() const;
  double seconds() const;
  bool interrupted() const;

 private:
  void ingest_file(std::size_t index, WorkspaceWriter& writer);
  void assure_finished() const;

  Workspace& workspace_;
  std::vector<std::string> paths_;
  IngestOptions options_;
  std::function<void(const IngestProgress&)> progress_;
  const std::atomic<bool>* stop_ = nullptr;
  std::vector<IngestedFile> files_;
  double seconds_ = 0;
  bool interrupted_ = false;
  bool finished_ = false;
};

}  // namespace leaktrace
