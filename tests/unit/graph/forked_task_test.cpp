#include "graph/forked_task.h"

#include <gtest/gtest.h>

#include <chrono>
#include <stdexcept>
#include <thread>

namespace leaktrace {
namespace {

TEST(ForkedTask, TheCopysBytesComeBackWhole) {
  const std::string expected(5'000'000, 'x');  // far more than a pipe holds at once
  ForkedTask task([&] { return expected + "end"; });
  ASSERT_TRUE(task.started());
  std::optional<std::string> got = task.wait();
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(got->size(), expected.size() + 3);
  EXPECT_EQ(got->substr(got->size() - 3), "end");
  EXPECT_FALSE(task.wait().has_value()) << "a copy gives its result once";
}

TEST(ForkedTask, ACopyThatThrowsGivesNothingSoTheCallerDoesTheWork) {
  ForkedTask task([]() -> std::string { throw std::runtime_error("out of memory"); });
  ASSERT_TRUE(task.started());
  EXPECT_FALSE(task.wait().has_value());
}

TEST(ForkedTask, ACopyNotWaitedForIsStoppedWithItsOwner) {
  const auto start = std::chrono::steady_clock::now();
  {
    ForkedTask task([] {
      std::this_thread::sleep_for(std::chrono::minutes(10));
      return std::string("too late");
    });
    ASSERT_TRUE(task.started());
  }
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::minutes(1)) << "the destructor kills the copy, not waits";
}

}  // namespace
}  // namespace leaktrace
