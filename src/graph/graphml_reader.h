#pragma once

#include <string>
#include <string_view>

#include "graph/imported_network.h"

namespace leaktrace {

// GraphML (graphml.graphdrawing.org), as networkx, igraph, Gephi, yEd and Cytoscape write it. Read
// with libxml2 rather than igraph_read_graph_graphml, because igraph's reader fails the whole file
// on one bad element (a missing target, a "2,5" weight) without its line.
//
// The first <graph> is read (nested graphs, hyperedges and ports are ignored, with a note);
// `edgedefault` gives `directed` (GraphML's default: directed). <key for="node|all"> declares a
// node attribute named by attr.name (its id when there is none) with its <default>; the node
// attribute named `label` is the node's label, every other a NodeAttribute. Edge data named
// `weight` is the weight, `type` (or `interaction`) the interaction type, `time` (or `timestamp`,
// `start`) the time; other edge data are not kept. A node needs an id, an edge a source and a
// target that are declared nodes; elements that cannot be used are rejected with their line, and
// well-formedness errors are reported with theirs (libxml2 recovers what it can).
ImportedNetwork read_graphml(std::string_view text, const std::string& path);

}  // namespace leaktrace
