#pragma once

#include <string>
#include <string_view>

#include "graph/imported_network.h"

namespace leaktrace {

// GEXF 1.1draft, 1.2draft and 1.3 (gexf.net), as Gephi, networkx and leaktrace write it, read with
// libxml2 by local names (the namespace differs between versions).
//
// `defaultedgetype` gives `directed` (GEXF's default: undirected). Node attributes are the
// <attvalue>s of the declared node <attribute>s, named by their title, with their <default>;
// a dynamic attribute with several values keeps the first. A node's time interval becomes the node
// attribute `start` (ISO-8601: the node's `start`, `timestamp` or earliest spell); its viz
// position, size and colour the attributes `x`, `y`, `size` and `color` ("#rrggbb"). An edge's
// weight is its `weight`; its interaction type its `kind` (GEXF 1.3), else an attvalue titled
// `type` or `interaction`; its time the earliest `start`/`timestamp` of it and its spells, and
// `last` the latest end. Numeric GEXF times are seconds since the epoch (parse_network_time).
// Elements that cannot be used are rejected with their line; nested (hierarchical) nodes are
// ignored with a note.
ImportedNetwork read_gexf(std::string_view text, const std::string& path);

}  // namespace leaktrace
