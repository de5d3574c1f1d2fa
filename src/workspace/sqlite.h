#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace leaktrace {

// The workspace cannot be opened, read or written: the command stops.
class WorkspaceError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class SqliteStatement;

// One SQLite connection, owned.
class SqliteDatabase {
 public:
  enum class Mode { read_only, read_write_create };

  SqliteDatabase(const std::string& path, Mode mode);
  ~SqliteDatabase();
  SqliteDatabase(const SqliteDatabase&) = delete;
  SqliteDatabase& operator=(const SqliteDatabase&) = delete;

  void execute(std::string_view sql);
  SqliteStatement prepare(std::string_view sql);
  std::int64_t last_insert_rowid() const;
  int changes() const;
  sqlite3* handle() const { return db_; }
  const std::string& path() const { return path_; }
  [[noreturn]] void fail(std::string_view what) const;

 private:
  sqlite3* db_ = nullptr;
  std::string path_;
};

// A prepared statement, owned; bind by 1-based index, step, read columns by 0-based index.
class SqliteStatement {
 public:
  SqliteStatement(SqliteDatabase& db, sqlite3_stmt* statement) : db_(&db), statement_(statement) {}
  ~SqliteStatement();
  SqliteStatement(SqliteStatement&& other) noexcept;
  SqliteStatement& operator=(SqliteStatement&& other) noexcept;
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;

  SqliteStatement& bind(int index, std::int64_t value);
  SqliteStatement& bind(int index, std::string_view value);  // the text must outlive step()
  SqliteStatement& bind_null(int index);
  SqliteStatement& bind_optional(int index, const std::optional<std::int64_t>& value);
  SqliteStatement& bind_text_or_null(int index, std::string_view value);

  bool step();  // true while a row is available
  void run();   // step once, then reset for reuse
  void reset();

  std::int64_t column_int(int index) const;
  std::string_view column_text(int index) const;
  bool column_is_null(int index) const;

 private:
  SqliteDatabase* db_;
  sqlite3_stmt* statement_;
};

}  // namespace leaktrace
