#include "graph/network_reader.h"

#include <fmt/format.h>

#include "graph/edge_list_reader.h"
#include "graph/gexf_reader.h"
#include "graph/gml_reader.h"
#include "graph/graphml_reader.h"
#include "graph/file_text.h"

namespace leaktrace {

ImportedNetwork parse_network(std::string_view text, const std::string& path, const NetworkReadOptions& options) {
  std::optional<NetworkFormat> format = options.format;
  if (!format) format = detect_network_format(text.substr(0, 4096));
  if (!format) {
    throw NetworkReadError(fmt::format(
        "{}: an XML document that is neither GraphML (<graphml>) nor GEXF (<gexf>); leaktrace reads networks "
        "as edge lists, GML, GraphML or GEXF",
        path));
  }
  switch (*format) {
    case NetworkFormat::edge_list: return read_edge_list(text, path);
    case NetworkFormat::gml: return read_gml(text, path);
    case NetworkFormat::graphml: return read_graphml(text, path);
    case NetworkFormat::gexf: return read_gexf(text, path);
  }
  throw NetworkReadError(fmt::format("{}: unknown network format", path));
}

ImportedNetwork read_network(const std::string& path, const NetworkReadOptions& options) {
  FileText file = read_file_text(path);
  ImportedNetwork network = parse_network(file.text, path, options);
  if (file.damage) {
    network.rejections.push_back(
        InputRejection{path, 0, fmt::format("{}: what follows the damage was not read", *file.damage)});
  }
  return network;
}

}  // namespace leaktrace
