#include "graph/node_attribute_table.h"

#include <array>
#include <cctype>
#include <filesystem>
#include <unordered_map>

#include <fmt/format.h>

#include "graph/delimited_text.h"
#include "graph/imported_network.h"
#include "graph/file_text.h"

namespace leaktrace {
namespace {

constexpr std::array<std::string_view, 6> key_column_names{"node", "id", "key", "name", "vertex", "account"};

bool names_key_column(std::string_view field) {
  std::string folded(field);
  for (char& c : folded) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (std::string_view name : key_column_names) {
    if (name == folded) return true;
  }
  return false;
}

}  // namespace

NodeAttributeTable parse_node_attribute_table(std::string_view text, const std::string& path, std::string_view name) {
  NodeAttributeTable table;
  table.path = path;
  DataLines lines(text);
  std::string_view line;
  std::uint64_t number = 0;
  std::optional<Delimiter> delimiter;
  std::vector<std::string> fields;
  std::string error;
  std::string base = name.empty() ? std::filesystem::path(path).stem().string() : std::string(name);
  if (base.empty()) base = "value";
  while (lines.next(line, number)) {
    if (!delimiter) delimiter = detect_delimiter(line);
    if (!split_fields(line, *delimiter, fields, error)) {
      table.rejections.push_back(InputRejection{path, number, error});
      continue;
    }
    if (table.names.empty()) {
      if (fields.size() < 2) {
        table.rejections.push_back(InputRejection{path, number, "a row needs a node and a value"});
        continue;
      }
      if (names_key_column(fields[0])) {
        table.names.assign(fields.begin() + 1, fields.end());
        continue;
      }
      table.names.push_back(base);
      for (std::size_t i = 2; i < fields.size(); ++i) table.names.push_back(fmt::format("{}_{}", base, i));
    }
    if (fields.size() < 2 || fields[0].empty()) {
      table.rejections.push_back(InputRejection{path, number, "a row needs a node and a value"});
      continue;
    }
    fields.resize(table.names.size() + 1);
    table.keys.push_back(fields[0]);
    table.lines.push_back(number);
    table.values.emplace_back(fields.begin() + 1, fields.end());
  }
  if (table.keys.empty()) {
    throw NetworkReadError(fmt::format("{}: no row of node attributes (expected `node<TAB>value` lines or a CSV "
                                       "with a header `node,NAME...`)",
                                       path));
  }
  return table;
}

NodeAttributeTable read_node_attribute_table(const std::string& path, std::string_view name) {
  FileText file = read_file_text(path);
  return parse_node_attribute_table(file.text, path, name);
}

AccountGraph with_node_attributes(const AccountGraph& graph, const NodeAttributeTable& table,
                                  std::vector<InputRejection>* unknown) {
  std::unordered_map<std::string_view, std::uint32_t> index;
  for (std::uint32_t i = 0; i < graph.node_count(); ++i) index.emplace(graph.node(i).key, i);
  std::vector<NodeAttribute> attributes = graph.attributes();
  std::vector<std::size_t> slots;
  for (const std::string& name : table.names) {
    std::size_t slot = attributes.size();
    for (std::size_t i = 0; i < attributes.size(); ++i) {
      if (attributes[i].name == name) slot = i;
    }
    if (slot == attributes.size()) attributes.push_back(NodeAttribute{name, {}});
    attributes[slot].values.assign(graph.node_count(), std::string());
    slots.push_back(slot);
  }
  for (std::size_t row = 0; row < table.keys.size(); ++row) {
    auto it = index.find(table.keys[row]);
    if (it == index.end()) {
      if (unknown) {
        unknown->push_back(InputRejection{table.path, table.lines[row],
                                          fmt::format("node '{}' is not in the network", table.keys[row])});
      }
      continue;
    }
    for (std::size_t column = 0; column < slots.size(); ++column) {
      attributes[slots[column]].values[it->second] = table.values[row][column];
    }
  }
  return AccountGraph::assemble(graph.nodes(), graph.edges(), std::move(attributes));
}

}  // namespace leaktrace
