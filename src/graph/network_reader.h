#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "graph/imported_network.h"
#include "graph/network_format.h"

namespace leaktrace {

struct NetworkReadOptions {
  std::optional<NetworkFormat> format;  // else detected from the content (detect_network_format)
};

// Reads a network file (plain, gzip or zstd, recognised from the bytes; "-" for standard input):
// an edge list (edge_list_reader.h), GML (gml_reader.h), GraphML (graphml_reader.h) or GEXF
// (gexf_reader.h). Bad records are rejections in the result; throws NetworkReadError when the file
// cannot be read, is an XML document of another kind, or holds not a single readable node.
ImportedNetwork read_network(const std::string& path, const NetworkReadOptions& options = {});

// The same on text already in memory; `path` names it in rejections and errors.
ImportedNetwork parse_network(std::string_view text, const std::string& path, const NetworkReadOptions& options = {});

}  // namespace leaktrace
