#include "workspace/sqlite.h"

#include <sqlite3.h>

#include <fmt/format.h>

namespace leaktrace {

namespace {

// Before the first connection: no memory statistics (they take a global mutex on every allocation),
// and connections are never shared between threads (each writer or reader owns its own).
void configure_sqlite_once() {
  static const bool configured = [] {
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
    sqlite3_initialize();
    return true;
  }();
  (void)configured;
}

}  // namespace

SqliteDatabase::SqliteDatabase(const std::string& path, Mode mode) : path_(path) {
  configure_sqlite_once();
  int flags = mode == Mode::read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  if (sqlite3_open_v2(path.c_str(), &db_, flags | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
    std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    db_ = nullptr;
    throw WorkspaceError(fmt::format("cannot open workspace {}: {}{}", path, message,
                                     mode == Mode::read_only ? "; run `leaktrace ingest -w " + path + " FILE...` first"
                                                             : "; check the folder exists and is writable"));
  }
  sqlite3_extended_result_codes(db_, 1);
  sqlite3_busy_timeout(db_, 5000);
}

SqliteDatabase::~SqliteDatabase() { sqlite3_close_v2(db_); }

void SqliteDatabase::fail(std::string_view what) const {
  throw WorkspaceError(fmt::format("workspace {}: {}: {}", path_, what, sqlite3_errmsg(db_)));
}

void SqliteDatabase::execute(std::string_view sql) {
  std::string text(sql);
  char* error = nullptr;
  if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
    std::string message = error ? error : "unknown error";
    sqlite3_free(error);
    throw WorkspaceError(fmt::format("workspace {}: {} (while running: {})", path_, message, text.substr(0, 80)));
  }
}

SqliteStatement SqliteDatabase::prepare(std::string_view sql) {
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &statement,
                         nullptr) != SQLITE_OK) {
    fail(fmt::format("cannot prepare `{}`", sql.substr(0, 80)));
  }
  return SqliteStatement(*this, statement);
}

std::int64_t SqliteDatabase::last_insert_rowid() const { return sqlite3_last_insert_rowid(db_); }
int SqliteDatabase::changes() const { return sqlite3_changes(db_); }

SqliteStatement::~SqliteStatement() { sqlite3_finalize(statement_); }

SqliteStatement::SqliteStatement(SqliteStatement&& other) noexcept : db_(other.db_), statement_(other.statement_) {
  other.statement_ = nullptr;
}

SqliteStatement& SqliteStatement::operator=(SqliteStatement&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(statement_);
    db_ = other.db_;
    statement_ = other.statement_;
    other.statement_ = nullptr;
  }
  return *this;
}

SqliteStatement& SqliteStatement::bind(int index, std::int64_t value) {
  sqlite3_bind_int64(statement_, index, value);
  return *this;
}

SqliteStatement& SqliteStatement::bind(int index, std::string_view value) {
  sqlite3_bind_text(statement_, index, value.data(), static_cast<int>(value.size()), SQLITE_STATIC);
  return *this;
}

SqliteStatement& SqliteStatement::bind_null(int index) {
  sqlite3_bind_null(statement_, index);
  return *this;
}

SqliteStatement& SqliteStatement::bind_optional(int index, const std::optional<std::int64_t>& value) {
  return value ? bind(index, *value) : bind_null(index);
}

SqliteStatement& SqliteStatement::bind_text_or_null(int index, std::string_view value) {
  return value.empty() ? bind_null(index) : bind(index, value);
}

bool SqliteStatement::step() {
  int status = sqlite3_step(statement_);
  if (status == SQLITE_ROW) return true;
  if (status == SQLITE_DONE) return false;
  db_->fail(fmt::format("cannot run `{}`", std::string_view(sqlite3_sql(statement_)).substr(0, 80)));
}

void SqliteStatement::run() {
  step();
  reset();
}

void SqliteStatement::reset() {
  sqlite3_reset(statement_);
  sqlite3_clear_bindings(statement_);
}

std::int64_t SqliteStatement::column_int(int index) const { return sqlite3_column_int64(statement_, index); }

std::string_view SqliteStatement::column_text(int index) const {
  const unsigned char* text = sqlite3_column_text(statement_, index);
  if (text == nullptr) return {};
  return {reinterpret_cast<const char*>(text), static_cast<std::size_t>(sqlite3_column_bytes(statement_, index))};
}

bool SqliteStatement::column_is_null(int index) const { return sqlite3_column_type(statement_, index) == SQLITE_NULL; }

namespace {

std::string values_sql(std::string_view head, int columns, int rows) {
  std::string sql(head);
  for (int r = 0; r < rows; ++r) {
    sql += r == 0 ? " (" : ", (";
    for (int c = 0; c < columns; ++c) sql += c == 0 ? "?" : ", ?";
    sql += ")";
  }
  return sql;
}

}  // namespace

BatchedInsert::BatchedInsert(SqliteDatabase& db, std::string_view head, int columns, int rows_per_statement)
    : columns_(columns),
      rows_per_statement_(rows_per_statement),
      group_(db.prepare(values_sql(head, columns, rows_per_statement))),
      single_(db.prepare(values_sql(head, columns, 1))) {
  values_.reserve(static_cast<std::size_t>(columns * rows_per_statement) * 64);
}

BatchedInsert& BatchedInsert::row() {
  if (values_.size() % static_cast<std::size_t>(columns_) != 0) {
    throw std::logic_error("BatchedInsert: a row was started before the previous one had all its values");
  }
  return *this;
}

BatchedInsert& BatchedInsert::value(std::int64_t value) {
  values_.emplace_back(value);
  return *this;
}

BatchedInsert& BatchedInsert::value(std::string_view text) {
  values_.emplace_back(text);
  return *this;
}

BatchedInsert& BatchedInsert::null() {
  values_.emplace_back(std::monostate{});
  return *this;
}

void BatchedInsert::bind(SqliteStatement& statement, int index, const Value& value) {
  if (const auto* number = std::get_if<std::int64_t>(&value)) {
    statement.bind(index, *number);
  } else if (const auto* text = std::get_if<std::string_view>(&value)) {
    statement.bind(index, *text);
  } else {
    statement.bind_null(index);
  }
}

void BatchedInsert::flush() {
  const std::size_t group = static_cast<std::size_t>(columns_ * rows_per_statement_);
  std::size_t at = 0;
  for (; at + group <= values_.size(); at += group) {
    for (std::size_t i = 0; i < group; ++i) bind(group_, static_cast<int>(i + 1), values_[at + i]);
    group_.run();
  }
  for (; at < values_.size(); at += static_cast<std::size_t>(columns_)) {
    for (int i = 0; i < columns_; ++i) bind(single_, i + 1, values_[at + static_cast<std::size_t>(i)]);
    single_.run();
  }
  values_.clear();
}

}  // namespace leaktrace
