#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "graph/account_graph.h"
#include "graph/input_rejection.h"
#include "graph/network_format.h"

namespace leaktrace {

// A network file that cannot be used at all (unreadable, of no known format, or without a single
// readable node): the message names the file and says what to check.
class NetworkReadError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A network another tool produced, read into an AccountGraph: node keys are the file's node ids,
// labels its labels (the id when it gives none), node attributes its node attributes (values as
// text, exactly as written), edges its edges with their weights (1 when none) and times (first =
// last = the edge's time; the earliest start and latest end of its spells in GEXF).
//
// Edges are InteractionType::repost unless the file names one of the five types (repost, quote,
// reply, mention, citation) in an edge `type` column or attribute (`kind` in GEXF, where the XML
// attribute `type` means the edge's direction); any other type name is read as repost and counted
// in `notes`. The graph merges the edges of one (source, target, type), summing weights, and drops
// self-loops; `notes` says how many.
struct ImportedNetwork {
  std::string path;
  NetworkFormat format = NetworkFormat::edge_list;
  // As the file declares it (GML `directed`, GraphML `edgedefault`, GEXF `defaultedgetype`); an
  // edge list is directed (source -> target). The graph itself is always stored directed: for an
  // undirected file use graph.undirected().
  bool directed = true;
  AccountGraph graph;
  std::uint64_t edges_read = 0;  // edge records accepted, before merging
  std::vector<InputRejection> rejections;
  std::vector<std::string> notes;  // what was read differently from the file, with counts
};

}  // namespace leaktrace
