#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "model/time.h"

namespace leaktrace {

// A network as exported for Gephi, R and Python (GEXF, GraphML, CSV node and edge lists), with
// every value already computed. The writers know nothing of how. Every string in it (ids, labels,
// values) is attacker-controlled text and is escaped by the writers.

enum class ColumnType : unsigned char { string, integer, real, time };
std::string_view column_type_name(ColumnType type);  // "string", "integer", "real", "time"

struct NetworkColumn {
  std::string name;  // e.g. "community", "pagerank", "first_share"
  ColumnType type = ColumnType::string;
};

struct NetworkTime {
  TimeMs ms = unknown_time;
};

// One value of a column: none (monostate), or of the column's type: std::string, std::int64_t,
// double, NetworkTime. A non-finite double or an unknown time is written as no value.
using NetworkValue = std::variant<std::monostate, std::string, std::int64_t, double, NetworkTime>;

struct Rgb8 {
  std::uint8_t r = 0, g = 0, b = 0;
};

struct NetworkNode {
  std::string id;     // "PLATFORM:ACCOUNT_ID", e.g. "twitter:25073877"
  std::string label;  // the handle
  // When the account first shared: it appears then and stays (the interval's end is open).
  TimeMs start = unknown_time;
  // Set when laid out.
  std::optional<double> x, y;
  std::optional<double> size;
  std::optional<Rgb8> colour;
  std::vector<NetworkValue> values;  // one per NetworkDocument::node_columns
};

struct NetworkEdge {
  std::uint32_t source = 0;  // index into NetworkDocument::nodes
  std::uint32_t target = 0;
  double weight = 1;
  std::string type;            // "repost", "quote", "reply", "mention", "citation"
  TimeMs time = unknown_time;  // the first interaction: the edge appears then and stays
  std::vector<NetworkValue> values;  // one per NetworkDocument::edge_columns
};

struct NetworkDocument {
  std::string title;  // the GEXF <description>
  bool directed = true;
  std::vector<NetworkColumn> node_columns;
  std::vector<NetworkColumn> edge_columns;
  std::vector<NetworkNode> nodes;
  std::vector<NetworkEdge> edges;

  // Whether any node or edge has a time (the exports then carry Gephi's timeline).
  bool dynamic() const;
  // Appends a column with one value per node (per edge); throws std::invalid_argument otherwise.
  void add_node_column(NetworkColumn column, std::vector<NetworkValue> values);
  void add_edge_column(NetworkColumn column, std::vector<NetworkValue> values);
  // Throws std::invalid_argument saying what to fix: duplicate node ids, an edge naming no node, a
  // non-finite or negative weight, values not one per column or not of the column's type, column
  // names repeated or taken by the built-in fields the writers use (nodes: id, label, start, x, y,
  // size, color, r, g, b; edges: id, source, target, weight, type, time).
  void check() const;
};

// A value as text in the exports: integers in decimal, reals in the shortest form that reads back
// exactly, times as ISO-8601 UTC ("2017-05-05T20:49:00.000Z"); nullopt for no value.
std::optional<std::string> network_value_text(const NetworkValue& value);

}  // namespace leaktrace
