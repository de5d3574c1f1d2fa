#pragma once

#include <string_view>

namespace leaktrace {

// Bumped when the schema changes; a workspace of another version is refused with a clear message.
constexpr int workspace_schema_version = 1;

// The workspace's tables, readable with any SQLite client. Times are milliseconds since the epoch
// (UTC); platform and kind are their lower-case names.
std::string_view workspace_schema_sql();

}  // namespace leaktrace
