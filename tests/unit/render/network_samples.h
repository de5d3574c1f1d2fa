#pragma once

#include "render/network_document.h"

namespace leaktrace::testing {

// 2017-05-05T20:49:00Z
constexpr TimeMs sample_start = 1494017340000;

// A small export with every kind of value and the text an attacker controls (handles, bios,
// URLs): markup, quotes, control characters XML forbids, a tab and a newline, non-Latin scripts.
//
//   twitter:2 --repost(3)--> twitter:25073877 <--citation-- 4chan:thread:pol/124245377
//                                  \------------mention(2.5)------------^
inline NetworkDocument sample_network() {
  NetworkDocument document;
  document.title = "#MacronLeaks <test> & co";
  document.directed = true;
  document.node_columns = {{"community", ColumnType::integer},
                           {"pagerank", ColumnType::real},
                           {"first_share", ColumnType::time},
                           {"bio", ColumnType::string}};
  document.edge_columns = {{"url", ColumnType::string}};
  NetworkNode wikileaks{"twitter:25073877", "wikileaks", sample_start, 1.5, -2.25, 3.0, Rgb8{239, 173, 66}, {}};
  wikileaks.values = {std::int64_t{0}, 0.25, NetworkTime{sample_start},
                      std::string("<script>alert(\"x\")</script> & \x01 é\nnext line")};
  NetworkNode quoted{"twitter:2", "a \"quoted\" <b>handle</b> & \x0b;", unknown_time, {}, {}, {}, {}, {}};
  quoted.values = {std::int64_t{1}, std::monostate{}, std::monostate{}, std::string("tab\there, comma, ok")};
  NetworkNode thread{"4chan:thread:pol/124245377", "Anonymous", sample_start + 60000, 0.0, 10.0, 1.0, Rgb8{0, 0, 255}, {}};
  thread.values = {std::int64_t{0}, 0.5, NetworkTime{sample_start + 60000}, std::string("日本語 🙂")};
  document.nodes = {wikileaks, quoted, thread};
  document.edges = {
      NetworkEdge{1, 0, 3, "repost", sample_start + 1000, {std::string("https://x.com/a?b=1&c=2")}},
      NetworkEdge{2, 0, 1, "citation", unknown_time, {std::monostate{}}},
      NetworkEdge{0, 2, 2.5, "mention", sample_start + 5000, {std::string("")}},
  };
  return document;
}

// What an XML reader gives back for the sample's strings: the characters XML forbids dropped.
inline std::string xml_readable(std::string text) {
  std::erase_if(text, [](char c) { return static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r'; });
  return text;
}

}  // namespace leaktrace::testing
