#pragma once

#include <memory>

#include "ingest/reader.h"

namespace leaktrace {

// Twitter API v1.1: stream lines (with delete/limit/warning notices), search responses {"statuses": [...]}, arrays of tweets, one tweet per file.
class TwitterV1Reader final : public Reader {
 public:
  TwitterV1Reader();
  ~TwitterV1Reader() override;
  Format format() const override;
  void read(std::string_view json, std::uint64_t first_line, RecordBatch& out) override;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace leaktrace
