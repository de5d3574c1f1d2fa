// libFuzzer target: the Twitter v1 reader must never crash, hang or throw on any input.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <simdjson.h>

#include "ingest/twitter_v1_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static leaktrace::TwitterV1Reader reader;  // reused like in the ingest loop: one parser per thread
  simdjson::padded_string padded(reinterpret_cast<const char*>(data), size);
  leaktrace::RecordBatch batch;
  reader.read(std::string_view(padded.data(), padded.size()), 1, batch);
  for (const leaktrace::Post& post : batch.posts) {
    if (post.id.empty() || post.author_id.empty()) __builtin_trap();  // only keyed posts leave a reader
  }
  return 0;
}
