#include "render/network_document.h"

#include <array>
#include <cmath>
#include <stdexcept>
#include <unordered_set>

#include <fmt/format.h>

namespace leaktrace {
namespace {

constexpr std::array<std::string_view, 10> node_fields{"id", "label", "start", "x", "y", "size", "color", "r", "g", "b"};
constexpr std::array<std::string_view, 6> edge_fields{"id", "source", "target", "weight", "type", "time"};

template <std::size_t N>
void check_columns(const std::vector<NetworkColumn>& columns, const std::array<std::string_view, N>& fields,
                   std::string_view what) {
  std::unordered_set<std::string_view> names;
  for (const NetworkColumn& column : columns) {
    if (column.name.empty()) throw std::invalid_argument(fmt::format("a {} column needs a name", what));
    for (std::string_view field : fields) {
      if (column.name == field) {
        throw std::invalid_argument(fmt::format(
            "{} column '{}' has the name of a built-in field of the exports; rename it (e.g. '{}_value')", what,
            column.name, column.name));
      }
    }
    if (!names.insert(column.name).second) {
      throw std::invalid_argument(fmt::format("{} column '{}' appears twice; give each column its own name", what,
                                              column.name));
    }
  }
}

bool fits(const NetworkValue& value, ColumnType type) {
  switch (value.index()) {
    case 0: return true;
    case 1: return type == ColumnType::string;
    case 2: return type == ColumnType::integer;
    case 3: return type == ColumnType::real;
    case 4: return type == ColumnType::time;
  }
  return false;
}

void check_values(const std::vector<NetworkValue>& values, const std::vector<NetworkColumn>& columns,
                  std::string_view what, std::size_t index) {
  if (values.size() != columns.size()) {
    throw std::invalid_argument(fmt::format("{} {} has {} values for {} columns; give one value per column "
                                            "(std::monostate for none)",
                                            what, index, values.size(), columns.size()));
  }
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (!fits(values[i], columns[i].type)) {
      throw std::invalid_argument(fmt::format("{} {}: the value of column '{}' is not of its type {}", what, index,
                                              columns[i].name, column_type_name(columns[i].type)));
    }
  }
}

// Adds a column to nodes or edges, one value each.
template <typename Element>
void append_column(std::vector<NetworkColumn>& columns, std::vector<Element>& elements, NetworkColumn column,
                   std::vector<NetworkValue> values, std::string_view what) {
  if (values.size() != elements.size()) {
    throw std::invalid_argument(fmt::format("{} column '{}' has {} values for {} {}s; give one per {}", what,
                                            column.name, values.size(), elements.size(), what, what));
  }
  columns.push_back(std::move(column));
  for (std::size_t i = 0; i < elements.size(); ++i) elements[i].values.push_back(std::move(values[i]));
}

}  // namespace

std::string_view column_type_name(ColumnType type) {
  constexpr std::array<std::string_view, 4> names{"string", "integer", "real", "time"};
  return names[static_cast<std::size_t>(type)];
}

bool NetworkDocument::dynamic() const {
  for (const NetworkNode& node : nodes) {
    if (node.start != unknown_time) return true;
  }
  for (const NetworkEdge& edge : edges) {
    if (edge.time != unknown_time) return true;
  }
  return false;
}

void NetworkDocument::add_node_column(NetworkColumn column, std::vector<NetworkValue> values) {
  append_column(node_columns, nodes, std::move(column), std::move(values), "node");
}

void NetworkDocument::add_edge_column(NetworkColumn column, std::vector<NetworkValue> values) {
  append_column(edge_columns, edges, std::move(column), std::move(values), "edge");
}

void NetworkDocument::check() const {
  check_columns(node_columns, node_fields, "node");
  check_columns(edge_columns, edge_fields, "edge");
  std::unordered_set<std::string_view> ids;
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    if (nodes[i].id.empty()) throw std::invalid_argument(fmt::format("node {} has no id", i));
    if (!ids.insert(nodes[i].id).second) {
      throw std::invalid_argument(fmt::format("node id '{}' appears twice; node ids must be unique", nodes[i].id));
    }
    if (nodes[i].x.has_value() != nodes[i].y.has_value()) {
      throw std::invalid_argument(fmt::format("node '{}' has only one of x and y; set both or neither", nodes[i].id));
    }
    check_values(nodes[i].values, node_columns, "node", i);
  }
  for (std::size_t i = 0; i < edges.size(); ++i) {
    const NetworkEdge& edge = edges[i];
    if (edge.source >= nodes.size() || edge.target >= nodes.size()) {
      throw std::invalid_argument(fmt::format("edge {} names node {} -> {} of {} nodes", i, edge.source, edge.target,
                                              nodes.size()));
    }
    if (!std::isfinite(edge.weight) || edge.weight < 0) {
      throw std::invalid_argument(fmt::format("edge {} has weight {}; weights must be finite and >= 0", i, edge.weight));
    }
    check_values(edge.values, edge_columns, "edge", i);
  }
}

std::optional<std::string> network_value_text(const NetworkValue& value) {
  switch (value.index()) {
    case 1: return std::get<std::string>(value);
    case 2: return fmt::format("{}", std::get<std::int64_t>(value));
    case 3: {
      double number = std::get<double>(value);
      if (!std::isfinite(number)) return std::nullopt;
      return fmt::format("{}", number);
    }
    case 4: {
      TimeMs time = std::get<NetworkTime>(value).ms;
      if (time == unknown_time) return std::nullopt;
      return format_iso8601_time(time);
    }
    default: return std::nullopt;
  }
}

}  // namespace leaktrace
