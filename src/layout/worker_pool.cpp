#include "layout/worker_pool.h"

#include <algorithm>

namespace leaktrace {

WorkerPool::WorkerPool(unsigned threads) {
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  workers_.reserve(threads - 1);
  for (unsigned t = 1; t < threads; ++t) workers_.emplace_back([this] { work(); });
}

WorkerPool::~WorkerPool() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  start_.notify_all();
  for (std::thread& worker : workers_) worker.join();
}

void WorkerPool::drain() {
  const auto& body = *body_;
  for (std::size_t chunk = next_chunk_.fetch_add(1); chunk < chunk_count_; chunk = next_chunk_.fetch_add(1)) {
    body(chunk);
  }
}

void WorkerPool::for_each_chunk(std::size_t chunk_count, const std::function<void(std::size_t)>& body) {
  if (workers_.empty() || chunk_count <= 1) {
    for (std::size_t chunk = 0; chunk < chunk_count; ++chunk) body(chunk);
    return;
  }
  {
    std::lock_guard lock(mutex_);
    body_ = &body;
    chunk_count_ = chunk_count;
    next_chunk_.store(0);
    busy_ = static_cast<unsigned>(workers_.size());
    ++generation_;
  }
  start_.notify_all();
  drain();
  std::unique_lock lock(mutex_);
  done_.wait(lock, [this] { return busy_ == 0; });
  body_ = nullptr;
}

void WorkerPool::work() {
  std::size_t seen = 0;
  for (;;) {
    {
      std::unique_lock lock(mutex_);
      start_.wait(lock, [&] { return stopping_ || generation_ != seen; });
      if (stopping_) return;
      seen = generation_;
    }
    drain();
    {
      std::lock_guard lock(mutex_);
      --busy_;
    }
    done_.notify_one();
  }
}

}  // namespace leaktrace
