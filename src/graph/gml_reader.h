#pragma once

#include <string>
#include <string_view>

#include "graph/imported_network.h"

namespace leaktrace {

// GML (Himsolt 1997), as networkx, igraph, Gephi and Pajek write it: `graph [ directed 0 node [ id 0
// label "x" value 7 ] edge [ source 0 target 1 weight 2 ] ]`, `#` comments, strings with HTML
// entities (&quot; &amp; &#233;). Read by our own tokenizer rather than igraph's
// igraph_read_graph_gml, because igraph's parser stops at the first bad element and loses the whole
// file, where a leaktrace reader reports each bad element and keeps the rest.
//
// The first `graph` is read; `directed` defaults to 0, as in the GML specification. A node needs an
// id (its key); `label` is its label; every other scalar key is a node attribute with the value as
// written (football's `value 7` -> "7"), nested lists flattened (`graphics [ x 1 ]` -> "graphics.x").
// An edge needs a source and a target naming declared nodes (in any order in the file); `weight`
// (or `value`; a number, or a string holding one) is its weight, `type` its interaction type,
// `time` (or `timestamp`, `start`) its time. A node or edge that cannot be used is rejected with
// its line. A syntax error (an unterminated string, a missing `]`) ends the reading there: the
// element it interrupts is rejected, everything complete before it is kept.
ImportedNetwork read_gml(std::string_view text, const std::string& path);

}  // namespace leaktrace
