#pragma once

#include <memory>

#include "ingest/reader.h"

namespace leaktrace {

// Twitter API v1.1: stream lines (with delete/limit/warning notices), search responses {"statuses": [...]}, arrays of tweets, one tweet per file.
// An embedded tweet (the original inside a retweet, a quoted tweet) that this reader has already
// given is not given again: in a stream, a popular original is repeated inside every retweet.
class TwitterV1Reader final : public Reader {
 public:
  TwitterV1Reader();
  ~TwitterV1Reader() override;
  Format format() const override;
  void read(std::string_view json, std::uint64_t first_line, RecordBatch& out) override;

 private:
  void read_text(std::string_view json, std::uint64_t first_line, RecordBatch& out);

  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace leaktrace
