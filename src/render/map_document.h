#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/time.h"

namespace leaktrace {

// What a propagation map shows, with every number already computed and every position laid out.
// The HTML map, the static SVG/PNG figure and the report's embedded map all draw one of these; they
// know nothing of how it was computed. Every string in it is attacker-controlled text (handles,
// names, post texts, URLs) and is escaped, or set as text, by whoever draws it.

struct MapPost {
  std::string url;   // link to the post on its platform (drawn as a link only when http or https)
  std::string text;
  TimeMs time = unknown_time;
  std::int64_t reposts = 0;  // shares of it seen in the data
};

struct MapNode {
  std::string id;      // "PLATFORM:ACCOUNT_ID", e.g. "twitter:25073877"
  std::string label;   // handle, e.g. "wikileaks" (without '@')
  std::string name;    // display name
  int community = -1;  // index into MapDocument::communities, -1 when in none
  double x = 0;
  double y = 0;
  double size = 1;     // drawn radius in layout units (from PageRank)
  double pagerank = 0;
  std::int64_t followers = -1;  // -1 when unknown
  TimeMs first_share = unknown_time;  // first post of the subject by this account; unknown if none
  MapPost first_share_post;
  std::vector<MapPost> top_posts;  // most reposted posts of the subject by this account
  bool backbone = true;  // laid out by ForceAtlas2; false when placed next to its neighbour
};

enum class MapEdgeType : unsigned char { repost, quote, reply, mention, citation };

struct MapEdge {
  std::uint32_t source = 0;  // index into MapDocument::nodes; source amplified, quoted, answered,
  std::uint32_t target = 0;  // mentioned or cited target
  float weight = 1;          // number of interactions
  MapEdgeType type = MapEdgeType::repost;
  TimeMs time = unknown_time;  // first interaction
};

struct MapCommunity {
  std::string label;    // e.g. "@wikileaks, @disobedientnews · #macronleaks · en"
  std::string colour;   // "#rrggbb"
  std::int64_t accounts = 0;  // in the whole graph, not only those shown
};

// When the map shows a backbone plus a sample of the rest, it says so in its legend.
struct MapSampling {
  std::int64_t accounts_total = 0;
  std::int64_t accounts_shown = 0;
  std::int64_t edges_total = 0;
  std::int64_t edges_shown = 0;
  std::string how;  // e.g. "backbone of accounts with 2 or more neighbours, plus 10% of the rest"
};

struct MapDocument {
  std::string title;
  std::string subject;  // as the user gave it, e.g. "#MacronLeaks"; empty for the whole dataset
  TimeMs start = unknown_time;
  TimeMs end = unknown_time;
  std::vector<MapNode> nodes;
  std::vector<MapEdge> edges;
  std::vector<MapCommunity> communities;
  MapSampling sampling;
};

std::string_view map_edge_type_name(MapEdgeType type);

}  // namespace leaktrace
