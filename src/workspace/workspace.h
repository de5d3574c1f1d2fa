#pragma once

#include <memory>
#include <string>

#include "workspace/sqlite.h"

namespace leaktrace {

constexpr const char* default_workspace_path = "leaktrace.db";

// The SQLite file that holds everything ingested. Opening checks the schema version.
class Workspace {
 public:
  // Creates the file and its tables when missing.
  static Workspace open_for_writing(const std::string& path);
  // Refuses a missing file with a message that says how to make one.
  static Workspace open_for_reading(const std::string& path);

  SqliteDatabase& database() { return *db_; }
  const std::string& path() const { return db_->path(); }

 private:
  explicit Workspace(std::unique_ptr<SqliteDatabase> db) : db_(std::move(db)) {}
  std::unique_ptr<SqliteDatabase> db_;
};

}  // namespace leaktrace
