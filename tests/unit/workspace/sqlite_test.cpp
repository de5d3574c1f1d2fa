#include "workspace/sqlite.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "unit/test_files.h"

namespace leaktrace {
namespace {

using testing::TempDir;

TEST(BatchedInsert, FullGroupsAndTheRestArriveInOrderWithNulls) {
  TempDir dir;
  SqliteDatabase db(dir.file("t.db"), SqliteDatabase::Mode::read_write_create);
  db.execute("CREATE TABLE t(n INTEGER, s TEXT, o INTEGER)");
  BatchedInsert rows(db, "INSERT INTO t(n, s, o) VALUES", 3, 4);
  std::vector<std::string> texts;
  for (int i = 0; i < 11; ++i) texts.push_back("s" + std::to_string(i));  // held until flush()
  for (int i = 0; i < 11; ++i) {
    rows.row().value(std::int64_t{i}).text_or_null(i % 3 == 0 ? std::string_view{} : texts[static_cast<std::size_t>(i)]);
    rows.optional(i % 2 == 0 ? std::optional<std::int64_t>(i * 10) : std::nullopt);
  }
  rows.flush();  // two statements of four rows, then three of one
  rows.flush();  // nothing held: nothing sent
  auto query = db.prepare("SELECT n, coalesce(s, '-'), coalesce(o, -1) FROM t ORDER BY rowid");
  std::string got;
  while (query.step()) {
    got += std::to_string(query.column_int(0)) + ":" + std::string(query.column_text(1)) + ":" +
           std::to_string(query.column_int(2)) + " ";
  }
  EXPECT_EQ(got, "0:-:0 1:s1:-1 2:s2:20 3:-:-1 4:s4:40 5:s5:-1 6:-:60 7:s7:-1 8:s8:80 9:-:-1 10:s10:100 ");
}

TEST(BatchedInsert, AnIncompleteRowIsRefused) {
  TempDir dir;
  SqliteDatabase db(dir.file("t.db"), SqliteDatabase::Mode::read_write_create);
  db.execute("CREATE TABLE t(a, b)");
  BatchedInsert rows(db, "INSERT INTO t(a, b) VALUES", 2);
  rows.row().value(std::int64_t{1});
  EXPECT_THROW(rows.row(), std::logic_error);
}

}  // namespace
}  // namespace leaktrace
