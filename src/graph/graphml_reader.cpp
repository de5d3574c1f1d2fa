#include "graph/graphml_reader.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <map>
#include <unordered_map>

#include <fmt/format.h>

#include "graph/network_builder.h"
#include "graph/network_time.h"
#include "graph/xml_document.h"

namespace leaktrace {
namespace {

struct Key {
  std::string name;
  std::optional<std::string> default_value;
};

// Keys in the order the file declares them, found by id.
struct KeySet {
  std::vector<Key> keys;
  std::unordered_map<std::string, std::size_t> by_id;
  void add(const std::string& id, const Key& key) {
    if (by_id.emplace(id, keys.size()).second) keys.push_back(key);
  }
  const Key* find(const std::optional<std::string>& id) const {
    if (!id) return nullptr;
    auto it = by_id.find(*id);
    return it == by_id.end() ? nullptr : &keys[it->second];
  }
};

struct Keys {
  KeySet node;
  KeySet edge;
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

std::optional<double> parse_weight(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  double value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || !std::isfinite(value) || value < 0) {
    return std::nullopt;
  }
  return value;
}

void read_node(const xmlNode* node, const Keys& keys, NetworkBuilder& builder) {
  auto id = xml_attribute(node, "id");
  if (!id || id->empty()) {
    builder.reject(xml_line(node), "a <node> without an id");
    return;
  }
  if (builder.has_node(*id)) {
    builder.reject(xml_line(node), fmt::format("a second <node> with id '{}'", *id));
    return;
  }
  std::uint32_t index = builder.node(*id);
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
  for (const Key& key : keys.node.keys) {
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
  auto source = xml_attribute(edge, "source");
  auto target = xml_attribute(edge, "target");
  if (!source || !target) {
    builder.reject(xml_line(edge), "an <edge> needs a source and a target");
    return;
  }
  for (const std::string* end : {&*source, &*target}) {
    if (!builder.has_node(*end)) {
      builder.reject(xml_line(edge), fmt::format("the <edge> names node '{}', which is not declared", *end));
      return;
    }
  }
  std::map<std::string, std::string> values;
  for (const Key& key : keys.edge.keys) {
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
      auto weight = parse_weight(value);
      if (!weight) {
        builder.reject(xml_line(edge), fmt::format("weight '{}' is not a number >= 0", value));
        return;
      }
      out.weight = static_cast<float>(*weight);
    } else if (name == "type" || name == "interaction") {
      out.type = builder.edge_type(value);
    } else if (name == "time" || name == "timestamp" || name == "start") {
      auto time = parse_network_time(value);
      if (!time) {
        builder.reject(xml_line(edge), fmt::format("time '{}' is neither ISO-8601 nor seconds since the epoch", value));
        return;
      }
      out.first = out.last = *time;
    } else {
      builder.count(fmt::format("edge values of '{}' not kept (an edge keeps weight, type and time)", name));
    }
  }
  if (xml_attribute(edge, "sourceport") || xml_attribute(edge, "targetport")) builder.count("edge ports ignored");
  out.source = *builder.find(*source);
  out.target = *builder.find(*target);
  builder.add_edge(out);
}

}  // namespace

ImportedNetwork read_graphml(std::string_view text, const std::string& path) {
  NetworkBuilder builder(path, NetworkFormat::graphml);
  XmlDocument document(text);
  for (const XmlDocument::Error& error : document.errors()) builder.reject(error.line, "XML: " + error.message);
  if (document.errors_not_kept() > 0) builder.note(fmt::format("{} more XML errors", document.errors_not_kept()));
  xmlNode* root = document.root();
  bool directed = true;
  if (!root || xml_name(root) != "graphml") {
    builder.reject(root ? xml_line(root) : 0, "no <graphml> root element");
    return builder.finish(directed);
  }
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
