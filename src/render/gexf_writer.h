#pragma once

#include <ostream>
#include <string>

#include "render/network_document.h"

namespace leaktrace {

enum class GexfVersion : unsigned char {
  v1_3,       // http://gexf.net/1.3, what Gephi 0.9.3+ writes and reads
  v1_2draft,  // http://www.gexf.net/1.2draft, the newest networkx 2.8.8 (Debian 12) reads
};

struct GexfOptions {
  GexfVersion version = GexfVersion::v1_3;
  std::string creator = "leaktrace";
};

// Writes the document as GEXF (gexf.net). Nodes carry their label, their columns as <attvalue>s of
// declared <attribute>s (integer -> long, real -> double, string and time -> string with ISO-8601
// times), and when laid out viz:position, viz:size and viz:color. Edges carry their weight, their
// type (the `kind` attribute in 1.3, and an edge attribute `type` in both versions) and columns.
// When any node or edge has a time the graph is mode="dynamic": nodes start at their first share,
// edges at their first interaction, ends open, which Gephi's timeline plays. 1.3 writes
// timeformat="dateTime"; 1.2draft writes timeformat="date" (with the same xsd:dateTime values,
// which its time type admits), because networkx 2.8.8 cannot read "dateTime". Calls check() first.
void write_gexf(const NetworkDocument& document, std::ostream& out, const GexfOptions& options = {});

}  // namespace leaktrace
