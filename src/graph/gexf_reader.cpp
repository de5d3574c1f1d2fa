#include "graph/gexf_reader.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "graph/network_builder.h"
#include "graph/network_time.h"
#include "graph/xml_document.h"

namespace leaktrace {
namespace {

using Attribute = XmlDeclarations::Declaration;
using AttributeSet = XmlDeclarations;

std::optional<double> parse_number(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  double value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

std::string number_text(double value) { return fmt::format("{}", value); }

// The earliest start and latest end of an element's interval, timestamp and spells. false when a
// time cannot be read (the reason in `error`).
struct Interval {
  TimeMs first = unknown_time;
  TimeMs last = unknown_time;
};

bool add_time(const std::optional<std::string>& text, bool is_end, Interval& interval, std::string& error) {
  if (!text || text->empty()) return true;
  auto time = parse_network_time(*text);
  if (!time) {
    error = fmt::format("time '{}' is neither ISO-8601 nor a number of seconds", *text);
    return false;
  }
  if (is_end) {
    interval.last = interval.last == unknown_time ? *time : std::max(interval.last, *time);
  } else {
    interval.first = interval.first == unknown_time ? *time : std::min(interval.first, *time);
    interval.last = interval.last == unknown_time ? *time : std::max(interval.last, *time);
  }
  return true;
}

bool read_interval(const xmlNode* element, Interval& interval, std::string& error) {
  std::vector<const xmlNode*> carriers{element};
  if (xmlNode* spells = xml_first_child(element, "spells")) {
    for (xmlNode* spell : xml_children(spells, "spell")) carriers.push_back(spell);
  }
  for (const xmlNode* carrier : carriers) {
    if (!add_time(xml_attribute(carrier, "start"), false, interval, error) ||
        !add_time(xml_attribute(carrier, "timestamp"), false, interval, error) ||
        !add_time(xml_attribute(carrier, "end"), true, interval, error)) {
      return false;
    }
  }
  return true;
}

AttributeSet read_attributes(const xmlNode* graph, std::string_view cls, NetworkBuilder& builder) {
  AttributeSet set;
  for (xmlNode* group : xml_children(graph, "attributes")) {
    if (xml_attribute(group, "class").value_or("node") != cls) continue;
    for (xmlNode* attribute : xml_children(group, "attribute")) {
      auto id = xml_attribute(attribute, "id");
      if (!id) {
        builder.reject(xml_line(attribute), "an <attribute> without an id");
        continue;
      }
      Attribute entry{xml_attribute(attribute, "title").value_or(*id), std::nullopt};
      if (xmlNode* value = xml_first_child(attribute, "default")) entry.default_value = xml_content(value);
      set.add(*id, std::move(entry));
    }
  }
  return set;
}

// The attvalues of an element by attribute title; the first value of each is kept.
std::map<std::string, std::string> read_attvalues(const xmlNode* element, const AttributeSet& set,
                                                  NetworkBuilder& builder) {
  std::map<std::string, std::string> values;
  xmlNode* attvalues = xml_first_child(element, "attvalues");
  for (xmlNode* attvalue : xml_children(attvalues, "attvalue")) {
    auto key = xml_attribute(attvalue, "for");
    if (!key) key = xml_attribute(attvalue, "id");  // GEXF 1.0
    const Attribute* attribute = set.find(key, true);
    if (!attribute) {
      builder.reject(xml_line(attvalue), fmt::format("<attvalue> for '{}', which no <attribute> declares", key.value_or("")));
      continue;
    }
    if (!values.emplace(attribute->name, xml_attribute(attvalue, "value").value_or("")).second) {
      builder.count("further values of dynamic attributes not kept (the first kept)");
    }
  }
  return values;
}

std::string hex_colour(int r, int g, int b) { return fmt::format("#{:02x}{:02x}{:02x}", r, g, b); }

void read_viz(const xmlNode* node, std::uint32_t index, NetworkBuilder& builder) {
  if (xmlNode* position = xml_first_child(node, "position")) {
    for (const char* axis : {"x", "y"}) {
      auto value = parse_number(xml_attribute(position, axis).value_or("0"));
      if (value) builder.set_attribute(index, axis, number_text(*value));
    }
  }
  if (xmlNode* size = xml_first_child(node, "size")) {
    if (auto value = parse_number(xml_attribute(size, "value").value_or(""))) {
      builder.set_attribute(index, "size", number_text(*value));
    }
  }
  if (xmlNode* colour = xml_first_child(node, "color")) {
    if (auto hex = xml_attribute(colour, "hex")) {
      builder.set_attribute(index, "color", *hex);
    } else {
      int channels[3] = {0, 0, 0};
      const char* names[3] = {"r", "g", "b"};
      for (int i = 0; i < 3; ++i) {
        auto value = parse_number(xml_attribute(colour, names[i]).value_or("0"));
        channels[i] = value ? std::clamp(static_cast<int>(*value), 0, 255) : 0;
      }
      builder.set_attribute(index, "color", hex_colour(channels[0], channels[1], channels[2]));
    }
  }
}

void read_node(const xmlNode* node, const AttributeSet& attributes, NetworkBuilder& builder) {
  Interval interval;
  std::string error;
  if (!read_interval(node, interval, error)) {
    builder.reject(xml_line(node), error);
    return;
  }
  auto added = builder.add_node(xml_attribute(node, "id"), xml_line(node), "<node>");
  if (!added) return;
  std::uint32_t index = *added;
  if (auto label = xml_attribute(node, "label")) builder.set_label(index, *label);
  std::map<std::string, std::string> values = read_attvalues(node, attributes, builder);
  for (const Attribute& attribute : attributes.declarations) {
    auto it = values.find(attribute.name);
    if (it != values.end()) {
      builder.set_attribute(index, attribute.name, it->second);
    } else if (attribute.default_value) {
      builder.set_attribute(index, attribute.name, *attribute.default_value);
    }
  }
  if (interval.first != unknown_time) builder.set_attribute(index, "start", format_iso8601_time(interval.first));
  read_viz(node, index, builder);
  if (xmlNode* nested = xml_first_child(node, "nodes"); nested && !xml_children(nested, "node").empty()) {
    builder.count("nested (hierarchical) nodes ignored");
  }
}

void read_edge(const xmlNode* edge, const AttributeSet& attributes, NetworkBuilder& builder) {
  auto ends = builder.edge_ends(xml_attribute(edge, "source"), xml_attribute(edge, "target"), xml_line(edge), "<edge>");
  if (!ends) return;
  GraphEdge out;
  if (auto weight = xml_attribute(edge, "weight"); weight && !builder.read_weight(*weight, xml_line(edge), out.weight)) {
    return;
  }
  Interval interval;
  std::string error;
  if (!read_interval(edge, interval, error)) {
    builder.reject(xml_line(edge), error);
    return;
  }
  out.first = interval.first;
  out.last = interval.last;
  std::map<std::string, std::string> values = read_attvalues(edge, attributes, builder);
  if (auto kind = xml_attribute(edge, "kind")) {
    out.type = builder.edge_type(*kind);
  } else if (auto it = values.find("type"); it != values.end()) {
    out.type = builder.edge_type(it->second);
  } else if (auto it = values.find("interaction"); it != values.end()) {
    out.type = builder.edge_type(it->second);
  }
  for (const auto& [title, value] : values) {
    if (title != "type" && title != "interaction" && title != "weight") builder.edge_value_not_kept(title);
  }
  out.source = ends->first;
  out.target = ends->second;
  builder.add_edge(out);
}

}  // namespace

ImportedNetwork read_gexf(std::string_view text, const std::string& path) {
  NetworkBuilder builder(path, NetworkFormat::gexf);
  XmlDocument document(text);
  xmlNode* root = network_root(document, "gexf", builder);
  if (!root) return builder.finish(false);
  xmlNode* graph = xml_first_child(root, "graph");
  if (!graph) {
    builder.reject(xml_line(root), "no <graph> inside <gexf>");
    return builder.finish(false);
  }
  bool directed = xml_attribute(graph, "defaultedgetype").value_or("undirected") == "directed";
  AttributeSet node_attributes = read_attributes(graph, "node", builder);
  AttributeSet edge_attributes = read_attributes(graph, "edge", builder);
  for (const Attribute& attribute : node_attributes.declarations) builder.declare_attribute(attribute.name);
  for (xmlNode* nodes : xml_children(graph, "nodes")) {
    for (xmlNode* node : xml_children(nodes, "node")) read_node(node, node_attributes, builder);
  }
  for (xmlNode* edges : xml_children(graph, "edges")) {
    for (xmlNode* edge : xml_children(edges, "edge")) read_edge(edge, edge_attributes, builder);
  }
  return builder.finish(directed);
}

}  // namespace leaktrace
