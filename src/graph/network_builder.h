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
