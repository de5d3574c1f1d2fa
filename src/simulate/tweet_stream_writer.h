#pragma once

#include <cstdint>
#include <filesystem>

#include "simulate/stream_plan.h"
#include "simulate/stream_text.h"
#include "simulate/tweet_json.h"

namespace leaktrace::simulate {

// How the tweet file is written.
enum class TweetFileCoding : unsigned char {
  plain,
  // zstd from the repeats the renderer knows (ZSTD_compressSequences): no search for matches.
  zstd_known_repeats,
  // zstd level 1 searching the bytes itself, as the zstd tool would.
  zstd_search,
};

// The coding `compress` asks for on this machine: known repeats when the zstd library at run time
// is the one the simulator was built with, zstd_search otherwise.
TweetFileCoding default_coding(bool compress);

// Writes the planned lines to one file. Lines are rendered (and compressed) in fixed chunks on
// several threads and written in order; each chunk is its own zstd frame, so the bytes are the same
// whatever the number of threads.
class TweetStreamWriter {
 public:
  TweetStreamWriter(const TweetJsonWriter& tweets, const StreamPlan& plan, std::filesystem::path path,
                    TweetFileCoding coding, int threads);
  void run();
  std::uint64_t json_bytes() const;  // before compression
  std::uint64_t file_bytes() const;

  // About 4.5 MB of JSON: a frame that holds more lines finds more of their repeats in itself
  // (9.9x smaller with 256 lines, 11.6x with 1024, at the same speed).
  static constexpr std::size_t lines_per_chunk = 1024;

 private:
  void render_chunk(std::size_t chunk, StreamText& out, RenderCache& cache) const;

  const TweetJsonWriter& tweets_;
  const StreamPlan& plan_;
  std::filesystem::path path_;
  TweetFileCoding coding_;
  int threads_;
  std::uint64_t json_bytes_ = 0;
  std::uint64_t file_bytes_ = 0;
  bool finished_ = false;
};

}  // namespace leaktrace::simulate
