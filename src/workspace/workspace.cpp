#include "workspace/workspace.h"

#include <filesystem>

#include <fmt/format.h>

#include "workspace/schema.h"

namespace leaktrace {
namespace {

constexpr std::int64_t workspace_application_id = 0x4c4b5452;  // "LKTR"

int schema_version_of(SqliteDatabase& db) {
  auto statement = db.prepare("PRAGMA user_version");
  statement.step();
  return static_cast<int>(statement.column_int(0));
}

void check_is_workspace(SqliteDatabase& db) {
  auto statement = db.prepare("PRAGMA application_id");
  statement.step();
  std::int64_t id = statement.column_int(0);
  if (id != workspace_application_id) {
    throw WorkspaceError(fmt::format("{} is an SQLite file but not a leaktrace workspace; give another path with -w",
                                     db.path()));
  }
  int version = schema_version_of(db);
  if (version != workspace_schema_version) {
    throw WorkspaceError(fmt::format("workspace {} has schema version {}, this leaktrace reads version {}; re-ingest "
                                     "the inputs into a new workspace",
                                     db.path(), version, workspace_schema_version));
  }
}

}  // namespace

Workspace Workspace::open_for_writing(const std::string& path) {
  auto db = std::make_unique<SqliteDatabase>(path, SqliteDatabase::Mode::read_write_create);
  auto tables = db->prepare("SELECT count(*) FROM sqlite_master");
  tables.step();
  bool fresh = tables.column_int(0) == 0;
  tables.reset();
  // Ingest appends in few, large transactions. A rollback journal writes each new page once, to the
  // database (pages past the old end need no journal); WAL writes it twice, to the log and again at
  // the checkpoint, which made it half of SQLite's time. Either keeps the file consistent when the
  // process is killed. Larger pages mean fewer B-tree splits and page headers per row.
  // synchronous=OFF: SQLite does not wait for the disk (an fsync of the 60 MB a 200k-tweet ingest
  // writes took 0.25 s, a quarter of the ingest). What is committed still survives the process
  // being killed, as the journal does its work; only a crash of the machine itself while an
  // ingest runs can leave the workspace damaged, and it is rebuilt from the inputs.
  if (fresh) db->execute("PRAGMA page_size=16384");
  db->execute("PRAGMA journal_mode=DELETE; PRAGMA synchronous=OFF;"
              "PRAGMA cache_size=-262144; PRAGMA temp_store=MEMORY");
  if (fresh) {
    db->execute("BEGIN");
    db->execute(workspace_schema_sql());
    db->execute(fmt::format("PRAGMA application_id={}; PRAGMA user_version={}", workspace_application_id,
                            workspace_schema_version));
    db->execute("COMMIT");
  }
  check_is_workspace(*db);
  return Workspace(std::move(db));
}

Workspace Workspace::open_for_reading(const std::string& path) {
  if (!std::filesystem::exists(path)) {
    throw WorkspaceError(fmt::format("no workspace at {}; create one with `leaktrace ingest -w {} FILE...`", path, path));
  }
  // An ingest killed in the middle of a commit leaves a hot rollback journal, which only a
  // connection that may write can play back: do that first, so that reading a killed ingest's
  // workspace works (the re-run of the ingest would do the same).
  if (std::filesystem::exists(path + "-journal")) {
    try {
      SqliteDatabase recovery(path, SqliteDatabase::Mode::read_write_create);
      recovery.execute("SELECT count(*) FROM sqlite_master");
    } catch (const WorkspaceError&) {
      // A folder or file we may not write: the read below says what is wrong.
    }
  }
  auto db = std::make_unique<SqliteDatabase>(path, SqliteDatabase::Mode::read_only);
  check_is_workspace(*db);
  return Workspace(std::move(db));
}

}  // namespace leaktrace
