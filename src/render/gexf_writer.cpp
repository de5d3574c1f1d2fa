#include "render/gexf_writer.h"

#include <cmath>
#include <optional>

#include <fmt/format.h>

#include "render/xml_text.h"

namespace leaktrace {
namespace {

struct Version {
  std::string_view ns, viz, schema, number, timeformat;
};

constexpr Version v1_3{"http://gexf.net/1.3", "http://gexf.net/1.3/viz", "http://gexf.net/1.3/gexf.xsd", "1.3",
                       "dateTime"};
constexpr Version v1_2draft{"http://www.gexf.net/1.2draft", "http://www.gexf.net/1.2draft/viz",
                            "http://www.gexf.net/1.2draft/gexf.xsd", "1.2", "date"};

std::string_view gexf_type(ColumnType type) {
  switch (type) {
    case ColumnType::integer: return "long";
    case ColumnType::real: return "double";
    default: return "string";
  }
}

std::string number(double value) { return fmt::format("{}", value); }

// The built-in attributes take the first ids (edges: `type`), the document's columns the next.
void write_attvalues(XmlOutput& out, const std::vector<std::optional<std::string>>& builtins,
                     const std::vector<NetworkValue>& values) {
  bool open = false;
  auto attvalue = [&](std::size_t id, const std::string& text) {
    if (!open) {
      out.buffer() += "        <attvalues>\n";
      open = true;
    }
    out.buffer() += "          <attvalue";
    out.attribute("for", std::to_string(id));
    out.attribute("value", text);
    out.buffer() += "/>\n";
  };
  for (std::size_t i = 0; i < builtins.size(); ++i) {
    if (builtins[i]) attvalue(i, *builtins[i]);
  }
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (auto text = network_value_text(values[i])) attvalue(builtins.size() + i, *text);
  }
  if (open) out.buffer() += "        </attvalues>\n";
}

void declare(XmlOutput& out, std::string_view cls, const std::vector<NetworkColumn>& builtin,
             const std::vector<NetworkColumn>& columns) {
  if (builtin.empty() && columns.empty()) return;
  out.buffer() += fmt::format("    <attributes class=\"{}\" mode=\"static\">\n", cls);
  std::size_t id = 0;
  for (const auto* list : {&builtin, &columns}) {
    for (const NetworkColumn& column : *list) {
      out.buffer() += "      <attribute";
      out.attribute("id", std::to_string(id++));
      out.attribute("title", column.name);
      out.attribute("type", gexf_type(column.type));
      out.buffer() += "/>\n";
    }
  }
  out.buffer() += "    </attributes>\n";
}

}  // namespace

void write_gexf(const NetworkDocument& document, std::ostream& stream, const GexfOptions& options) {
  document.check();
  const Version& version = options.version == GexfVersion::v1_3 ? v1_3 : v1_2draft;
  const bool dynamic = document.dynamic();
  XmlOutput out(stream);
  std::string& b = out.buffer();
  b += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gexf";
  out.attribute("xmlns", version.ns);
  out.attribute("xmlns:viz", version.viz);
  out.attribute("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
  out.attribute("xsi:schemaLocation", fmt::format("{} {}", version.ns, version.schema));
  out.attribute("version", version.number);
  b += ">\n  <meta>\n    <creator>";
  out.text(options.creator);
  b += "</creator>\n";
  if (!document.title.empty()) {
    b += "    <description>";
    out.text(document.title);
    b += "</description>\n";
  }
  b += "  </meta>\n  <graph";
  out.attribute("defaultedgetype", document.directed ? "directed" : "undirected");
  out.attribute("mode", dynamic ? "dynamic" : "static");
  if (dynamic) out.attribute("timeformat", version.timeformat);
  b += ">\n";
  declare(out, "node", {}, document.node_columns);
  declare(out, "edge", {NetworkColumn{"type", ColumnType::string}}, document.edge_columns);

  b += fmt::format("    <nodes count=\"{}\">\n", document.nodes.size());
  for (const NetworkNode& node : document.nodes) {
    b += "      <node";
    out.attribute("id", node.id);
    out.attribute("label", node.label);
    if (node.start != unknown_time) out.attribute("start", format_iso8601_time(node.start));
    b += ">\n";
    write_attvalues(out, {}, node.values);
    if (node.colour) {
      b += fmt::format("        <viz:color r=\"{}\" g=\"{}\" b=\"{}\"/>\n", node.colour->r, node.colour->g,
                       node.colour->b);
    }
    if (node.x && node.y && std::isfinite(*node.x) && std::isfinite(*node.y)) {
      b += fmt::format("        <viz:position x=\"{}\" y=\"{}\" z=\"0\"/>\n", number(*node.x), number(*node.y));
    }
    if (node.size && std::isfinite(*node.size)) b += fmt::format("        <viz:size value=\"{}\"/>\n", number(*node.size));
    b += "      </node>\n";
    out.maybe_flush();
  }
  b += "    </nodes>\n";

  b += fmt::format("    <edges count=\"{}\">\n", document.edges.size());
  for (std::size_t i = 0; i < document.edges.size(); ++i) {
    const NetworkEdge& edge = document.edges[i];
    b += "      <edge";
    out.attribute("id", std::to_string(i));
    out.attribute("source", document.nodes[edge.source].id);
    out.attribute("target", document.nodes[edge.target].id);
    out.attribute("weight", number(edge.weight));
    if (options.version == GexfVersion::v1_3 && !edge.type.empty()) out.attribute("kind", edge.type);
    if (edge.time != unknown_time) out.attribute("start", format_iso8601_time(edge.time));
    b += ">\n";
    write_attvalues(out, {edge.type.empty() ? std::nullopt : std::optional<std::string>(edge.type)}, edge.values);
    b += "      </edge>\n";
    out.maybe_flush();
  }
  b += "    </edges>\n  </graph>\n</gexf>\n";
}

}  // namespace leaktrace
