#pragma once

#include <functional>
#include <optional>
#include <string>
#include <sys/types.h>

namespace leaktrace {

// Work done in a forked copy of this process, its result sent back as bytes through a pipe. igraph
// 0.10 as Debian builds it is not thread-safe (IGRAPH_THREAD_SAFE is 0), so this is how leaktrace
// puts igraph on the second core: the copy shares this process's memory until either writes to it.
class ForkedTask {
 public:
  // Starts `work` in the copy; when the copy cannot be made, starts nothing (wait() says so).
  explicit ForkedTask(const std::function<std::string()>& work);
  ~ForkedTask();  // kills and reaps a copy not waited for
  ForkedTask(const ForkedTask&) = delete;
  ForkedTask& operator=(const ForkedTask&) = delete;

  bool started() const { return child_ > 0; }
  // The copy's bytes, or nothing when it was not started or failed: the caller then does the work
  // itself. Waits for the copy to finish.
  std::optional<std::string> wait();

 private:
  void reap(bool kill_it);

  pid_t child_ = -1;
  int from_child_ = -1;
  bool reaped_ = false;
  bool succeeded_ = false;
};

}  // namespace leaktrace
