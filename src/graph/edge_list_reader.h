#pragma once

#include <string>
#include <string_view>

#include "graph/imported_network.h"

namespace leaktrace {

// An edge list: one edge per line, `source,target[,weight[,time[,type]]]`, comma-, tab- or
// space-separated (delimited_text.h), `#` and `%` comment lines skipped.
//
// The first data line is a header when one of its fields names a column: source (or from, src,
// u), target (to, dst, v), weight (w, value, count), time (timestamp, date, created_at, start),
// type (kind, interaction). With a header the columns are found by name (source and target default
// to the first two; other columns are ignored and named in a note); without one they are taken in
// the order above. An empty weight is 1; a weight must be a finite number >= 0. Times are ISO-8601
// or epoch seconds (parse_network_time). Nodes are the ids met, in order of first appearance, with
// no attributes. A line that cannot be read is rejected with its number and skipped.
ImportedNetwork read_edge_list(std::string_view text, const std::string& path);

}  // namespace leaktrace
