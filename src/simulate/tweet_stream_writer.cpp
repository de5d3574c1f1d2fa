#include "simulate/tweet_stream_writer.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <memory>
#include <stdexcept>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <zstd.h>

namespace leaktrace::simulate {
namespace {

constexpr std::size_t lines_per_chunk = 256;  // about 1 MB of JSON: chunks stay in cache
constexpr int zstd_level = 1;

struct FileCloser {
  void operator()(std::FILE* file) const { std::fclose(file); }
};
struct ContextFreer {
  void operator()(ZSTD_CCtx* context) const { ZSTD_freeCCtx(context); }
};

}  // namespace

TweetStreamWriter::TweetStreamWriter(const TweetJsonWriter& tweets, const StreamPlan& plan, std::filesystem::path path,
                                     bool compress, int threads)
    : tweets_(tweets), plan_(plan), path_(std::move(path)), compress_(compress), threads_(std::max(1, threads)) {}

void TweetStreamWriter::render_chunk(std::size_t chunk, std::string& out, RenderCache& cache) const {
  const auto& lines = plan_.lines();
  const std::size_t begin = chunk * lines_per_chunk;
  const std::size_t end = std::min(lines.size(), begin + lines_per_chunk);
  std::string scratch;
  for (std::size_t i = begin; i < end; ++i) {
    const StreamLine& line = lines[i];
    const auto post = static_cast<std::uint32_t>(line.value);
    switch (line.kind) {
      case StreamLineKind::tweet:
      case StreamLineKind::duplicate:
        tweets_.append_tweet(out, post, cache);
        break;
      case StreamLineKind::deletion:
        tweets_.append_delete(out, post, line.time);
        break;
      case StreamLineKind::limit:
        tweets_.append_limit(out, line.value, line.time);
        break;
      case StreamLineKind::truncated: {
        // The collector died mid-write: the line stops somewhere in the middle of the tweet.
        scratch.clear();
        tweets_.append_tweet(scratch, post, cache);
        out.append(scratch, 0, scratch.size() * (40 + (i * 7919) % 45) / 100);
        out.push_back('\n');
        break;
      }
      case StreamLineKind::invalid_utf8: {
        // A byte that is not UTF-8 inside the text, as a broken proxy or a bad re-encoding leaves it.
        scratch.clear();
        tweets_.append_tweet(scratch, post, cache);
        std::size_t text = scratch.find("\"text\":\"");
        scratch.insert(text == std::string::npos ? scratch.size() / 2 : text + 8, "\xC3\x28\xFF");
        out += scratch;
        break;
      }
    }
  }
}

void TweetStreamWriter::run() {
  std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path_.c_str(), "wb"));
  if (!file) throw std::runtime_error(fmt::format("cannot write {}: check that the folder exists and is writable", path_.string()));
  const std::size_t chunks = (plan_.lines().size() + lines_per_chunk - 1) / lines_per_chunk;
  const std::size_t window = static_cast<std::size_t>(threads_) * 4;
  std::vector<std::string> rendered(window);
  // Raw buffers: a std::string would zero every byte of the compression bound on each resize.
  std::vector<std::unique_ptr<char[]>> compressed(window);
  std::vector<std::size_t> compressed_capacity(window, 0);
  std::vector<std::size_t> compressed_size(window, 0);
  std::vector<std::unique_ptr<ZSTD_CCtx, ContextFreer>> contexts;
  for (int t = 0; t < threads_; ++t) contexts.emplace_back(ZSTD_createCCtx());
  std::vector<RenderCache> caches(static_cast<std::size_t>(threads_));

  for (std::size_t first = 0; first < chunks; first += window) {
    const std::size_t count = std::min(window, chunks - first);
    std::atomic<std::size_t> next{0};
    auto work = [&](int worker) {
      for (std::size_t k = next++; k < count; k = next++) {
        std::string& text = rendered[k];
        text.clear();
        render_chunk(first + k, text, caches[static_cast<std::size_t>(worker)]);
        if (!compress_) continue;
        const std::size_t bound = ZSTD_compressBound(text.size());
        if (compressed_capacity[k] < bound) {
          compressed[k].reset(new char[bound]);
          compressed_capacity[k] = bound;
        }
        std::size_t size = ZSTD_compressCCtx(contexts[static_cast<std::size_t>(worker)].get(), compressed[k].get(),
                                             bound, text.data(), text.size(), zstd_level);
        if (ZSTD_isError(size)) throw std::runtime_error(fmt::format("zstd: {}", ZSTD_getErrorName(size)));
        compressed_size[k] = size;
      }
    };
    std::vector<std::thread> helpers;
    for (int t = 1; t < threads_; ++t) helpers.emplace_back(work, t);
    work(0);
    for (std::thread& helper : helpers) helper.join();
    for (std::size_t k = 0; k < count; ++k) {
      const char* bytes = compress_ ? compressed[k].get() : rendered[k].data();
      const std::size_t size = compress_ ? compressed_size[k] : rendered[k].size();
      json_bytes_ += rendered[k].size();
      file_bytes_ += size;
      if (std::fwrite(bytes, 1, size, file.get()) != size) {
        throw std::runtime_error(fmt::format("cannot write {}: the disk may be full", path_.string()));
      }
    }
  }
  if (std::fclose(file.release()) != 0) throw std::runtime_error(fmt::format("cannot finish writing {}", path_.string()));
  finished_ = true;
}

std::uint64_t TweetStreamWriter::json_bytes() const {
  if (!finished_) throw std::logic_error("the stream is not written yet: call TweetStreamWriter::run() first");
  return json_bytes_;
}

std::uint64_t TweetStreamWriter::file_bytes() const {
  if (!finished_) throw std::logic_error("the stream is not written yet: call TweetStreamWriter::run() first");
  return file_bytes_;
}

}  // namespace leaktrace::simulate
