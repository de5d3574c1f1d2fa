#include "graph/graphml_reader.h"

#include <cctype>
#include <map>
#include <unordered_map>

#include <fmt/format.h>

#include "graph/network_builder.h"
#include "graph/xml_document.h"

namespace leaktrace {
namespace {

using Key = XmlDeclarations::Declaration;

struct Keys {
  XmlDeclarations node;
  XmlDeclarations edge;
};

Keys read_keys(const xmlNode* root, NetworkBuilder& builder) {
  Keys keys;
  for (xmlNode* key : xml_children(root, "key")) {
    auto id = xml_attribute(key, "id");
    if (!id) {
      builder.reject(xml_line(key), "a <key> without an id");
      continue;
    }
    std::string domain = xml_attribute(key, "for").value_or("all");
    Key entry{xml_attribute(key, "attr.name").value_or(*id), std::nullopt};
    if (xmlNode* value = xml_first_child(key, "default")) entry.default_value = xml_content(value);
    if (domain == "node" || domain == "all") {
      keys.node.add(*id, entry);
      if (entry.name != "label") builder.declare_attribute(entry.name);
    }
    if (domain == "edge" || domain == "all") keys.edge.add(*id, entry);
  }
  return keys;
}

void read_node(const xmlNode* node, const Keys& keys, NetworkBuilder& builder) {
  auto id = xml_attribute(node, "id");
  auto added = builder.add_node(id, xml_line(node), "<node>");
  if (!added) return;
  std::uint32_t index = *added;
  std::unordered_map<std::string, std::string> values;
  for (xmlNode* data : xml_children(node, "data")) {
    auto key = xml_attribute(data, "key");
    const Key* declared = keys.node.find(key);
    if (!declared) {
      builder.reject(xml_line(data), fmt::format("<data> of node '{}' names no node <key> ('{}')", *id, key.value_or("")));
      continue;
    }
    values.emplace(declared->name, xml_content(data));
  }
  for (const Key& key : keys.node.declarations) {
    auto it = values.find(key.name);
    std::optional<std::string> value = it != values.end() ? std::optional(it->second) : key.default_value;
    if (!value) continue;
    if (key.name == "label") {
      builder.set_label(index, *value);
    } else {
      builder.set_attribute(index, key.name, *value);
    }
  }
  if (xml_first_child(node, "graph")) builder.count("nested graphs inside a node ignored");
  if (xml_first_child(node, "port")) builder.count("node ports ignored");
}

void read_edge(const xmlNode* edge, const Keys& keys, NetworkBuilder& builder) {
  auto ends = builder.edge_ends(xml_attribute(edge, "source"), xml_attribute(edge, "target"), xml_line(edge), "<edge>");
  if (!ends) return;
  std::map<std::string, std::string> values;
  for (const Key& key : keys.edge.declarations) {
    if (key.default_value) values[key.name] = *key.default_value;
  }
  for (xmlNode* data : xml_children(edge, "data")) {
    auto key = xml_attribute(data, "key");
    const Key* declared = keys.edge.find(key);
    if (!declared) {
      builder.reject(xml_line(data), fmt::format("<data> of an edge names no edge <key> ('{}')", key.value_or("")));
      continue;
    }
    values[declared->name] = xml_content(data);
  }
  GraphEdge out;
  for (const auto& [name, value] : values) {
    if (name == "weight") {
      if (!builder.read_weight(value, xml_line(edge), out.weight)) return;
    } else if (name == "type" || name == "interaction") {
      out.type = builder.edge_type(value);
    } else if (name == "time" || name == "timestamp" || name == "start") {
      if (!builder.read_time(value, xml_line(edge), out.first)) return;
      out.last = out.first;
    } else {
      builder.edge_value_not_kept(name);
    }
  }
  if (xml_attribute(edge, "sourceport") || xml_attribute(edge, "targetport")) builder.count("edge ports ignored");
  out.source = ends->first;
  out.target = ends->second;
  builder.add_edge(out);
}

}  // namespace

ImportedNetwork read_graphml(std::string_view text, const std::string& path) {
  NetworkBuilder builder(path, NetworkFormat::graphml);
  XmlDocument document(text);
  xmlNode* root = network_root(document, "graphml", builder);
  bool directed = true;
  if (!root) return builder.finish(directed);
  Keys keys = read_keys(root, builder);
  std::vector<xmlNode*> graphs = xml_children(root, "graph");
  if (graphs.empty()) {
    builder.reject(xml_line(root), "no <graph> inside <graphml>");
    return builder.finish(directed);
  }
  if (graphs.size() > 1) builder.note(fmt::format("the file holds {} graphs; the first was read", graphs.size()));
  xmlNode* graph = graphs.front();
  directed = xml_attribute(graph, "edgedefault").value_or("directed") != "undirected";
  for (xmlNode* node : xml_children(graph, "node")) read_node(node, keys, builder);
  for (xmlNode* edge : xml_children(graph, "edge")) read_edge(edge, keys, builder);
  if (!xml_children(graph, "hyperedge").empty()) builder.count("hyperedges ignored");
  return builder.finish(directed);
}

}  // namespace leaktrace
