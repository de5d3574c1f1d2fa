#include "render/graphml_writer.h"

#include <cmath>
#include <optional>

#include <fmt/format.h>

#include "render/xml_text.h"

namespace leaktrace {
namespace {

std::string_view graphml_type(ColumnType type) {
  switch (type) {
    case ColumnType::integer: return "long";
    case ColumnType::real: return "double";
    default: return "string";
  }
}

struct Key {
  std::string id;
  bool used = false;
};

void declare(XmlOutput& out, Key& key, std::string_view domain, std::string_view name, std::string_view type,
             std::size_t& next) {
  key.id = fmt::format("d{}", next++);
  key.used = true;
  out.buffer() += "  <key";
  out.attribute("id", key.id);
  out.attribute("for", domain);
  out.attribute("attr.name", name);
  out.attribute("attr.type", type);
  out.buffer() += "/>\n";
}

void data(XmlOutput& out, const Key& key, const std::optional<std::string>& value) {
  if (!key.used || !value) return;
  out.buffer() += "      <data";
  out.attribute("key", key.id);
  out.buffer() += '>';
  out.text(*value);
  out.buffer() += "</data>\n";
}

std::optional<std::string> finite(const std::optional<double>& value) {
  if (!value || !std::isfinite(*value)) return std::nullopt;
  return fmt::format("{}", *value);
}

}  // namespace

void write_graphml(const NetworkDocument& document, std::ostream& stream) {
  document.check();
  bool starts = false, positions = false, sizes = false, colours = false, times = false;
  for (const NetworkNode& node : document.nodes) {
    starts |= node.start != unknown_time;
    positions |= node.x.has_value();
    sizes |= node.size.has_value();
    colours |= node.colour.has_value();
  }
  for (const NetworkEdge& edge : document.edges) times |= edge.time != unknown_time;

  XmlOutput out(stream);
  std::string& b = out.buffer();
  b += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml";
  out.attribute("xmlns", "http://graphml.graphdrawing.org/xmlns");
  out.attribute("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
  out.attribute("xsi:schemaLocation",
                "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd");
  b += ">\n";
  std::size_t next = 0;
  Key label, start, x, y, size, r, g, blue, weight, type, time;
  declare(out, label, "node", "label", "string", next);
  if (starts) declare(out, start, "node", "start", "string", next);
  if (positions) {
    declare(out, x, "node", "x", "double", next);
    declare(out, y, "node", "y", "double", next);
  }
  if (sizes) declare(out, size, "node", "size", "double", next);
  if (colours) {
    declare(out, r, "node", "r", "int", next);
    declare(out, g, "node", "g", "int", next);
    declare(out, blue, "node", "b", "int", next);
  }
  std::vector<Key> node_keys(document.node_columns.size());
  for (std::size_t i = 0; i < node_keys.size(); ++i) {
    declare(out, node_keys[i], "node", document.node_columns[i].name, graphml_type(document.node_columns[i].type), next);
  }
  declare(out, weight, "edge", "weight", "double", next);
  declare(out, type, "edge", "type", "string", next);
  if (times) declare(out, time, "edge", "time", "string", next);
  std::vector<Key> edge_keys(document.edge_columns.size());
  for (std::size_t i = 0; i < edge_keys.size(); ++i) {
    declare(out, edge_keys[i], "edge", document.edge_columns[i].name, graphml_type(document.edge_columns[i].type), next);
  }

  b += "  <graph id=\"G\"";
  out.attribute("edgedefault", document.directed ? "directed" : "undirected");
  b += ">\n";
  for (const NetworkNode& node : document.nodes) {
    b += "    <node";
    out.attribute("id", node.id);
    b += ">\n";
    data(out, label, node.label);
    if (node.start != unknown_time) data(out, start, format_iso8601_time(node.start));
    data(out, x, finite(node.x));
    data(out, y, finite(node.y));
    data(out, size, finite(node.size));
    if (node.colour) {
      data(out, r, std::to_string(node.colour->r));
      data(out, g, std::to_string(node.colour->g));
      data(out, blue, std::to_string(node.colour->b));
    }
    for (std::size_t i = 0; i < node_keys.size(); ++i) data(out, node_keys[i], network_value_text(node.values[i]));
    b += "    </node>\n";
    out.maybe_flush();
  }
  for (std::size_t e = 0; e < document.edges.size(); ++e) {
    const NetworkEdge& edge = document.edges[e];
    b += "    <edge";
    out.attribute("id", fmt::format("e{}", e));
    out.attribute("source", document.nodes[edge.source].id);
    out.attribute("target", document.nodes[edge.target].id);
    b += ">\n";
    data(out, weight, fmt::format("{}", edge.weight));
    if (!edge.type.empty()) data(out, type, edge.type);
    if (edge.time != unknown_time) data(out, time, format_iso8601_time(edge.time));
    for (std::size_t i = 0; i < edge_keys.size(); ++i) data(out, edge_keys[i], network_value_text(edge.values[i]));
    b += "    </edge>\n";
    out.maybe_flush();
  }
  b += "  </graph>\n</graphml>\n";
}

}  // namespace leaktrace
