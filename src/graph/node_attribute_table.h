#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "graph/account_graph.h"
#include "graph/input_rejection.h"

namespace leaktrace {

// Node attributes given beside a network: `node<TAB>value` lines (karate_networkx_club.tsv), or a
// CSV/TSV with a header row `node,club,age` (delimited_text.h; `#` comment lines skipped). The
// first row is a header when its first field is node, id, key, name, vertex or account (any case);
// its other fields name the attributes. Without a header there is one attribute, named
// `name`, or the file's stem when `name` is empty, plus `<name>_2`, `<name>_3` for further
// columns. A row with too few fields is rejected with its line; extra fields are ignored.
struct NodeAttributeTable {
  std::string path;
  std::vector<std::string> names;                // the attributes
  std::vector<std::string> keys;                 // node key of each row
  std::vector<std::uint64_t> lines;              // line of each row
  std::vector<std::vector<std::string>> values;  // per row, one per attribute
  std::vector<InputRejection> rejections;
};

// Throws NetworkReadError when the file cannot be read or holds no row.
NodeAttributeTable read_node_attribute_table(const std::string& path, std::string_view name = {});
NodeAttributeTable parse_node_attribute_table(std::string_view text, const std::string& path, std::string_view name = {});

// The graph with the table's attributes added by node key (an attribute of the same name is
// replaced). Rows naming no node of the graph go to `unknown` with their line; nodes without a row
// have no value. Keeps nodes, edges and other attributes as they are.
AccountGraph with_node_attributes(const AccountGraph& graph, const NodeAttributeTable& table,
                                  std::vector<InputRejection>* unknown = nullptr);

}  // namespace leaktrace
