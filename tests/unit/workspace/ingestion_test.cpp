#include "workspace/ingestion.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "unit/test_files.h"
#include "workspace/workspace.h"

namespace leaktrace {
namespace {

using testing::TempDir;

std::string fixture(const std::string& name) { return std::string(LEAKTRACE_TEST_FIXTURES) + "/" + name; }

std::string tweet_line(int id, int author) {
  return R"({"created_at":"Fri May 05 20:49:00 +0000 2017","id_str":")" + std::to_string(id) +
         R"(","text":"post )" + std::to_string(id) + R"( #MacronLeaks","user":{"id_str":")" + std::to_string(author) +
         R"(","screen_name":"u)" + std::to_string(author) +
         R"("},"entities":{"hashtags":[{"text":"MacronLeaks"}],"urls":[],"user_mentions":[]}})";
}

// Every row of the content tables, in a stable order, ids replaced by natural keys.
std::string dump(Workspace& workspace) {
  std::string out;
  for (const char* sql :
       {"SELECT p.platform, p.native_id, a.native_id, p.kind, coalesce(p.parent_native_id, ''), p.created_at, p.text, "
        "p.line FROM posts p JOIN accounts a ON a.id = p.account_id ORDER BY p.platform, p.native_id",
        "SELECT platform, native_id, coalesce(handle, ''), authored FROM accounts ORDER BY platform, native_id",
        "SELECT p.native_id, h.tag FROM post_hashtags ph JOIN posts p ON p.id = ph.post_id JOIN hashtags h ON h.id = "
        "ph.hashtag_id ORDER BY 1, 2",
        "SELECT line, reason FROM rejected ORDER BY line", "SELECT path, status, sha256 FROM input_files ORDER BY id"}) {
    auto statement = workspace.database().prepare(sql);
    while (statement.step()) {
      for (int column = 0; column < 8; ++column) {
        out += std::string(statement.column_text(column)) + "|";
      }
      out += "\n";
    }
  }
  return out;
}

TEST(Ingestion, ReadsSeveralFormatsAndReportsEachFile) {
  TempDir dir;
  auto workspace = Workspace::open_for_writing(dir.file("w.db"));
  std::string unknown = dir.write("people.csv", "name,handle\n");
  Ingestion ingestion(workspace, {fixture("stream-v1.jsonl"), unknown, fixture("paste.jsonl")}, {});
  ingestion.run();
  const auto& files = ingestion.files();
  ASSERT_EQ(files.size(), 3u);
  EXPECT_EQ(files[0].format, "twitter-v1");
  EXPECT_EQ(files[0].counts.posts_new, 3u);
  EXPECT_EQ(files[0].counts.rejected, 3u);
  EXPECT_EQ(files[0].lines, 9u);
  EXPECT_TRUE(files[0].complete);
  EXPECT_EQ(files[0].sha256.size(), 64u);
  EXPECT_TRUE(files[1].format.empty());
  EXPECT_NE(files[1].error.find("--format"), std::string::npos);
  EXPECT_EQ(files[2].format, "pastebin");
  EXPECT_EQ(ingestion.totals().posts_new, 4u);
}

TEST(Ingestion, InterruptedRunCompletesOnReRunWithTheSameContent) {
  TempDir dir;
  std::string text;
  for (int i = 1; i <= 5000; ++i) text += (i % 1000 == 500 ? std::string("{broken") : tweet_line(i, i % 97)) + "\n";
  std::string input = dir.write("big.jsonl", text);

  IngestOptions options;
  options.stream.batch_posts = 200;
  options.posts_per_transaction = 400;

  auto reference = Workspace::open_for_writing(dir.file("reference.db"));
  Ingestion(reference, {input}, options).run();

  auto resumed = Workspace::open_for_writing(dir.file("resumed.db"));
  {
    std::atomic<bool> stop{false};
    Ingestion first(resumed, {input}, options);
    first.set_stop_flag(&stop);
    first.set_progress_handler([&](const IngestProgress& progress) {
      if (progress.posts_read >= 1000) stop.store(true);
    });
    first.run();
    EXPECT_TRUE(first.interrupted());
    EXPECT_FALSE(first.files()[0].complete);
    auto partial = resumed.database().prepare("SELECT count(*), (SELECT status FROM input_files) FROM posts");
    partial.step();
    EXPECT_GT(partial.column_int(0), 0);
    EXPECT_LT(partial.column_int(0), 4995);
    EXPECT_EQ(partial.column_text(1), "partial");
  }
  Ingestion second(resumed, {input}, options);
  second.run();
  EXPECT_TRUE(second.files()[0].complete);
  EXPECT_EQ(dump(resumed), dump(reference));
}

// Profile updates of stored accounts wait for the end of the file, over many commits; authorship
// does not. Killed after accounts that were only mentioned began to author posts, and after their
// profiles changed (a description in every third post), a re-run in small batches and
// transactions ends with the same rows as one batch and one transaction.
TEST(Ingestion, ProfilesAndAuthorshipWrittenAfterAnInterruptionAsWithout) {
  TempDir dir;
  std::string text;
  for (int i = 1; i <= 5000; ++i) {
    const int author = i > 2500 && i % 2 == 0 ? 900 + i % 40 : i % 97;
    const int mentioned = 900 + i % 40;
    text += R"({"created_at":"Fri May 05 20:)" + std::to_string(10 + i / 100) + ":" + std::to_string(10 + i % 50) +
            R"( +0000 2017","id_str":")" + std::to_string(i) + R"(","text":"post","user":{"id_str":")" +
            std::to_string(author) + R"(","screen_name":"u)" + std::to_string(author) + R"(","followers_count":)" +
            std::to_string(i) + (i % 3 == 0 ? R"(,"description":"bio )" + std::to_string(i) + "\"" : "") +
            R"(},"entities":{"hashtags":[],"urls":[],"user_mentions":[{"id_str":")" +
            std::to_string(mentioned) + R"(","screen_name":"u)" + std::to_string(mentioned) + "\"}]}}\n";
  }
  std::string input = dir.write("profiles.jsonl", text);
  IngestOptions options;
  options.stream.batch_posts = 200;
  options.posts_per_transaction = 400;
  const char* accounts_sql =
      "SELECT native_id, handle, followers, authored, first_seen, last_seen, observed_at, description FROM accounts "
      "ORDER BY native_id";
  auto rows = [&](Workspace& workspace) {
    std::string out;
    auto statement = workspace.database().prepare(accounts_sql);
    while (statement.step()) {
      for (int column = 0; column < 8; ++column) out += std::string(statement.column_text(column)) + "|";
      out += "\n";
    }
    return out;
  };

  // The reference reads it in one batch and one transaction.
  auto reference = Workspace::open_for_writing(dir.file("reference.db"));
  Ingestion(reference, {input}, {}).run();
  // Killed, not stopped: a stop finishes the file's rows, a kill leaves only what was committed.
  // The ingest runs in a child process (this one has no other thread when it forks).
  const std::string killed = dir.file("killed.db");
  pid_t child = fork();
  if (child == 0) {
    auto workspace = Workspace::open_for_writing(killed);
    Ingestion first(workspace, {input}, options);
    first.set_progress_handler([&](const IngestProgress& progress) {
      if (progress.posts_read >= 4000) raise(SIGKILL);
    });
    first.run();
    _exit(0);
  }
  int status = 0;
  waitpid(child, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the child ingest was to be killed halfway";
  auto resumed = Workspace::open_for_writing(killed);
  SqliteDatabase& database = resumed.database();
  auto authors = database.prepare("SELECT count(*) FROM accounts WHERE authored = 1 AND CAST(native_id AS INTEGER) >= 900");
  authors.step();
  EXPECT_EQ(authors.column_int(0), 20) << "mentioned accounts (900 + an even number) that then authored committed posts";
  Ingestion second(resumed, {input}, options);
  second.run();
  EXPECT_EQ(rows(resumed), rows(reference));
  auto followers = reference.database().prepare("SELECT followers FROM accounts WHERE native_id = '96'");
  ASSERT_TRUE(followers.step());
  EXPECT_EQ(followers.column_int(0), 4849) << "the latest profile of the account, by time, then by place";
}

TEST(Ingestion, NeedsInputFiles) {
  TempDir dir;
  auto workspace = Workspace::open_for_writing(dir.file("w.db"));
  EXPECT_THROW(Ingestion(workspace, {}, {}), std::invalid_argument);
}

TEST(Ingestion, ResultsRefusedBeforeRun) {
  TempDir dir;
  auto workspace = Workspace::open_for_writing(dir.file("w.db"));
  Ingestion ingestion(workspace, {fixture("paste.jsonl")}, {});
  EXPECT_THROW(ingestion.files(), std::logic_error);
}

}  // namespace
}  // namespace leaktrace
