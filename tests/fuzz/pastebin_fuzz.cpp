// libFuzzer target: the Pastebin reader on arbitrary bytes must never crash, throw or read out of
// bounds.
#include <simdjson.h>

#include <cstddef>
#include <cstdint>
#include <vector>

#include "ingest/pastebin_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // Readers may read SIMDJSON_PADDING bytes past the text: give them a padded copy.
  std::vector<char> buffer(size + simdjson::SIMDJSON_PADDING, ' ');
  std::copy(data, data + size, buffer.begin());
  static leaktrace::PastebinReader reader;
  leaktrace::RecordBatch batch;
  reader.read(std::string_view(buffer.data(), size), 1, batch);
  for (const leaktrace::Post& post : batch.posts) {
    if (post.id.empty() || post.author_id.empty()) __builtin_trap();
  }
  return 0;
}
