#pragma once

#include <memory>

#include "ingest/reader.h"

namespace leaktrace {

// 4chan thread JSON from the official API ({"posts": [...]}) and from FoolFuuka-style archives.
class FourchanReader final : public Reader {
 public:
  explicit FourchanReader(const ReaderOptions& options);
  ~FourchanReader() override;
  Format format() const override;
  void read(std::string_view json, std::uint64_t first_line, RecordBatch& out) override;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace leaktrace
