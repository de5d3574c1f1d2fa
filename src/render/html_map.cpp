#include "render/html_map.h"

#include <cmath>
#include <fstream>
#include <stdexcept>

#include <fmt/format.h>

#include "model/version.h"
#include "render/html_escape.h"
#include "render/html_map_viewer.h"
#include "render/json_writer.h"

namespace leaktrace {
namespace {

constexpr int default_fragment_height_px = 640;
constexpr std::int64_t json_format_version = 1;
constexpr MapEdgeType all_edge_types[] = {MapEdgeType::repost, MapEdgeType::quote, MapEdgeType::reply,
                                          MapEdgeType::mention, MapEdgeType::citation};

bool is_valid_element_id(std::string_view id) {
  if (id.empty()) return false;
  const auto is_letter = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); };
  if (!is_letter(id.front())) return false;
  for (char c : id) {
    if (!is_letter(c) && !(c >= '0' && c <= '9') && c != '-' && c != '_') return false;
  }
  return true;
}

void check_options(const HtmlMapOptions& options) {
  if (!is_valid_element_id(options.element_id)) {
    throw std::invalid_argument(fmt::format(
        "map element id '{}' is not usable: give one that starts with a letter and has only letters, "
        "digits, '-' and '_'",
        options.element_id));
  }
  if (options.height_px < 0) throw std::invalid_argument("map height must be 0 (fill the viewport) or more");
}

// Positions and sizes need no more than float precision on screen; shortest round-trip form.
void append_float(std::string& out, double number) {
  const auto value = static_cast<float>(number);
  if (!std::isfinite(value)) {
    out.push_back('0');
    return;
  }
  fmt::format_to(std::back_inserter(out), "{}", value);
}

void append_time(std::string& out, TimeMs time) {
  if (time == unknown_time) {
    out += "null";
    return;
  }
  fmt::format_to(std::back_inserter(out), "{}", time);
}

// One column of the node or edge table: "name":[v0,v1,...].
template <typename Items, typename Append>
void append_column(std::string& out, std::string_view name, const Items& items, Append append_value) {
  append_json_string(out, name);
  out += ":[";
  bool first = true;
  for (const auto& item : items) {
    if (!first) out.push_back(',');
    first = false;
    append_value(item);
  }
  out.push_back(']');
}

void append_post(std::string& out, const MapPost& post) {
  out += "{\"url\":";
  append_json_string(out, post.url);
  out += ",\"text\":";
  append_json_string(out, post.text);
  out += ",\"time\":";
  append_time(out, post.time);
  fmt::format_to(std::back_inserter(out), ",\"reposts\":{}}}", post.reposts);
}

bool has_posts(const MapNode& node) {
  return !node.first_share_post.url.empty() || !node.first_share_post.text.empty() || !node.top_posts.empty();
}

bool is_sampled(const MapSampling& sampling) {
  return sampling.accounts_shown < sampling.accounts_total || sampling.edges_shown < sampling.edges_total;
}

}  // namespace

namespace {

// The container the viewer draws in and the data block it reads (element_id already checked).
void append_map_elements(std::string& out, const MapDocument& document, std::string_view element_id,
                         std::string_view height_css) {
  fmt::format_to(std::back_inserter(out),
                 "<div class=\"lt-map\" id=\"{0}\" data-lt-map=\"{0}-data\" style=\"height:{1}\"></div>\n"
                 "<script type=\"application/json\" id=\"{0}-data\">",
                 element_id, height_css);
  out += html_map_json(document);
  out += "</script>\n";
}

}  // namespace

std::string html_map_json(const MapDocument& document) {
  std::string out;
  out.reserve(256 + document.nodes.size() * 96 + document.edges.size() * 40);
  fmt::format_to(std::back_inserter(out), "{{\"format\":\"leaktrace-map\",\"version\":{},\"title\":", json_format_version);
  append_json_string(out, document.title);
  out += ",\"subject\":";
  append_json_string(out, document.subject);
  out += ",\"start\":";
  append_time(out, document.start);
  out += ",\"end\":";
  append_time(out, document.end);

  out += ",\"communities\":[";
  for (std::size_t i = 0; i < document.communities.size(); ++i) {
    const MapCommunity& community = document.communities[i];
    if (i) out.push_back(',');
    out += "{\"label\":";
    append_json_string(out, community.label);
    out += ",\"colour\":";
    append_json_string(out, community.colour);
    fmt::format_to(std::back_inserter(out), ",\"accounts\":{}}}", community.accounts);
  }
  out += "],\"sampling\":";
  if (is_sampled(document.sampling)) {
    const MapSampling& sampling = document.sampling;
    fmt::format_to(std::back_inserter(out),
                   "{{\"accounts_total\":{},\"accounts_shown\":{},\"edges_total\":{},\"edges_shown\":{},\"how\":",
                   sampling.accounts_total, sampling.accounts_shown, sampling.edges_total, sampling.edges_shown);
    append_json_string(out, sampling.how);
    out.push_back('}');
  } else {
    out += "null";
  }

  out += ",\"edge_types\":[";
  for (std::size_t i = 0; i < std::size(all_edge_types); ++i) {
    if (i) out.push_back(',');
    append_json_string(out, map_edge_type_name(all_edge_types[i]));
  }

  const auto& nodes = document.nodes;
  const auto community_count = static_cast<int>(document.communities.size());
  out += "],\"nodes\":{";
  append_column(out, "id", nodes, [&](const MapNode& node) { append_json_string(out, node.id); });
  out.push_back(',');
  append_column(out, "label", nodes, [&](const MapNode& node) { append_json_string(out, node.label); });
  out.push_back(',');
  append_column(out, "name", nodes, [&](const MapNode& node) { append_json_string(out, node.name); });
  out.push_back(',');
  append_column(out, "community", nodes, [&](const MapNode& node) {
    const int community = node.community >= 0 && node.community < community_count ? node.community : -1;
    fmt::format_to(std::back_inserter(out), "{}", community);
  });
  out.push_back(',');
  append_column(out, "x", nodes, [&](const MapNode& node) { append_float(out, node.x); });
  out.push_back(',');
  append_column(out, "y", nodes, [&](const MapNode& node) { append_float(out, node.y); });
  out.push_back(',');
  append_column(out, "size", nodes, [&](const MapNode& node) { append_float(out, node.size); });
  out.push_back(',');
  append_column(out, "pagerank", nodes, [&](const MapNode& node) {
    if (!std::isfinite(node.pagerank)) {
      out.push_back('0');
      return;
    }
    fmt::format_to(std::back_inserter(out), "{:.6g}", node.pagerank);
  });
  out.push_back(',');
  append_column(out, "followers", nodes, [&](const MapNode& node) {
    if (node.followers < 0) {
      out += "null";
      return;
    }
    fmt::format_to(std::back_inserter(out), "{}", node.followers);
  });
  out.push_back(',');
  append_column(out, "first_share", nodes, [&](const MapNode& node) { append_time(out, node.first_share); });
  out.push_back(',');
  append_column(out, "backbone", nodes, [&](const MapNode& node) { out.push_back(node.backbone ? '1' : '0'); });

  out += "},";
  append_column(out, "posts", nodes, [&](const MapNode& node) {
    if (!has_posts(node)) {
      out += "null";
      return;
    }
    out += "{\"first\":";
    if (node.first_share_post.url.empty() && node.first_share_post.text.empty()) {
      out += "null";
    } else {
      append_post(out, node.first_share_post);
    }
    out += ",\"top\":[";
    for (std::size_t i = 0; i < node.top_posts.size(); ++i) {
      if (i) out.push_back(',');
      append_post(out, node.top_posts[i]);
    }
    out += "]}";
  });

  std::vector<const MapEdge*> edges;
  edges.reserve(document.edges.size());
  for (const MapEdge& edge : document.edges) {
    if (edge.source < nodes.size() && edge.target < nodes.size()) edges.push_back(&edge);
  }
  out += ",\"edges\":{";
  append_column(out, "source", edges, [&](const MapEdge* edge) { fmt::format_to(std::back_inserter(out), "{}", edge->source); });
  out.push_back(',');
  append_column(out, "target", edges, [&](const MapEdge* edge) { fmt::format_to(std::back_inserter(out), "{}", edge->target); });
  out.push_back(',');
  append_column(out, "weight", edges, [&](const MapEdge* edge) { append_float(out, edge->weight); });
  out.push_back(',');
  append_column(out, "type", edges, [&](const MapEdge* edge) {
    fmt::format_to(std::back_inserter(out), "{}", static_cast<int>(edge->type));
  });
  out.push_back(',');
  append_column(out, "time", edges, [&](const MapEdge* edge) { append_time(out, edge->time); });
  out += "}}";
  return out;
}

std::string html_map_script_hash_source() {
  return fmt::format("'sha256-{}'", html_map_viewer_script_sha256());
}

std::string html_map_content_security_policy() {
  return fmt::format(
      "default-src 'none'; script-src {}; style-src 'unsafe-inline'; img-src data: blob:; font-src data:; "
      "connect-src 'none'; worker-src 'none'; frame-src 'none'; object-src 'none'; base-uri 'none'; "
      "form-action 'none'",
      html_map_script_hash_source());
}

std::string html_map_viewer_script_element() {
  std::string out = "<script>";
  out += html_map_viewer_script();
  out += "</script>\n";
  return out;
}

std::string html_map_fragment(const MapDocument& document, const HtmlMapOptions& options) {
  check_options(options);
  const int height = options.height_px > 0 ? options.height_px : default_fragment_height_px;
  std::string out;
  append_map_elements(out, document, options.element_id, fmt::format("{}px", height));
  return out;
}

std::string html_map_page(const MapDocument& document, const HtmlMapOptions& options) {
  check_options(options);
  const std::string& title = options.title.empty() ? document.title : options.title;
  std::string out;
  out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta http-equiv=\"Content-Security-Policy\" content=\"";
  out += html_map_content_security_policy();
  out += "\">\n<meta name=\"referrer\" content=\"no-referrer\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  fmt::format_to(std::back_inserter(out), "<meta name=\"generator\" content=\"leaktrace {}\">\n", version);
  out += "<title>";
  append_escaped_html(out, title.empty() ? std::string_view("leaktrace map") : std::string_view(title));
  out += "</title>\n<style>html,body{margin:0;padding:0;height:100%;overflow:hidden}</style>\n</head>\n<body>\n";
  const std::string height = options.height_px > 0 ? fmt::format("{}px", options.height_px) : "100vh";
  append_map_elements(out, document, options.element_id, height);
  out += html_map_viewer_script_element();
  out += "</body>\n</html>\n";
  return out;
}

void write_html_map_page(const MapDocument& document, const HtmlMapOptions& options,
                         const std::filesystem::path& path) {
  const std::string page = html_map_page(document, options);
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  if (!file) throw std::runtime_error(fmt::format("cannot write the map to {}: check that its folder exists and is writable", path.string()));
  file.write(page.data(), static_cast<std::streamsize>(page.size()));
  file.close();
  if (!file) throw std::runtime_error(fmt::format("cannot write the map to {}: is the disk full?", path.string()));
}

}  // namespace leaktrace
