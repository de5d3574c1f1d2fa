#include "graph/gml_reader.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <optional>
#include <unordered_set>
#include <vector>

#include <fmt/format.h>

#include "graph/network_builder.h"

namespace leaktrace {
namespace {

struct GmlPair;

struct GmlValue {
  enum class Kind : unsigned char { number, string, list };
  Kind kind = Kind::number;
  std::string text;            // number or string
  std::vector<GmlPair> items;  // list
  std::uint64_t line = 0;
};

struct GmlPair {
  std::string key;
  GmlValue value;
};

void append_utf8(std::string& out, std::uint32_t code) {
  if (code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) code = 0xFFFD;
  if (code < 0x80) {
    out += static_cast<char>(code);
  } else if (code < 0x800) {
    out += static_cast<char>(0xC0 | (code >> 6));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else if (code < 0x10000) {
    out += static_cast<char>(0xE0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code >> 18));
    out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  }
}

// GML strings escape with HTML entities; an unknown entity stays as written.
std::string decode_entities(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '&') {
      out += text[i];
      continue;
    }
    std::size_t semicolon = text.find(';', i);
    if (semicolon == std::string_view::npos || semicolon - i > 10) {
      out += '&';
      continue;
    }
    std::string_view name = text.substr(i + 1, semicolon - i - 1);
    std::optional<std::uint32_t> code;
    if (name == "quot") code = '"';
    else if (name == "amp") code = '&';
    else if (name == "lt") code = '<';
    else if (name == "gt") code = '>';
    else if (name == "apos") code = '\'';
    else if (name.size() > 1 && name[0] == '#') {
      std::uint32_t value = 0;
      bool hex = name[1] == 'x' || name[1] == 'X';
      std::string_view digits = name.substr(hex ? 2 : 1);
      auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value, hex ? 16 : 10);
      if (error == std::errc{} && end == digits.data() + digits.size() && !digits.empty()) code = value;
    }
    if (!code) {
      out += '&';
      continue;
    }
    append_utf8(out, *code);
    i = semicolon;
  }
  return out;
}

struct SyntaxError {
  std::uint64_t line;
  std::string message;
};

class GmlParser {
 public:
  explicit GmlParser(std::string_view text) : text_(text) {}

  // The top-level pairs; a syntax error stops the parse and is returned in `error`, with what was
  // complete before it kept (see read_gml).
  std::vector<GmlPair> parse(std::optional<SyntaxError>& error, std::uint64_t& interrupted_line) {
    frames_.push_back(GmlPair{"", GmlValue{GmlValue::Kind::list, {}, {}, 1}});
    try {
      parse_pairs();
    } catch (const SyntaxError& e) {
      error = e;
      interrupted_line = frames_.size() > 2 ? frames_[2].value.line : 0;
      while (frames_.size() > 2) frames_.pop_back();  // the element the error interrupts
      while (frames_.size() > 1) close_frame();
    }
    return std::move(frames_[0].value.items);
  }

 private:
  void skip_space_and_comments() {
    while (position_ < text_.size()) {
      char c = text_[position_];
      if (c == '\n') {
        ++line_;
        ++position_;
      } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
        ++position_;
      } else if (c == '#') {
        while (position_ < text_.size() && text_[position_] != '\n') ++position_;
      } else {
        return;
      }
    }
  }

  void close_frame() {
    GmlPair done = std::move(frames_.back());
    frames_.pop_back();
    frames_.back().value.items.push_back(std::move(done));
  }

  static bool key_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
  static bool key_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

  void parse_pairs() {
    while (true) {
      skip_space_and_comments();
      if (position_ >= text_.size()) {
        if (frames_.size() > 1) {
          throw SyntaxError{line_, fmt::format("the list '{}' opened on line {} is not closed with ']'",
                                               frames_.back().key, frames_.back().value.line)};
        }
        return;
      }
      char c = text_[position_];
      if (c == ']') {
        if (frames_.size() == 1) throw SyntaxError{line_, "']' without a matching '['"};
        ++position_;
        close_frame();
        continue;
      }
      if (!key_start(c)) throw SyntaxError{line_, fmt::format("expected a key, found '{}'", c)};
      std::size_t start = position_;
      while (position_ < text_.size() && key_char(text_[position_])) ++position_;
      std::string key(text_.substr(start, position_ - start));
      skip_space_and_comments();
      if (position_ >= text_.size()) throw SyntaxError{line_, fmt::format("the key '{}' has no value", key)};
      std::uint64_t value_line = line_;
      c = text_[position_];
      if (c == '[') {
        ++position_;
        frames_.push_back(GmlPair{std::move(key), GmlValue{GmlValue::Kind::list, {}, {}, value_line}});
        continue;
      }
      GmlValue value;
      value.line = value_line;
      if (c == '"') {
        std::size_t close = text_.find('"', position_ + 1);
        if (close == std::string_view::npos) {
          throw SyntaxError{value_line, fmt::format("the string of '{}' is not closed with '\"'", key)};
        }
        std::string_view raw = text_.substr(position_ + 1, close - position_ - 1);
        for (char ch : raw) line_ += ch == '\n' ? 1 : 0;
        value.kind = GmlValue::Kind::string;
        value.text = decode_entities(raw);
        position_ = close + 1;
      } else {
        std::size_t begin = position_;
        while (position_ < text_.size() && !std::isspace(static_cast<unsigned char>(text_[position_])) &&
               text_[position_] != ']' && text_[position_] != '[') {
          ++position_;
        }
        std::string_view token = text_.substr(begin, position_ - begin);
        if (token.empty() || !is_number(token)) {
          throw SyntaxError{value_line, fmt::format("the value of '{}' is neither a number, a string nor a list", key)};
        }
        value.kind = GmlValue::Kind::number;
        value.text = std::string(token.front() == '+' ? token.substr(1) : token);
      }
      frames_.back().value.items.push_back(GmlPair{std::move(key), std::move(value)});
    }
  }

  static bool is_number(std::string_view token) {
    if (token.front() == '+' || token.front() == '-') token.remove_prefix(1);
    if (token.empty()) return false;
    double value = 0;
    auto [end, error] = std::from_chars(token.data(), token.data() + token.size(), value);
    return error == std::errc{} && end == token.data() + token.size();
  }

  std::string_view text_;
  std::size_t position_ = 0;
  std::uint64_t line_ = 1;
  std::vector<GmlPair> frames_;
};

void flatten(const std::string& prefix, const GmlValue& list, std::vector<std::pair<std::string, const GmlValue*>>& out) {
  for (const GmlPair& pair : list.items) {
    std::string name = prefix.empty() ? pair.key : prefix + "." + pair.key;
    if (pair.value.kind == GmlValue::Kind::list) {
      flatten(name, pair.value, out);
    } else {
      out.emplace_back(std::move(name), &pair.value);
    }
  }
}

const GmlValue* scalar(const GmlValue& list, std::string_view key) {
  for (const GmlPair& pair : list.items) {
    if (pair.key == key && pair.value.kind != GmlValue::Kind::list) return &pair.value;
  }
  return nullptr;
}

std::optional<std::string> text_of(const GmlValue* value) {
  if (!value) return std::nullopt;
  return value->text;
}

void read_node(const GmlValue& node, NetworkBuilder& builder) {
  auto added = builder.add_node(text_of(scalar(node, "id")), node.line, "node");
  if (!added) return;
  std::uint32_t index = *added;
  std::vector<std::pair<std::string, const GmlValue*>> fields;
  flatten("", node, fields);
  std::unordered_set<std::string> seen;
  for (const auto& [name, value] : fields) {
    if (name == "id") continue;
    if (!seen.insert(name).second) {
      builder.count("node keys repeated within a node (the first value kept)");
      continue;
    }
    if (name == "label") {
      builder.set_label(index, value->text);
    } else {
      builder.set_attribute(index, name, value->text);
    }
  }
}

void read_edge(const GmlValue& edge, NetworkBuilder& builder) {
  auto ends = builder.edge_ends(text_of(scalar(edge, "source")), text_of(scalar(edge, "target")), edge.line, "edge");
  if (!ends) return;
  GraphEdge out;
  const GmlValue* weight = scalar(edge, "weight");
  if (!weight) weight = scalar(edge, "value");
  if (weight && !builder.read_weight(weight->text, edge.line, out.weight)) return;
  for (std::string_view key : {"time", "timestamp", "start"}) {
    if (const GmlValue* time = scalar(edge, key)) {
      if (!builder.read_time(time->text, edge.line, out.first)) return;
      out.last = out.first;
      break;
    }
  }
  if (const GmlValue* type = scalar(edge, "type")) out.type = builder.edge_type(type->text);
  for (const GmlPair& pair : edge.items) {
    static const std::unordered_set<std::string_view> read{"source", "target", "weight", "value", "time",
                                                            "timestamp", "start", "type", "id"};
    if (!read.contains(pair.key)) builder.edge_value_not_kept(pair.key);
  }
  out.source = ends->first;
  out.target = ends->second;
  builder.add_edge(out);
}

}  // namespace

ImportedNetwork read_gml(std::string_view text, const std::string& path) {
  NetworkBuilder builder(path, NetworkFormat::gml);
  std::optional<SyntaxError> error;
  std::uint64_t interrupted = 0;
  std::vector<GmlPair> top = GmlParser(text).parse(error, interrupted);
  if (error) {
    builder.reject(error->line, fmt::format("{}; the rest of the file was not read{}", error->message,
                                            interrupted ? fmt::format(" (the element of line {} was dropped)", interrupted)
                                                        : std::string()));
  }
  const GmlValue* graph = nullptr;
  std::size_t graphs = 0;
  for (const GmlPair& pair : top) {
    if (pair.key == "graph" && pair.value.kind == GmlValue::Kind::list) {
      if (!graph) graph = &pair.value;
      ++graphs;
    }
  }
  if (graphs > 1) builder.note(fmt::format("the file holds {} graphs; the first was read", graphs));
  bool directed = false;
  if (graph) {
    if (const GmlValue* flag = scalar(*graph, "directed")) directed = flag->text != "0";
    for (const GmlPair& pair : graph->items) {
      if (pair.key == "node") {
        if (pair.value.kind == GmlValue::Kind::list) read_node(pair.value, builder);
        else builder.reject(pair.value.line, "a node must be a list [ id ... ]");
      }
    }
    for (const GmlPair& pair : graph->items) {
      if (pair.key == "edge") {
        if (pair.value.kind == GmlValue::Kind::list) read_edge(pair.value, builder);
        else builder.reject(pair.value.line, "an edge must be a list [ source ... target ... ]");
      }
    }
  } else if (!error) {
    builder.reject(0, "no 'graph [ ... ]' in the file");
  }
  return builder.finish(directed);
}

}  // namespace leaktrace
