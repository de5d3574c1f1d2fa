#include "cli/network_export.h"

#include <charconv>
#include <cmath>
#include <optional>

#include "graph/network_time.h"

namespace leaktrace {
namespace {

std::optional<std::int64_t> whole_number(std::string_view text) {
  std::int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<double> real_number(std::string_view text) {
  double value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

std::optional<Rgb8> colour_from_hex(std::string_view text) {
  if (text.size() != 7 || text[0] != '#') return std::nullopt;
  unsigned value = 0;
  auto [end, error] = std::from_chars(text.data() + 1, text.data() + 7, value, 16);
  if (error != std::errc{} || end != text.data() + 7) return std::nullopt;
  return Rgb8{static_cast<std::uint8_t>(value >> 16), static_cast<std::uint8_t>(value >> 8),
             static_cast<std::uint8_t>(value)};
}

ColumnType column_type(const NodeAttribute& attribute) {
  bool integers = true, reals = true, any = false;
  for (const std::string& value : attribute.values) {
    if (value.empty()) continue;
    any = true;
    integers = integers && whole_number(value).has_value();
    reals = reals && real_number(value).has_value();
  }
  if (!any) return ColumnType::string;
  return integers ? ColumnType::integer : reals ? ColumnType::real : ColumnType::string;
}

NetworkValue typed(const std::string& text, ColumnType type) {
  if (text.empty()) return std::monostate{};
  switch (type) {
    case ColumnType::integer: return *whole_number(text);
    case ColumnType::real: return *real_number(text);
    default: return text;
  }
}

}  // namespace

NetworkDocument network_document(const AccountGraph& graph, const NetworkExportOptions& options) {
  NetworkDocument document;
  document.title = options.title;
  document.directed = options.directed;
  document.nodes.reserve(graph.node_count());
  for (const GraphNode& node : graph.nodes()) {
    NetworkNode out;
    out.id = node.key;
    out.label = node.label;
    document.nodes.push_back(std::move(out));
  }
  const NodeAttribute* x = graph.attribute("x");
  const NodeAttribute* y = graph.attribute("y");
  for (std::uint32_t i = 0; i < graph.node_count(); ++i) {
    NetworkNode& node = document.nodes[i];
    if (x && y) {
      auto px = real_number(x->values[i]);
      auto py = real_number(y->values[i]);
      if (px && py) {
        node.x = *px;
        node.y = *py;
      }
    }
    if (const NodeAttribute* size = graph.attribute("size")) {
      if (auto value = real_number(size->values[i]); value && *value >= 0) node.size = *value;
    }
    if (const NodeAttribute* colour = graph.attribute("color")) node.colour = colour_from_hex(colour->values[i]);
    if (const NodeAttribute* start = graph.attribute("start")) {
      if (auto time = parse_network_time(start->values[i])) node.start = *time;
    }
  }
  for (const NodeAttribute& attribute : graph.attributes()) {
    const std::string& name = attribute.name;
    bool layout = name == "size" || name == "color" || name == "start" || ((name == "x" || name == "y") && x && y);
    if (layout) continue;
    ColumnType type = column_type(attribute);
    bool taken = name == "id" || name == "label" || name == "r" || name == "g" || name == "b" || name == "x" ||
                 name == "y";
    std::vector<NetworkValue> values;
    values.reserve(attribute.values.size());
    for (const std::string& value : attribute.values) values.push_back(typed(value, type));
    document.add_node_column(NetworkColumn{taken ? name + "_value" : name, type}, std::move(values));
  }
  for (const GraphEdge& edge : graph.edges()) {
    if (!options.types.contains(edge.type)) continue;
    document.edges.push_back(NetworkEdge{edge.source, edge.target, edge.weight,
                                         std::string(interaction_type_name(edge.type)), edge.first, {}});
  }
  return document;
}

}  // namespace leaktrace
