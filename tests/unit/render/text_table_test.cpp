#include "render/text_table.h"

#include <gtest/gtest.h>

namespace leaktrace {
namespace {

TEST(TextTable, PadsColumnsAndRightAlignsNumbers) {
  TextTable table({"name", "posts"});
  table.add_row({"élise", "7"});
  table.add_row({"bob", "1,234"});
  EXPECT_EQ(table.render(),
            "name   posts\n"
            "élise      7\n"
            "bob    1,234\n");
}

TEST(TextTable, MissingCellsAreEmpty) {
  TextTable table({"a", "b"});
  table.add_row({"x"});
  EXPECT_EQ(table.render(), "a  b\nx\n") << "no trailing spaces";
}

}  // namespace
}  // namespace leaktrace
