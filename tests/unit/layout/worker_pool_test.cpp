#include "layout/worker_pool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <vector>

namespace leaktrace {
namespace {

TEST(WorkerPool, RunsEveryChunkOnceAcrossManyRounds) {
  for (unsigned threads : {1u, 2u, 4u}) {
    WorkerPool pool(threads);
    EXPECT_EQ(pool.thread_count(), threads);
    for (int round = 0; round < 200; ++round) {
      std::vector<std::atomic<int>> hits(37);
      pool.for_each_chunk(hits.size(), [&](std::size_t chunk) { hits[chunk].fetch_add(1); });
      for (const auto& h : hits) ASSERT_EQ(h.load(), 1) << "threads " << threads << " round " << round;
    }
    pool.for_each_chunk(0, [](std::size_t) { FAIL(); });
  }
}

}  // namespace
}  // namespace leaktrace
