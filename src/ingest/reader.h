#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "ingest/format.h"
#include "model/record_batch.h"

namespace leaktrace {

struct ReaderOptions {
  std::string board;  // 4chan board when the export does not name it ("pol")
};

// Turns one JSON text of a native export into posts, accounts, notices and rejections.
//
// A text is either one line of a line-delimited file (first_line = that line) or a whole file
// (first_line = 1); records inside a whole file carry the line they start on. `json` must have
// simdjson::SIMDJSON_PADDING readable bytes after its end (the next lines of the buffer or
// padding). Readers never throw for bad input: they append a Rejection and keep what they could
// read. A reader owns a simdjson parser, so use one reader per thread.
class Reader {
 public:
  virtual ~Reader() = default;
  virtual Format format() const = 0;
  virtual void read(std::string_view json, std::uint64_t first_line, RecordBatch& out) = 0;
};

std::unique_ptr<Reader> make_reader(Format format, const ReaderOptions& options = {});

}  // namespace leaktrace
