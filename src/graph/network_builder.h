#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graph/imported_network.h"

namespace leaktrace {

// A weight as the network files write it: a finite number >= 0, surrounding spaces allowed.
std::optional<double> parse_weight(std::string_view text);

// What the network readers share: nodes by id in order of first appearance, their attributes by
// name, edges, rejections and notes, then the ImportedNetwork.
class NetworkBuilder {
 public:
  NetworkBuilder(std::string path, NetworkFormat format);

  const std::string& path() const { return path_; }
  // The node with this id, added when new (its label is its id until set_label).
  std::uint32_t node(std::string_view id);
  std::optional<std::uint32_t> find(std::string_view id) const;
  bool has_node(std::string_view id) const { return find(id).has_value(); }
  void set_label(std::uint32_t node, std::string label);
  void set_attribute(std::uint32_t node, std::string_view name, std::string value);
  // Declares an attribute so that it exists even when no node has a value.
  void declare_attribute(std::string_view name);

  // The readers' checks, each rejecting at `line` what fails it. `element` names the element in
  // the messages ("node", "<node>").
  // A new node with this id; nullopt when the id is missing or taken.
  std::optional<std::uint32_t> add_node(const std::optional<std::string>& id, std::uint64_t line,
                                        std::string_view element);
  // The nodes an edge joins; nullopt when an end is missing or not a declared node.
  std::optional<std::pair<std::uint32_t, std::uint32_t>> edge_ends(const std::optional<std::string>& source,
                                                                   const std::optional<std::string>& target,
                                                                   std::uint64_t line, std::string_view element);
  // An edge's weight (a finite number >= 0) or time (parse_network_time) from text.
  bool read_weight(std::string_view text, std::uint64_t line, float& weight);
  bool read_time(std::string_view text, std::uint64_t line, TimeMs& time);
  // Counts an edge value the graph has no place for.
  void edge_value_not_kept(std::string_view name);

  // The interaction type a file's edge type names; anything else is a repost, counted.
  InteractionType edge_type(std::string_view name);
  void add_edge(const GraphEdge& edge);

  void reject(std::uint64_t line, std::string reason);
  void note(std::string text);
  // Counts something read differently from the file ("edges with a port"): one note per kind.
  void count(std::string_view what);
  std::size_t rejection_count() const { return rejections_.size(); }

  // Throws NetworkReadError when not a single node could be read.
  ImportedNetwork finish(bool directed);

 private:
  std::string path_;
  NetworkFormat format_;
  std::vector<GraphNode> nodes_;
  std::unordered_map<std::string, std::uint32_t> index_;
  std::vector<NodeAttribute> attributes_;
  std::unordered_map<std::string, std::size_t> attribute_index_;
  std::vector<GraphEdge> edges_;
  std::vector<InputRejection> rejections_;
  std::vector<std::string> notes_;
  std::map<std::string, std::uint64_t, std::less<>> counts_;
  std::map<std::string, std::uint64_t, std::less<>> unknown_types_;
};

}  // namespace leaktrace
