#pragma once

#include <memory>

#include "ingest/reader.h"

namespace leaktrace {

// Pastebin scraping-API records: one JSON object per line, "content" optional.
class PastebinReader final : public Reader {
 public:
  PastebinReader();
  ~PastebinReader() override;
  Format format() const override;
  void read(std::string_view json, std::uint64_t first_line, RecordBatch& out) override;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace leaktrace
