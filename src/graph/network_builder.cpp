#include "graph/network_builder.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

#include <fmt/format.h>

#include "graph/network_time.h"

namespace leaktrace {
namespace {

constexpr std::size_t max_rejections_in_message = 3;

std::string lowercase_trimmed(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

std::optional<double> parse_weight(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  double value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc{} || end != text.data() + text.size() || !std::isfinite(value) ||
      value < 0) {
    return std::nullopt;
  }
  return value;
}

NetworkBuilder::NetworkBuilder(std::string path, NetworkFormat format) : path_(std::move(path)), format_(format) {}

std::uint32_t NetworkBuilder::node(std::string_view id) {
  auto [it, inserted] = index_.try_emplace(std::string(id), static_cast<std::uint32_t>(nodes_.size()));
  if (inserted) nodes_.push_back(GraphNode{std::string(id), std::string(id), no_index});
  return it->second;
}

std::optional<std::uint32_t> NetworkBuilder::find(std::string_view id) const {
  auto it = index_.find(std::string(id));
  if (it == index_.end()) return std::nullopt;
  return it->second;
}

void NetworkBuilder::set_label(std::uint32_t node, std::string label) { nodes_[node].label = std::move(label); }

void NetworkBuilder::declare_attribute(std::string_view name) {
  auto [it, inserted] = attribute_index_.try_emplace(std::string(name), attributes_.size());
  if (inserted) attributes_.push_back(NodeAttribute{std::string(name), {}});
}

void NetworkBuilder::set_attribute(std::uint32_t node, std::string_view name, std::string value) {
  declare_attribute(name);
  NodeAttribute& attribute = attributes_[attribute_index_.find(std::string(name))->second];
  if (attribute.values.size() <= node) attribute.values.resize(nodes_.size());
  attribute.values[node] = std::move(value);
}

std::optional<std::uint32_t> NetworkBuilder::add_node(const std::optional<std::string>& id, std::uint64_t line,
                                                     std::string_view element) {
  if (!id || id->empty()) {
    reject(line, fmt::format("{} without an id", element));
    return std::nullopt;
  }
  if (has_node(*id)) {
    reject(line, fmt::format("a second {} with id '{}'", element, *id));
    return std::nullopt;
  }
  return node(*id);
}

std::optional<std::pair<std::uint32_t, std::uint32_t>> NetworkBuilder::edge_ends(
    const std::optional<std::string>& source, const std::optional<std::string>& target, std::uint64_t line,
    std::string_view element) {
  if (!source || !target) {
    reject(line, fmt::format("{} without a source and a target", element));
    return std::nullopt;
  }
  auto from = find(*source);
  auto to = find(*target);
  if (!from || !to) {
    reject(line, fmt::format("{} names node '{}', which is not declared", element, from ? *target : *source));
    return std::nullopt;
  }
  return std::pair{*from, *to};
}

bool NetworkBuilder::read_weight(std::string_view text, std::uint64_t line, float& weight) {
  auto value = parse_weight(text);
  if (!value) {
    reject(line, fmt::format("weight '{}' is not a number >= 0", text));
    return false;
  }
  weight = static_cast<float>(*value);
  return true;
}

bool NetworkBuilder::read_time(std::string_view text, std::uint64_t line, TimeMs& time) {
  auto value = parse_network_time(text);
  if (!value) {
    reject(line, fmt::format("time '{}' is neither ISO-8601 nor seconds since the epoch", text));
    return false;
  }
  time = *value;
  return true;
}

void NetworkBuilder::edge_value_not_kept(std::string_view name) {
  count(fmt::format("edge values of '{}' not kept (an edge keeps weight, type and time)", name));
}

InteractionType NetworkBuilder::edge_type(std::string_view name) {
  std::string folded = lowercase_trimmed(name);
  if (auto type = interaction_type_from_name(folded)) return *type;
  ++unknown_types_[folded];
  return InteractionType::repost;
}

void NetworkBuilder::add_edge(const GraphEdge& edge) { edges_.push_back(edge); }

void NetworkBuilder::reject(std::uint64_t line, std::string reason) {
  rejections_.push_back(InputRejection{path_, line, std::move(reason)});
}

void NetworkBuilder::note(std::string text) { notes_.push_back(std::move(text)); }

void NetworkBuilder::count(std::string_view what) {
  auto it = counts_.find(what);
  if (it == counts_.end()) it = counts_.emplace(std::string(what), 0).first;
  ++it->second;
}

ImportedNetwork NetworkBuilder::finish(bool directed) {
  if (nodes_.empty()) {
    std::string problems;
    for (std::size_t i = 0; i < rejections_.size() && i < max_rejections_in_message; ++i) {
      problems += fmt::format("; line {}: {}", rejections_[i].line, rejections_[i].reason);
    }
    throw NetworkReadError(fmt::format(
        "{}: no node could be read as a {} network{}; check the file (edge list, GML, GraphML or GEXF) or "
        "name its format",
        path_, network_format_name(format_), problems));
  }
  ImportedNetwork network;
  network.path = path_;
  network.format = format_;
  network.directed = directed;
  network.edges_read = edges_.size();
  std::size_t self_loops = static_cast<std::size_t>(
      std::count_if(edges_.begin(), edges_.end(), [](const GraphEdge& e) { return e.source == e.target; }));
  network.notes = std::move(notes_);
  for (const auto& [what, count] : counts_) network.notes.push_back(fmt::format("{} {}", count, what));
  if (!unknown_types_.empty()) {
    std::uint64_t total = 0;
    std::string names;
    for (const auto& [name, count] : unknown_types_) {
      total += count;
      names += fmt::format("{}'{}' ×{}", names.empty() ? "" : ", ", name, count);
    }
    network.notes.push_back(fmt::format(
        "{} edges have a type that is not repost, quote, reply, mention or citation and were read as repost ({})",
        total, names));
  }
  network.graph = AccountGraph::assemble(std::move(nodes_), std::move(edges_), std::move(attributes_));
  std::size_t merged = network.edges_read - self_loops - network.graph.edges().size();
  if (self_loops > 0) network.notes.push_back(fmt::format("{} self-loops dropped", self_loops));
  if (merged > 0) {
    network.notes.push_back(
        fmt::format("{} edges repeat the source, target and type of an earlier one and were merged into it "
                    "(weights summed)",
                    merged));
  }
  network.rejections = std::move(rejections_);
  return network;
}

}  // namespace leaktrace
