#include "render/csv_network_writer.h"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <optional>
#include <stdexcept>

#include <fmt/format.h>

namespace leaktrace {
namespace {

void field(std::string& row, std::string_view text) {
  if (!row.empty()) row += ',';
  bool quote = text.find_first_of(",\"\r\n") != std::string_view::npos ||
               (!text.empty() && (text.front() == ' ' || text.back() == ' '));
  if (!quote) {
    row += text;
    return;
  }
  row += '"';
  for (char c : text) {
    if (c == '"') row += '"';
    row += c;
  }
  row += '"';
}

void end_row(std::ostream& out, std::string& row) {
  row += "\r\n";
  out.write(row.data(), static_cast<std::streamsize>(row.size()));
  row.clear();
}

std::string finite(const std::optional<double>& value) {
  return value && std::isfinite(*value) ? fmt::format("{}", *value) : std::string();
}

}  // namespace

void write_csv_nodes(const NetworkDocument& document, std::ostream& out) {
  document.check();
  bool starts = false, positions = false, sizes = false, colours = false;
  for (const NetworkNode& node : document.nodes) {
    starts |= node.start != unknown_time;
    positions |= node.x.has_value();
    sizes |= node.size.has_value();
    colours |= node.colour.has_value();
  }
  std::string row;
  field(row, "id");
  field(row, "label");
  if (starts) field(row, "start");
  if (positions) {
    field(row, "x");
    field(row, "y");
  }
  if (sizes) field(row, "size");
  if (colours) field(row, "color");
  for (const NetworkColumn& column : document.node_columns) field(row, column.name);
  end_row(out, row);
  for (const NetworkNode& node : document.nodes) {
    field(row, node.id);
    field(row, node.label);
    if (starts) field(row, node.start == unknown_time ? std::string() : format_iso8601_time(node.start));
    if (positions) {
      field(row, finite(node.x));
      field(row, finite(node.y));
    }
    if (sizes) field(row, finite(node.size));
    if (colours) {
      field(row, node.colour ? fmt::format("#{:02x}{:02x}{:02x}", node.colour->r, node.colour->g, node.colour->b)
                             : std::string());
    }
    for (const NetworkValue& value : node.values) field(row, network_value_text(value).value_or(""));
    end_row(out, row);
  }
}

void write_csv_edges(const NetworkDocument& document, std::ostream& out) {
  document.check();
  bool times = false;
  for (const NetworkEdge& edge : document.edges) times |= edge.time != unknown_time;
  std::string row;
  for (std::string_view name : {"source", "target", "weight", "type"}) field(row, name);
  if (times) field(row, "time");
  for (const NetworkColumn& column : document.edge_columns) field(row, column.name);
  end_row(out, row);
  for (const NetworkEdge& edge : document.edges) {
    field(row, document.nodes[edge.source].id);
    field(row, document.nodes[edge.target].id);
    field(row, fmt::format("{}", edge.weight));
    field(row, edge.type);
    if (times) field(row, edge.time == unknown_time ? std::string() : format_iso8601_time(edge.time));
    for (const NetworkValue& value : edge.values) field(row, network_value_text(value).value_or(""));
    end_row(out, row);
  }
}

CsvNetworkFiles write_csv_network(const NetworkDocument& document, const std::string& folder) {
  document.check();
  std::error_code error;
  std::filesystem::create_directories(folder, error);
  if (error) throw std::runtime_error(fmt::format("cannot create the folder {}: {}", folder, error.message()));
  CsvNetworkFiles files{(std::filesystem::path(folder) / "nodes.csv").string(),
                        (std::filesystem::path(folder) / "edges.csv").string()};
  auto write = [&](const std::string& path, void (*writer)(const NetworkDocument&, std::ostream&)) {
    std::ofstream out(path, std::ios::binary);
    if (!out) throw std::runtime_error(fmt::format("cannot write {}: check the folder's permissions", path));
    writer(document, out);
    out.close();
    if (!out) throw std::runtime_error(fmt::format("cannot write {}: is the disk full?", path));
  };
  write(files.nodes, &write_csv_nodes);
  write(files.edges, &write_csv_edges);
  return files;
}

}  // namespace leaktrace
