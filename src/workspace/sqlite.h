#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

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

// Rows for one INSERT, sent many to a statement (`INSERT ... VALUES (...), (...), ...`): SQLite's
// fixed cost per statement (start, transaction check, halt, reset) is paid once per group instead
// of once per row, which made small rows (link tables) about twice as fast. Values are held until
// flush(): text is not copied, so it must outlive the flush.
class BatchedInsert {
 public:
  static constexpr int default_rows_per_statement = 16;

  // `head` is the statement up to VALUES, e.g. "INSERT OR IGNORE INTO t(a, b) VALUES".
  BatchedInsert(SqliteDatabase& db, std::string_view head, int columns,
                int rows_per_statement = default_rows_per_statement);

  // Starts the next row; its values follow in column order.
  BatchedInsert& row();
  BatchedInsert& value(std::int64_t value);
  BatchedInsert& value(std::string_view text);
  BatchedInsert& null();
  BatchedInsert& optional(const std::optional<std::int64_t>& value) { return value ? this->value(*value) : null(); }
  BatchedInsert& text_or_null(std::string_view text) { return text.empty() ? null() : value(text); }

  // Runs every row held.
  void flush();

 private:
  using Value = std::variant<std::monostate, std::int64_t, std::string_view>;
  static void bind(SqliteStatement& statement, int index, const Value& value);

  int columns_;
  int rows_per_statement_;
  SqliteStatement group_;
  SqliteStatement single_;
  std::vector<Value> values_;
};

}  // namespace leaktrace
