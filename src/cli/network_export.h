#pragma once

#include "graph/account_graph.h"
#include "render/network_document.h"

namespace leaktrace {

struct NetworkExportOptions {
  bool directed = true;  // ImportedNetwork::directed for an imported network
  InteractionTypes types = InteractionTypes::all();
  std::string title;
};

// The account graph as an export document (render/network_document.h), before the analyses add
// their columns (add_node_column: community, pagerank, first_share...). A node's id is its key
// ("twitter:25073877"), its label the handle. Edges are the graph's edges of `types`, one per
// (source, target, type), with their weight, type name and first time.
//
// Node attributes (an imported network's) become columns typed from their values: integer when
// every value present is a whole number, real when every one is a number, else string. The
// attributes the readers make of a layout and a timeline come back as such: `x` and `y` (numbers)
// the position, `size` the size, `color` ("#rrggbb") the colour, `start` (a time) the first share.
// An attribute named like another built-in field (id, label, r, g, b) is renamed `<name>_value`.
NetworkDocument network_document(const AccountGraph& graph, const NetworkExportOptions& options = {});

}  // namespace leaktrace
