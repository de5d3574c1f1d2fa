#pragma once

#include <optional>
#include <string_view>

namespace leaktrace {

// The formats of networks collected elsewhere that leaktrace reads (read_network).
enum class NetworkFormat : unsigned char { edge_list, gml, graphml, gexf };

std::string_view network_format_name(NetworkFormat format);  // "edge-list", "gml", "graphml", "gexf"
std::optional<NetworkFormat> network_format_from_name(std::string_view name);

// The format of a network file from its first bytes (already decompressed), not its name: an XML
// document whose root element is <gexf> or <graphml>, a GML text (`graph [`, optionally after
// `Creator`/`Version` lines and `#` comments), anything else an edge list. nullopt for an XML
// document of another kind.
std::optional<NetworkFormat> detect_network_format(std::string_view head);

}  // namespace leaktrace
