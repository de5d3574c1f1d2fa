#include "ingest/reader.h"

#include "ingest/fourchan_reader.h"
#include "ingest/pastebin_reader.h"
#include "ingest/twitter_v1_reader.h"
#include "ingest/twitter_v2_reader.h"

namespace leaktrace {

std::unique_ptr<Reader> make_reader(Format format, const ReaderOptions& options) {
  switch (format) {
    case Format::twitter_v1: return std::make_unique<TwitterV1Reader>();
    case Format::twitter_v2: return std::make_unique<TwitterV2Reader>();
    case Format::fourchan: return std::make_unique<FourchanReader>(options);
    case Format::pastebin: return std::make_unique<PastebinReader>();
  }
  return nullptr;
}

}  // namespace leaktrace
