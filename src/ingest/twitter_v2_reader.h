#pragma once

#include <memory>

#include "ingest/reader.h"

namespace leaktrace {

// Twitter API v2: response pages (data + includes.users/tweets) and twarc2 flattened lines.
class TwitterV2Reader final : public Reader {
 public:
  TwitterV2Reader();
  ~TwitterV2Reader() override;
  Format format() const override;
  void read(std::string_view json, std::uint64_t first_line, RecordBatch& out) override;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace leaktrace
