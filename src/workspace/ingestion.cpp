#include "workspace/ingestion.h"

#include <malloc.h>
#include <pthread.h>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <thread>

namespace leaktrace {
namespace {

constexpr std::size_t batches_in_flight = 4;
constexpr std::uint64_t posts_worth_an_early_commit = 50000;

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Batches travel from the parsing thread to the writing one and back, so their buffers are reused.
class BatchQueue {
 public:
  void push(std::unique_ptr<RecordBatch> batch) {
    std::unique_lock lock(mutex_);
    space_.wait(lock, [&] { return full_.size() < batches_in_flight || closed_; });
    full_.push_back(std::move(batch));
    ready_.notify_one();
  }
  std::unique_ptr<RecordBatch> pop() {
    std::unique_lock lock(mutex_);
    ready_.wait(lock, [&] { return !full_.empty() || closed_; });
    if (full_.empty()) return nullptr;
    auto batch = std::move(full_.front());
    full_.pop_front();
    space_.notify_one();
    return batch;
  }
  void give_back(std::unique_ptr<RecordBatch> batch) {
    std::lock_guard lock(mutex_);
    free_.push_back(std::move(batch));
  }
  std::unique_ptr<RecordBatch> take_free() {
    std::lock_guard lock(mutex_);
    if (free_.empty()) return std::make_unique<RecordBatch>();
    auto batch = std::move(free_.back());
    free_.pop_back();
    return batch;
  }
  void close() {
    std::lock_guard lock(mutex_);
    closed_ = true;
    ready_.notify_all();
    space_.notify_all();
  }
  bool closed() {
    std::lock_guard lock(mutex_);
    return closed_;
  }

 private:
  std::mutex mutex_;
  std::condition_variable ready_;
  std::condition_variable space_;
  std::deque<std::unique_ptr<RecordBatch>> full_;
  std::vector<std::unique_ptr<RecordBatch>> free_;
  bool closed_ = false;
};

}  // namespace

Ingestion::Ingestion(Workspace& workspace, std::vector<std::string> paths, IngestOptions options)
    : workspace_(workspace), paths_(std::move(paths)), options_(std::move(options)) {
  if (paths_.empty()) throw std::invalid_argument("no input files: give one or more FILE arguments, or - for stdin");
}

void Ingestion::run() {
  // For glibc's allocator, where the tests run (the leaktrace binary and the benchmarks link
  // mimalloc, which ignores this). Batches are allocated and freed all the time: keep freed
  // memory in the process instead of handing it back to the kernel and faulting it in again for
  // the next batch. No fastbins: a batch frees tens of thousands of small strings at once, and the
  // next large allocation then consolidates all of them (malloc_consolidate was 9 % of the parsing
  // thread's samples).
  static const bool malloc_tuned = [] {
    mallopt(M_MXFAST, 0);
    mallopt(M_TRIM_THRESHOLD, 512 << 20);
    mallopt(M_TOP_PAD, 64 << 20);
    mallopt(M_MMAP_THRESHOLD, 256 << 20);
    return true;
  }();
  (void)malloc_tuned;
  auto start = Clock::now();
  WorkspaceWriter writer(workspace_, options_.posts_per_transaction);
  files_.clear();
  files_.resize(paths_.size());
  for (std::size_t i = 0; i < paths_.size(); ++i) {
    if (stop_ && stop_->load()) {
      interrupted_ = true;
      break;
    }
    ingest_file(i, writer);
  }
  writer.commit();
  seconds_ = seconds_since(start);
  finished_ = true;
}

void Ingestion::ingest_file(std::size_t index, WorkspaceWriter& writer) {
  IngestedFile& file = files_[index];
  file.path = paths_[index];
  auto start = Clock::now();
  std::unique_ptr<RecordStream> stream;
  try {
    stream = std::make_unique<RecordStream>(file.path, options_.stream);
  } catch (const InputError& error) {
    file.error = error.what();
    return;
  }
  const InputSource& source = stream->source();
  file.format = std::string(format_name(stream->format()));
  file.compression = std::string(compression_name(source.compression()));
  InputFileIdentity identity{file.path, source.raw_size(), source.modified_time(), file.format, file.compression};
  if (!options_.force) {
    if (writer.find_complete_file(identity)) {
      file.skipped = true;
      file.complete = true;
      return;
    }
  }
  std::int64_t file_id = writer.begin_file(identity);

  BatchQueue queue;
  std::exception_ptr parse_error;
  std::thread parser([&] {
    pthread_setname_np(pthread_self(), "lt-parse");
    try {
      for (;;) {
        if (stop_ && stop_->load()) break;
        auto batch = queue.take_free();
        if (!stream->next(*batch)) break;
        for (Post& post : batch->posts) post.provenance.file_id = file_id;
        queue.push(std::move(batch));
        if (queue.closed()) break;
      }
    } catch (...) {
      parse_error = std::current_exception();
    }
    queue.close();
  });

  IngestProgress progress{&file, index, paths_.size(), 0, source.raw_size().value_or(0), 0, 0};
  try {
    while (auto batch = queue.pop()) {
      file.counts += writer.append(*batch, file_id);
      for (const Rejection& rejection : batch->rejections) {
        if (file.first_rejections.size() < rejections_to_show) file.first_rejections.push_back(rejection);
      }
      queue.give_back(std::move(batch));
      if (progress_) {
        progress.raw_bytes_read = source.raw_bytes_read();
        progress.posts_read = file.counts.posts_read;
        progress.seconds = seconds_since(start);
        progress_(progress);
      }
    }
  } catch (...) {
    queue.close();
    parser.join();
    throw;
  }
  parser.join();
  if (parse_error) std::rethrow_exception(parse_error);

  // The hashing thread may still be behind the reader: a large file's rows are committed meanwhile
  // rather than after it (a small file's wait for the next one, so that many files share a commit).
  if (file.counts.posts_new >= posts_worth_an_early_commit) writer.commit();
  bool stopped = stop_ && stop_->load();
  if (stopped) interrupted_ = true;
  file.complete = !stopped;
  file.lines = stream->lines_read();
  file.raw_bytes = source.raw_bytes_read();
  file.sha256 = stopped ? std::string{} : source.sha256_hex();
  if (source.damage()) file.error = *source.damage();
  std::string_view status = !file.complete ? "partial" : source.damage() ? "damaged" : "complete";
  writer.finish_file(file_id, file.sha256, file.lines, status);
}

void Ingestion::assure_finished() const {
  if (!finished_) throw std::logic_error("Ingestion: call run() before asking for results");
}

const std::vector<IngestedFile>& Ingestion::files() const {
  assure_finished();
  return files_;
}

AppendCounts Ingestion::totals() const {
  assure_finished();
  AppendCounts totals;
  for (const IngestedFile& file : files_) totals += file.counts;
  return totals;
}

double Ingestion::seconds() const {
  assure_finished();
  return seconds_;
}

bool Ingestion::interrupted() const {
  assure_finished();
  return interrupted_;
}

}  // namespace leaktrace
