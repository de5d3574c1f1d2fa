#include "graph/edge_list_reader.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>

#include <fmt/format.h>

#include "graph/delimited_text.h"
#include "graph/network_builder.h"

namespace leaktrace {
namespace {

enum Column : std::size_t { source_column, target_column, weight_column, time_column, type_column, column_count };
constexpr std::size_t absent = SIZE_MAX;

struct ColumnName {
  std::string_view name;
  Column column;
};

constexpr std::array<ColumnName, 19> column_names{{
    {"source", source_column},   {"from", source_column},       {"src", source_column},
    {"u", source_column},        {"target", target_column},     {"to", target_column},
    {"dst", target_column},      {"v", target_column},          {"weight", weight_column},
    {"w", weight_column},        {"value", weight_column},      {"count", weight_column},
    {"time", time_column},       {"timestamp", time_column},    {"date", time_column},
    {"created_at", time_column}, {"start", time_column},        {"type", type_column},
    {"kind", type_column},
}};

std::optional<Column> column_of(std::string_view field) {
  std::string folded(field);
  for (char& c : folded) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (folded == "interaction") return type_column;
  for (const ColumnName& entry : column_names) {
    if (entry.name == folded) return entry.column;
  }
  return std::nullopt;
}

}  // namespace

ImportedNetwork read_edge_list(std::string_view text, const std::string& path) {
  NetworkBuilder builder(path, NetworkFormat::edge_list);
  DataLines lines(text);
  std::string_view line;
  std::uint64_t number = 0;
  std::optional<Delimiter> delimiter;
  std::array<std::size_t, column_count> columns{0, 1, 2, 3, 4};
  std::vector<std::string> fields;
  std::string error;
  bool first = true;
  while (lines.next(line, number)) {
    if (!delimiter) delimiter = detect_delimiter(line);
    if (!split_fields(line, *delimiter, fields, error)) {
      builder.reject(number, error);
      continue;
    }
    if (first) {
      first = false;
      std::array<std::size_t, column_count> named;
      named.fill(absent);
      bool header = false;
      for (std::size_t i = 0; i < fields.size(); ++i) {
        auto column = column_of(fields[i]);
        if (column && named[*column] == absent) {
          named[*column] = i;
          header = true;
        }
      }
      if (header) {
        if (named[source_column] == absent) named[source_column] = named[target_column] == 0 ? 1 : 0;
        if (named[target_column] == absent) named[target_column] = named[source_column] == 1 ? 0 : 1;
        std::string ignored;
        for (std::size_t i = 0; i < fields.size(); ++i) {
          if (std::find(named.begin(), named.end(), i) == named.end()) ignored += (ignored.empty() ? "" : ", ") + fields[i];
        }
        if (!ignored.empty()) {
          builder.note(fmt::format(
              "columns not read (an edge list keeps source, target, weight, time and type): {}", ignored));
        }
        columns = named;
        continue;
      }
    }
    auto field = [&](Column column) -> std::string_view {
      std::size_t index = columns[column];
      return index < fields.size() ? std::string_view(fields[index]) : std::string_view();
    };
    std::string_view source = field(source_column);
    std::string_view target = field(target_column);
    if (source.empty() || target.empty()) {
      builder.reject(number, "edge without a source and a target");
      continue;
    }
    GraphEdge edge;
    std::string_view weight = field(weight_column);
    if (!weight.empty() && !builder.read_weight(weight, number, edge.weight)) continue;
    std::string_view time = field(time_column);
    if (!time.empty()) {
      if (!builder.read_time(time, number, edge.first)) continue;
      edge.last = edge.first;
    }
    if (std::string_view type = field(type_column); !type.empty()) edge.type = builder.edge_type(type);
    edge.source = builder.node(source);
    edge.target = builder.node(target);
    builder.add_edge(edge);
  }
  return builder.finish(true);
}

}  // namespace leaktrace
