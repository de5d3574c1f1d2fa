#include "graph/network_format.h"

#include <array>
#include <cctype>

namespace leaktrace {
namespace {

constexpr std::array<std::string_view, 4> names{"edge-list", "gml", "graphml", "gexf"};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view skip_space(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size() && is_space(text[i])) ++i;
  return text.substr(i);
}

// The local name of the first element of an XML text: skips the declaration, comments,
// processing instructions and a DOCTYPE.
std::string_view first_element_name(std::string_view text) {
  while (true) {
    text = skip_space(text);
    if (text.size() < 2 || text[0] != '<') return {};
    if (text.substr(0, 4) == "<!--") {
      std::size_t end = text.find("-->");
      if (end == std::string_view::npos) return {};
      text = text.substr(end + 3);
      continue;
    }
    if (text[1] == '?' || text[1] == '!') {
      std::size_t end = text.find('>');
      if (end == std::string_view::npos) return {};
      text = text.substr(end + 1);
      continue;
    }
    std::size_t end = 1;
    while (end < text.size() && !is_space(text[end]) && text[end] != '>' && text[end] != '/') ++end;
    std::string_view name = text.substr(1, end - 1);
    std::size_t colon = name.find(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
  }
}

bool is_word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// GML: key-value pairs whose top level holds `graph [`. Keys before it (Creator, Version) and
// `#` comment lines are allowed.
bool looks_like_gml(std::string_view text) {
  for (int pairs = 0; pairs < 16; ++pairs) {
    text = skip_space(text);
    if (text.empty()) return false;
    if (text[0] == '#') {
      std::size_t end = text.find('\n');
      if (end == std::string_view::npos) return false;
      text = text.substr(end + 1);
      --pairs;
      continue;
    }
    std::size_t end = 0;
    while (end < text.size() && is_word_char(text[end])) ++end;
    if (end == 0 || end == text.size() || (!is_space(text[end]) && text[end] != '[')) return false;
    std::string_view key = text.substr(0, end);
    text = skip_space(text.substr(end));
    if (key == "graph") return !text.empty() && text[0] == '[';
    if (text.empty()) return false;
    if (text[0] == '"') {
      std::size_t close = text.find('"', 1);
      if (close == std::string_view::npos) return false;
      text = text.substr(close + 1);
    } else {
      std::size_t value_end = 0;
      while (value_end < text.size() && !is_space(text[value_end])) ++value_end;
      if (value_end == 0 || text[0] == '[') return false;
      text = text.substr(value_end);
    }
  }
  return false;
}

}  // namespace

std::string_view network_format_name(NetworkFormat format) { return names[static_cast<std::size_t>(format)]; }

std::optional<NetworkFormat> network_format_from_name(std::string_view name) {
  if (name == "csv" || name == "tsv" || name == "edgelist") return NetworkFormat::edge_list;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i] == name) return static_cast<NetworkFormat>(i);
  }
  return std::nullopt;
}

std::optional<NetworkFormat> detect_network_format(std::string_view head) {
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  std::string_view text = skip_space(head);
  if (!text.empty() && text[0] == '<') {
    std::string_view root = first_element_name(text);
    if (root == "gexf") return NetworkFormat::gexf;
    if (root == "graphml") return NetworkFormat::graphml;
    return std::nullopt;
  }
  if (looks_like_gml(text)) return NetworkFormat::gml;
  return NetworkFormat::edge_list;
}

}  // namespace leaktrace
