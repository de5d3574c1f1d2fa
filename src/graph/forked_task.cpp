#include "graph/forked_task.h"

#include <cerrno>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <sys/wait.h>
#include <unistd.h>

namespace leaktrace {
namespace {

bool write_all(int fd, const char* data, std::size_t size) {
  while (size > 0) {
    ssize_t wrote = ::write(fd, data, size);
    if (wrote < 0 && errno == EINTR) continue;
    if (wrote <= 0) return false;
    data += wrote;
    size -= static_cast<std::size_t>(wrote);
  }
  return true;
}

bool read_all(int fd, char* data, std::size_t size) {
  while (size > 0) {
    ssize_t got = ::read(fd, data, size);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return false;
    data += got;
    size -= static_cast<std::size_t>(got);
  }
  return true;
}

}  // namespace

ForkedTask::ForkedTask(const std::function<std::string()>& work) {
  int pipe_ends[2];
  if (::pipe(pipe_ends) != 0) return;
  std::fflush(nullptr);
  child_ = ::fork();
  if (child_ < 0) {
    ::close(pipe_ends[0]);
    ::close(pipe_ends[1]);
    return;
  }
  if (child_ == 0) {
    ::close(pipe_ends[0]);
    try {
      const std::string result = work();
      const std::uint64_t size = result.size();
      bool sent = write_all(pipe_ends[1], reinterpret_cast<const char*>(&size), sizeof size) &&
                  write_all(pipe_ends[1], result.data(), result.size());
      ::_exit(sent ? 0 : 1);
    } catch (...) {
      ::_exit(1);
    }
  }
  ::close(pipe_ends[1]);
  from_child_ = pipe_ends[0];
}

ForkedTask::~ForkedTask() {
  if (started() && !reaped_) reap(true);
}

void ForkedTask::reap(bool kill_it) {
  if (kill_it) ::kill(child_, SIGKILL);
  int status = 0;
  while (::waitpid(child_, &status, 0) < 0 && errno == EINTR) {
  }
  ::close(from_child_);
  reaped_ = true;
  succeeded_ = WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

std::optional<std::string> ForkedTask::wait() {
  if (!started() || reaped_) return std::nullopt;
  std::uint64_t size = 0;
  std::string result;
  bool received = read_all(from_child_, reinterpret_cast<char*>(&size), sizeof size);
  if (received) {
    result.resize(size);
    received = read_all(from_child_, result.data(), size);
  }
  reap(!received);
  if (!received || !succeeded_) return std::nullopt;
  return result;
}

}  // namespace leaktrace
