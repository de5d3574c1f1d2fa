#pragma once

#include <ostream>

#include "render/network_document.h"

namespace leaktrace {

// Writes the document as GraphML (graphml.graphdrawing.org, as networkx, igraph, Gephi and yEd read
// it). Node keys: label, start (ISO-8601, when any node has one), x, y, size and r, g, b (when laid
// out: what Gephi's GraphML importer reads), then the columns; edge keys: weight, type, time (when
// any edge has one), then the columns. integer -> long, real -> double, string and time -> string.
// A node or edge without a value has no <data> for it. Calls check() first.
void write_graphml(const NetworkDocument& document, std::ostream& out);

}  // namespace leaktrace
