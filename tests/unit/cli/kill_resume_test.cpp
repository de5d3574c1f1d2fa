// A killed ingest (SIGKILL, no chance to clean up) re-runs to the same workspace content as an
// uninterrupted one: nothing lost, nothing twice.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include <gtest/gtest.h>

#include "unit/test_files.h"
#include "workspace/workspace.h"

namespace leaktrace {
namespace {

using testing::TempDir;

pid_t spawn_ingest(const std::string& workspace, const std::string& input) {
  pid_t pid = fork();
  if (pid == 0) {
    execl(LEAKTRACE_BINARY, LEAKTRACE_BINARY, "ingest", "-q", "--commit-every", "300", "-w", workspace.c_str(),
          input.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  return pid;
}

int wait_for(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return status;
}

std::int64_t committed_posts(const std::string& path) {
  try {
    // As `leaktrace info` opens it: after a kill, the rollback journal is played back first.
    auto workspace = Workspace::open_for_reading(path);
    auto statement = workspace.database().prepare("SELECT count(*) FROM posts");
    statement.step();
    return statement.column_int(0);
  } catch (const std::exception&) {
    return 0;  // not created yet
  }
}

std::string dump(const std::string& path) {
  auto workspace = Workspace::open_for_reading(path);
  std::string out;
  for (const char* sql :
       {"SELECT p.native_id, a.native_id, p.kind, coalesce(p.parent_native_id, ''), p.text, p.line FROM posts p JOIN "
        "accounts a ON a.id = p.account_id ORDER BY p.native_id",
        "SELECT native_id, coalesce(handle, ''), coalesce(followers, -1), authored, first_seen, last_seen FROM accounts "
        "ORDER BY native_id",
        "SELECT p.native_id, u.canonical FROM post_urls pu JOIN posts p ON p.id = pu.post_id JOIN urls u ON u.id = "
        "pu.url_id ORDER BY 1, 2",
        "SELECT line, reason FROM rejected ORDER BY line", "SELECT status, sha256, lines, posts_new, rejected FROM input_files"}) {
    auto statement = workspace.database().prepare(sql);
    while (statement.step()) {
      for (int column = 0; column < 6; ++column) out += std::string(statement.column_text(column)) + "|";
      out += "\n";
    }
  }
  return out;
}

TEST(KillResume, KilledIngestReRunsToTheSameContent) {
  TempDir dir;
  std::string text;
  for (int i = 1; i <= 40000; ++i) {
    if (i % 5000 == 0) {
      text += "{\"created_at\": broken\n";
      continue;
    }
    // Accounts 5000..5199 are only mentioned in the first half, then author posts too: their rows
    // exist before they are authors. Profiles and times change with every post.
    std::string author = std::to_string(i > 20000 && i % 2 == 0 ? 5000 + i % 200 : i % 331);
    std::string mentioned = std::to_string(5000 + i % 200);
    text += R"({"created_at":"Fri May 05 20:)" + std::to_string(10 + i / 1000) + ":" + std::to_string(10 + i % 50) +
            R"( +0000 2017","id_str":")" + std::to_string(1000000 + i) +
            R"(","text":"post )" + std::to_string(i) + R"(","user":{"id_str":")" + author +
            R"(","screen_name":"u)" + author + R"(","followers_count":)" + std::to_string(i) +
            R"(},"entities":{"hashtags":[],"urls":[{"expanded_url":"https://example.org/)" + std::to_string(i % 50) +
            R"("}],"user_mentions":[{"id_str":")" + mentioned + R"(","screen_name":"u)" + mentioned + R"("}]}})" +
            "\n";
  }
  std::string input = dir.write("stream.jsonl", text);

  std::string reference = dir.file("reference.db");
  ASSERT_EQ(WEXITSTATUS(wait_for(spawn_ingest(reference, input))), 0);

  std::string killed = dir.file("killed.db");
  pid_t pid = spawn_ingest(killed, input);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (committed_posts(killed) == 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  kill(pid, SIGKILL);
  int status = wait_for(pid);
  std::int64_t before_resume = committed_posts(killed);
  if (!WIFSIGNALED(status)) {
    GTEST_SKIP() << "the ingest finished before it could be killed (" << before_resume << " posts); nothing to resume";
  }
  EXPECT_GT(before_resume, 0);
  EXPECT_LT(before_resume, 39992);

  ASSERT_EQ(WEXITSTATUS(wait_for(spawn_ingest(killed, input))), 0);
  EXPECT_EQ(dump(killed), dump(reference));
}

}  // namespace
}  // namespace leaktrace
