#pragma once

#include <cstdint>
#include <filesystem>

#include "simulate/stream_plan.h"
#include "simulate/tweet_json.h"

namespace leaktrace::simulate {

// Writes the planned lines to one file, plain or zstd. Lines are rendered and compressed in
// fixed chunks on several threads and written in order; each chunk is its own zstd frame, so the
// bytes are the same whatever the number of threads.
class TweetStreamWriter {
 public:
  TweetStreamWriter(const TweetJsonWriter& tweets, const StreamPlan& plan, std::filesystem::path path, bool compress,
                    int threads);
  void run();
  std::uint64_t json_bytes() const;  // before compression
  std::uint64_t file_bytes() const;

 private:
  void render_chunk(std::size_t chunk, std::string& out, RenderCache& cache) const;

  const TweetJsonWriter& tweets_;
  const StreamPlan& plan_;
  std::filesystem::path path_;
  bool compress_;
  int threads_;
  std::uint64_t json_bytes_ = 0;
  std::uint64_t file_bytes_ = 0;
  bool finished_ = false;
};

}  // namespace leaktrace::simulate
