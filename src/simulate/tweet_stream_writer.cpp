#include "simulate/tweet_stream_writer.h"

#include <algorithm>
#include <condition_variable>
#include <cstdio>
#include <exception>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

#include <fmt/format.h>
#define ZSTD_STATIC_LINKING_ONLY  // ZSTD_compressSequences
#include <zstd.h>

#include "simulate/zstd_output.h"

namespace leaktrace::simulate {
namespace {

constexpr int zstd_level = 1;  // for known repeats: the strength of the entropy coding alone
// 8 MiB: above any chunk and any repeat's distance, so every frame is a single segment.
constexpr int zstd_window_log = 23;
static_assert(StreamText::max_distance < (std::size_t{1} << zstd_window_log));
static_assert(StreamText::min_repeat >= ZSTD_MINMATCH_MIN && StreamText::min_repeat <= ZSTD_MINMATCH_MAX);
constexpr std::size_t chunks_in_flight_per_thread = 3;

ZstdContext make_context(TweetFileCoding coding) {
  ZstdContext context = make_zstd_context(zstd_level);
  if (coding == TweetFileCoding::zstd_known_repeats) {
    set_zstd_parameter(context.get(), ZSTD_c_windowLog, zstd_window_log);
    // The API asks for a minimum match no longer than the shortest sequence given.
    set_zstd_parameter(context.get(), ZSTD_c_minMatch, static_cast<int>(StreamText::min_repeat));
    set_zstd_parameter(context.get(), ZSTD_c_blockDelimiters, ZSTD_sf_noBlockDelimiters);
  }
  return context;
}

// A chunk on its way to the file: rendered and coded by a worker, written by the main thread.
struct ChunkOutput {
  std::unique_ptr<char[]> bytes;  // raw: a std::string would zero every byte of the bound on resize
  std::size_t capacity = 0;
  std::size_t size = 0;
  std::size_t json_bytes = 0;
  std::size_t chunk = SIZE_MAX;  // the chunk it holds once coded
  void reserve(std::size_t bound) {
    if (capacity >= bound) return;
    bytes.reset(new char[bound]);
    capacity = bound;
  }
};

}  // namespace

TweetFileCoding default_coding(bool compress) {
  if (!compress) return TweetFileCoding::plain;
  // ZSTD_compressSequences is experimental API: its ABI may change between versions.
  return ZSTD_versionNumber() == ZSTD_VERSION_NUMBER ? TweetFileCoding::zstd_known_repeats
                                                     : TweetFileCoding::zstd_search;
}

TweetStreamWriter::TweetStreamWriter(const TweetJsonWriter& tweets, const StreamPlan& plan, std::filesystem::path path,
                                     TweetFileCoding coding, int threads)
    : tweets_(tweets), plan_(plan), path_(std::move(path)), coding_(coding), threads_(std::max(1, threads)) {}

void TweetStreamWriter::render_chunk(std::size_t chunk, StreamText& out, RenderCache& cache) const {
  const auto& lines = plan_.lines();
  const std::size_t begin = chunk * lines_per_chunk;
  const std::size_t end = std::min(lines.size(), begin + lines_per_chunk);
  StreamText scratch(StreamText::Mode::recording);
  constexpr std::size_t slots_ahead = 8, json_ahead = 3;
  auto is_tweet = [](const StreamLine& line) { return line.kind != StreamLineKind::limit; };
  for (std::size_t i = begin; i < end; ++i) {
    const StreamLine& line = lines[i];
    const auto post = static_cast<std::uint32_t>(line.value);
    if (i + slots_ahead < end && is_tweet(lines[i + slots_ahead])) {
      tweets_.prefetch_slots(static_cast<std::uint32_t>(lines[i + slots_ahead].value), cache);
    }
    if (i + json_ahead < end && is_tweet(lines[i + json_ahead])) {
      tweets_.prefetch_json(static_cast<std::uint32_t>(lines[i + json_ahead].value), cache);
    }
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
        const std::string_view whole = scratch.text();
        out.append(whole.substr(0, whole.size() * (40 + (i * 7919) % 45) / 100));
        out.push_back('\n');
        break;
      }
      case StreamLineKind::invalid_utf8: {
        // A byte that is not UTF-8 inside the text, as a broken proxy or a bad re-encoding leaves it.
        scratch.clear();
        tweets_.append_tweet(scratch, post, cache);
        std::string broken(scratch.text());
        std::size_t text = broken.find("\"text\":\"");
        broken.insert(text == std::string::npos ? broken.size() / 2 : text + 8, "\xC3\x28\xFF");
        out.append(broken);
        break;
      }
    }
  }
}

void TweetStreamWriter::run() {
  OutputFile file(std::fopen(path_.c_str(), "wb"));
  if (!file) throw std::runtime_error(fmt::format("cannot write {}: check that the folder exists and is writable", path_.string()));
  const std::size_t chunks = (plan_.lines().size() + lines_per_chunk - 1) / lines_per_chunk;
  const std::size_t workers = static_cast<std::size_t>(threads_);
  std::vector<ChunkOutput> outputs(workers * chunks_in_flight_per_thread);

  // Workers take chunks in order; chunk k goes to output slot k % slots once chunk k - slots is
  // written. The main thread writes the slots in chunk order.
  std::mutex mutex;
  std::condition_variable slot_free, chunk_ready;
  std::size_t next_chunk = 0;
  std::size_t written = 0;
  std::exception_ptr failure;

  auto work = [&] {
    try {
      RenderCache cache;
      StreamText frame(StreamText::Mode::frame);
      std::vector<ZSTD_Sequence> sequences;
      ZstdContext context = coding_ == TweetFileCoding::plain ? ZstdContext() : make_context(coding_);
      for (;;) {
        std::size_t chunk;
        ChunkOutput* output;
        {
          std::unique_lock lock(mutex);
          if (failure || next_chunk >= chunks) return;
          chunk = next_chunk++;
          output = &outputs[chunk % outputs.size()];
          // The slot is free once the chunk that used it before (chunk - slots) is written.
          slot_free.wait(lock, [&] { return failure || written + outputs.size() > chunk; });
          if (failure) return;
        }
        frame.clear();
        render_chunk(chunk, frame, cache);
        const std::string_view text = frame.text();
        output->json_bytes = text.size();
        if (coding_ == TweetFileCoding::plain) {
          output->reserve(text.size());
          std::copy(text.begin(), text.end(), output->bytes.get());
          output->size = text.size();
        } else {
          const std::size_t bound = ZSTD_compressBound(text.size());
          output->reserve(bound);
          std::size_t size;
          if (coding_ == TweetFileCoding::zstd_known_repeats) {
            frame.finish_repeats();
            sequences.clear();
            for (const KnownRepeat& repeat : frame.repeats()) {
              sequences.push_back({repeat.distance, repeat.literals, repeat.length, 0});
            }
            size = ZSTD_compressSequences(context.get(), output->bytes.get(), bound, sequences.data(),
                                          sequences.size(), text.data(), text.size());
          } else {
            size = ZSTD_compress2(context.get(), output->bytes.get(), bound, text.data(), text.size());
          }
          if (ZSTD_isError(size)) throw std::runtime_error(fmt::format("zstd: {}", ZSTD_getErrorName(size)));
          output->size = size;
        }
        {
          std::lock_guard lock(mutex);
          output->chunk = chunk;
        }
        chunk_ready.notify_all();
      }
    } catch (...) {
      {
        std::lock_guard lock(mutex);
        if (!failure) failure = std::current_exception();
      }
      slot_free.notify_all();
      chunk_ready.notify_all();
    }
  };

  std::vector<std::thread> pool;
  for (std::size_t t = 0; t < workers; ++t) pool.emplace_back(work);
  try {
    while (written < chunks) {
      ChunkOutput& output = outputs[written % outputs.size()];
      {
        std::unique_lock lock(mutex);
        chunk_ready.wait(lock, [&] { return failure || output.chunk == written; });
        if (failure) break;
      }
      json_bytes_ += output.json_bytes;
      file_bytes_ += output.size;
      if (std::fwrite(output.bytes.get(), 1, output.size, file.get()) != output.size) {
        throw std::runtime_error(fmt::format("cannot write {}: the disk may be full", path_.string()));
      }
      {
        std::lock_guard lock(mutex);
        ++written;
      }
      slot_free.notify_all();
    }
  } catch (...) {
    {
      std::lock_guard lock(mutex);
      if (!failure) failure = std::current_exception();
    }
    slot_free.notify_all();
  }
  for (std::thread& thread : pool) thread.join();
  if (failure) std::rethrow_exception(failure);
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
