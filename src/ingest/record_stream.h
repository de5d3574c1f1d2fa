#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ingest/format.h"
#include "ingest/format_sniffer.h"
#include "ingest/input_source.h"
#include "ingest/native_id_map.h"
#include "ingest/reader.h"
#include "model/record_batch.h"

namespace leaktrace {

struct RecordStreamOptions {
  std::optional<Format> format;  // overrides detection
  ReaderOptions reader;
  std::size_t batch_posts = 4096;
  std::size_t chunk_bytes = std::size_t{4} << 20;
  std::size_t max_line_bytes = std::size_t{64} << 20;
  std::size_t max_document_bytes = std::size_t{2} << 30;
  // Plain files at least this large are mapped, not read (no copy; SHA-256 on a thread of its own).
  std::uint64_t map_min_bytes = std::uint64_t{4} << 20;
};

// A file whose format could not be recognised: nothing in it can be read without --format.
class UnknownFormatError : public InputError {
 public:
  using InputError::InputError;
};

// One input file read as batches of records: decompression, format detection, line splitting,
// the format's reader, URL canonicalisation. Knows nothing of where the records go.
class RecordStream {
 public:
  RecordStream(const std::string& path, const RecordStreamOptions& options);
  ~RecordStream();

  Format format() const { return format_; }
  Layout layout() const { return layout_; }
  const InputSource& source() const { return *source_; }

  // Fills `batch` (cleared first) with the next records; false once the file is exhausted and
  // nothing was added. Damage to the stream (truncated gzip) ends it with a Rejection.
  bool next(RecordBatch& batch);

  std::uint64_t lines_read() const { return line_; }

 private:
  bool fill_buffer();
  void read_document(RecordBatch& batch);
  void normalise(RecordBatch& batch);

  RecordStreamOptions options_;
  std::unique_ptr<InputSource> source_;
  std::unique_ptr<Reader> reader_;
  Format format_ = Format::twitter_v1;
  Layout layout_ = Layout::lines;

  // [begin_, end_) of data_ is the unread text. data_ is buffer_ (padded after end_), or the
  // mapped file (whose last lines are copied to tail_, padded, before they are parsed).
  const char* data_ = nullptr;
  bool mapped_ = false;
  std::vector<char> buffer_;
  std::vector<char> tail_;
  std::size_t begin_ = 0;
  std::size_t end_ = 0;
  bool eof_ = false;
  bool done_ = false;
  bool skipping_long_line_ = false;
  std::uint64_t line_ = 0;     // lines consumed so far
  std::array<NativeIdMap<std::uint32_t>, platform_count> account_slots_;  // of normalise()
};

}  // namespace leaktrace
