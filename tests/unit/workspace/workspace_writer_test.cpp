#include "workspace/workspace_writer.h"

#include <gtest/gtest.h>

#include "unit/test_files.h"
#include "workspace/workspace.h"

namespace leaktrace {
namespace {

using testing::TempDir;

std::int64_t count(Workspace& workspace, const std::string& sql) {
  auto statement = workspace.database().prepare(sql);
  statement.step();
  return statement.column_int(0);
}

std::string text(Workspace& workspace, const std::string& sql) {
  auto statement = workspace.database().prepare(sql);
  if (!statement.step()) return "<no row>";
  return std::string(statement.column_text(0));
}

Post tweet(const std::string& id, const std::string& author, TimeMs time) {
  Post post;
  post.platform = Platform::twitter;
  post.id = id;
  post.author_id = author;
  post.created_at = time;
  post.text = "text of " + id;
  post.provenance.line = 1;
  return post;
}

Account profile(const std::string& id, const std::string& handle, TimeMs observed, std::int64_t followers) {
  Account account;
  account.platform = Platform::twitter;
  account.id = id;
  account.handle = handle;
  account.followers = followers;
  account.observed_at = observed;
  return account;
}

InputFileIdentity identity(const std::string& path) { return {path, 100, 5, "twitter-v1", "none"}; }

// A little story: a 4chan post links a paste; a tweet links the 4chan post and mentions an account
// that never posts; a retweet embeds the tweet.
RecordBatch story() {
  RecordBatch batch;
  Post chan;
  chan.platform = Platform::fourchan;
  chan.id = "124205675";
  chan.author_id = "thread:124205675";
  chan.channel = "pol";
  chan.created_at = 1000;
  chan.urls.push_back({"https://pastebin.com/raw/Xy12AbCd", "https://pastebin.com/Xy12AbCd",
                       CitedPost{Platform::pastebin, "Xy12AbCd", ""}});
  batch.posts.push_back(chan);

  Post first = tweet("861", "1001", 2000);
  first.hashtags = {"macronleaks"};
  first.urls.push_back({"https://boards.4chan.org/pol/thread/124205675", "https://boards.4chan.org/pol/thread/124205675",
                        CitedPost{Platform::fourchan, "124205675", "pol"}});
  first.mentions.push_back({"1009", "onlooker"});
  batch.posts.push_back(first);
  batch.accounts.push_back(profile("1001", "first", 2000, 10));

  Post repost = tweet("862", "1002", 3000);
  repost.kind = PostKind::repost;
  repost.parent_id = "861";
  repost.hashtags = {"macronleaks", "élection"};
  batch.posts.push_back(repost);
  batch.accounts.push_back(profile("1002", "hub", 3000, 900000));
  Post embedded = first;
  embedded.embedded = true;
  batch.posts.push_back(embedded);
  batch.accounts.push_back(profile("1001", "first_renamed", 3000, 15));

  batch.rejections.push_back({4, "malformed JSON: broken"});
  batch.notices.push_back({NoticeKind::limit, 5, 2500, 17, ""});
  return batch;
}

TEST(WorkspaceWriter, StoresPostsAccountsAndLinks) {
  TempDir dir;
  auto workspace = Workspace::open_for_writing(dir.file("w.db"));
  {
    WorkspaceWriter writer(workspace);
    std::int64_t file = writer.begin_file(identity("a.jsonl"));
    AppendCounts counts = writer.append(story(), file);
    EXPECT_EQ(counts.posts_read, 4u);
    EXPECT_EQ(counts.posts_new, 3u);
    EXPECT_EQ(counts.rejected, 1u);
    EXPECT_EQ(counts.notices, 1u);
    writer.finish_file(file, "abc", 5, "complete");
  }
  EXPECT_EQ(count(workspace, "SELECT count(*) FROM posts"), 3);
  EXPECT_EQ(count(workspace, "SELECT count(*) FROM posts WHERE embedded = 1"), 0)
      << "a post seen first as itself stays a record of its own";
  EXPECT_EQ(text(workspace, "SELECT kind || ':' || parent_native_id FROM posts WHERE native_id = '862'"), "repost:861");
  EXPECT_EQ(count(workspace, "SELECT count(*) FROM accounts WHERE authored = 1"), 3);
  EXPECT_EQ(text(workspace, "SELECT handle FROM accounts WHERE native_id = '1009'"), "onlooker");
  EXPECT_EQ(count(workspace, "SELECT authored FROM accounts WHERE native_id = '1009'"), 0);
  EXPECT_EQ(count(workspace, "SELECT count(*) FROM hashtags"), 2);
  EXPECT_EQ(text(workspace, "SELECT group_concat(tag, ',') FROM (SELECT tag FROM hashtags ORDER BY tag)"),
            "macronleaks,élection");
  EXPECT_EQ(count(workspace, "SELECT count(*) FROM citations"), 2);
  EXPECT_EQ(count(workspace, "SELECT count(*) FROM resolved_citations"), 1) << "the paste is not in the workspace";
  EXPECT_EQ(text(workspace, "SELECT cited_channel FROM citations WHERE cited_platform = '4chan'"), "pol");
  EXPECT_EQ(text(workspace, "SELECT host FROM urls WHERE canonical LIKE '%pastebin%'"), "pastebin.com");
  EXPECT_EQ(text(workspace, "SELECT file_id || ':' || line FROM posts WHERE native_id = '861'"), "1:1");
  EXPECT_EQ(text(workspace, "SELECT status || ':' || sha256 FROM input_files"), "complete:abc");
}

TEST(WorkspaceWriter, AccountsKeepTheLatestProfileSeen) {
  TempDir dir;
  auto workspace = Workspace::open_for_writing(dir.file("w.db"));
  WorkspaceWriter writer(workspace);
  std::int64_t file = writer.begin_file(identity("a.jsonl"));
  RecordBatch batch;
  batch.accounts = {profile("7", "newest", 9000, 30), profile("7", "oldest", 1000, 10), profile("7", "middle", 5000, 20)};
  batch.posts.push_back(tweet("1", "7", 1000));
  writer.append(batch, file);
  writer.commit();
  EXPECT_EQ(text(workspace, "SELECT handle FROM accounts WHERE native_id = '7'"), "newest");
  EXPECT_EQ(count(workspace, "SELECT followers FROM accounts WHERE native_id = '7'"), 30);
  EXPECT_EQ(count(workspace, "SELECT first_seen FROM accounts WHERE native_id = '7'"), 1000);
  EXPECT_EQ(count(workspace, "SELECT last_seen FROM accounts WHERE native_id = '7'"), 9000);
  // An older profile in a later batch does not overwrite the newer one.
  RecordBatch later;
  later.accounts = {profile("7", "stale", 2000, 1)};
  writer.append(later, file);
  writer.commit();
  EXPECT_EQ(text(workspace, "SELECT handle FROM accounts WHERE native_id = '7'"), "newest");
}

TEST(WorkspaceWriter, AppendingTheSameRecordsAgainAddsNothing) {
  TempDir dir;
  std::string path = dir.file("w.db");
  {
    auto workspace = Workspace::open_for_writing(path);
    WorkspaceWriter writer(workspace);
    std::int64_t file = writer.begin_file(identity("a.jsonl"));
    writer.append(story(), file);
    writer.finish_file(file, "abc", 5, "complete");
  }
  const char* tables[] = {"posts", "accounts", "urls", "hashtags", "post_urls", "post_hashtags",
                          "post_mentions", "citations", "rejected", "notices", "input_files"};
  std::vector<std::int64_t> before;
  {
    auto workspace = Workspace::open_for_writing(path);
    for (const char* table : tables) before.push_back(count(workspace, std::string("SELECT count(*) FROM ") + table));
    // A new writer (a new process) appends the same file again, and the same bytes under another name.
    WorkspaceWriter writer(workspace);
    std::int64_t again = writer.begin_file(identity("a.jsonl"));
    AppendCounts counts = writer.append(story(), again);
    EXPECT_EQ(counts.posts_new, 0u);
    writer.finish_file(again, "abc", 5, "complete");
    std::int64_t renamed = writer.begin_file(identity("renamed.jsonl"));
    writer.append(story(), renamed);
    EXPECT_EQ(writer.finish_file(renamed, "abc", 5, "complete"), 1) << "same SHA-256: merged into the first row";
  }
  auto workspace = Workspace::open_for_reading(path);
  for (std::size_t i = 0; i < std::size(tables); ++i) {
    EXPECT_EQ(count(workspace, std::string("SELECT count(*) FROM ") + tables[i]), before[i]) << tables[i];
  }
}

TEST(WorkspaceWriter, PartialFileIsResumedUnderTheSameRow) {
  TempDir dir;
  auto workspace = Workspace::open_for_writing(dir.file("w.db"));
  WorkspaceWriter writer(workspace);
  std::int64_t file = writer.begin_file(identity("a.jsonl"));
  writer.finish_file(file, "", 2, "partial");
  EXPECT_FALSE(writer.find_complete_file(identity("a.jsonl")));
  EXPECT_EQ(writer.begin_file(identity("a.jsonl")), file);
  writer.finish_file(file, "abc", 5, "complete");
  EXPECT_EQ(writer.find_complete_file(identity("a.jsonl")), file);
  EXPECT_FALSE(writer.find_complete_file({"a.jsonl", 101, 5, "twitter-v1", "none"})) << "a changed size is another file";
}

TEST(WorkspaceWriter, EmbeddedCopyIsPromotedWhenTheRecordItselfArrives) {
  TempDir dir;
  auto workspace = Workspace::open_for_writing(dir.file("w.db"));
  WorkspaceWriter writer(workspace);
  std::int64_t file = writer.begin_file(identity("a.jsonl"));
  RecordBatch first;
  Post embedded = tweet("1", "7", 1000);
  embedded.embedded = true;
  embedded.provenance.line = 10;
  first.posts.push_back(embedded);
  writer.append(first, file);
  RecordBatch second;
  Post own = tweet("1", "7", 1000);
  own.provenance.line = 20;
  second.posts.push_back(own);
  writer.append(second, file);
  writer.commit();
  EXPECT_EQ(text(workspace, "SELECT embedded || ':' || line FROM posts"), "0:20");
}

TEST(WorkspaceWriter, EmbeddedCopyIsPromotedByALaterWriter) {
  // The writer knows stored posts from memory: a new one (a re-run) must learn them from the file.
  TempDir dir;
  std::string path = dir.file("w.db");
  RecordBatch first_run;
  first_run.posts.push_back(tweet("1", "7", 1000));
  first_run.posts.back().embedded = true;
  first_run.posts.back().provenance.line = 10;
  first_run.posts.push_back(tweet("pol/5", "8", 2000));
  {
    auto workspace = Workspace::open_for_writing(path);
    WorkspaceWriter first(workspace);
    first.append(first_run, first.begin_file(identity("a.jsonl")));
  }
  RecordBatch second_run;
  second_run.posts.push_back(tweet("1", "7", 1000));
  second_run.posts.back().provenance.line = 20;
  second_run.posts.push_back(tweet("pol/5", "8", 2000));
  second_run.posts.push_back(tweet("2", "7", 3000));
  auto workspace = Workspace::open_for_writing(path);
  WorkspaceWriter writer(workspace);
  AppendCounts counts = writer.append(second_run, writer.begin_file(identity("b.jsonl")));
  writer.commit();
  EXPECT_EQ(counts.posts_new, 1u);
  EXPECT_EQ(text(workspace, "SELECT group_concat(native_id || ':' || embedded || ':' || line, ' ') FROM "
                            "(SELECT * FROM posts ORDER BY id)"),
            "1:0:20 pol/5:0:1 2:0:1");
}

TEST(Workspace, RefusesAnSqliteFileThatIsNotAWorkspace) {
  TempDir dir;
  std::string path = dir.file("other.db");
  {
    SqliteDatabase db(path, SqliteDatabase::Mode::read_write_create);
    db.execute("CREATE TABLE t(x)");
  }
  EXPECT_THROW(Workspace::open_for_writing(path), WorkspaceError);
  EXPECT_THROW(Workspace::open_for_reading(dir.file("missing.db")), WorkspaceError);
}

}  // namespace
}  // namespace leaktrace
