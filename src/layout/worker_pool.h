#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace leaktrace {

// A fixed set of threads that run the chunks of one parallel loop at a time; the calling thread
// works too. Chunks are handed out dynamically, so the caller gets deterministic results only when
// each chunk writes its own slots (which is how the layout uses it).
class WorkerPool {
 public:
  // 0 means one per hardware thread.
  explicit WorkerPool(unsigned threads);
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  unsigned thread_count() const { return static_cast<unsigned>(workers_.size()) + 1; }

  // Calls body(chunk) for every chunk in [0, chunk_count) and returns when all are done.
  void for_each_chunk(std::size_t chunk_count, const std::function<void(std::size_t)>& body);

 private:
  void work();
  void drain();

  std::vector<std::thread> workers_;
  std::mutex mutex_;
  std::condition_variable start_;
  std::condition_variable done_;
  const std::function<void(std::size_t)>* body_ = nullptr;
  std::size_t chunk_count_ = 0;
  std::atomic<std::size_t> next_chunk_{0};
  std::size_t generation_ = 0;
  unsigned busy_ = 0;
  bool stopping_ = false;
};

}  // namespace leaktrace
